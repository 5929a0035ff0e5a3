// Data of one customer's page: the customer, their orders and agents' notes.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad } from '../../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../../backoffice/backoffice-load';
import type { CustomerWithOrdersView } from '../../../../server/orders';

export async function load({ event, params }: PageServerLoad): Promise<BackofficeLoad<CustomerWithOrdersView>> {
  const customerId = String(params?.['customerId'] ?? '');
  return backofficeLoad(event, `/backoffice/customers/${encodeURIComponent(customerId)}`, (caller) =>
    caller.backoffice.customers.detail({ customerId }),
  );
}
