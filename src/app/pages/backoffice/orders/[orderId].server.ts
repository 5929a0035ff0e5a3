// Data of one order's page: the order with its lines, customer, purchases, refunds and timeline.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad } from '../../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../../backoffice/backoffice-load';
import type { OrderView } from '../../../../server/orders';

export async function load({ event, params }: PageServerLoad): Promise<BackofficeLoad<OrderView>> {
  const orderId = String(params?.['orderId'] ?? '');
  return backofficeLoad(event, `/backoffice/orders/${encodeURIComponent(orderId)}`, (caller) =>
    caller.backoffice.orders.detail({ orderId }),
  );
}
