// Data of the orders list: the search box and the filters, read from the query string.
import type { PageServerLoad } from '@analogjs/router';
import { getQuery } from 'h3';
import { backofficeLoad } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { OrderSummaryView } from '../../../server/orders/order-view';

export interface OrdersListData {
  readonly filters: Record<string, string>;
  readonly orders: readonly OrderSummaryView[];
}

const FILTERS = ['q', 'status', 'market', 'from', 'to', 'needsAttention'] as const;

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<OrdersListData>> {
  const query = getQuery(event);
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') filters[name] = value.trim();
  }
  const search = new URLSearchParams(filters).toString();
  return backofficeLoad(event, `/backoffice${search ? `?${search}` : ''}`, async (caller) => ({
    filters,
    orders: await caller.backoffice.orders.search({
      q: filters['q'] ?? '',
      // Wrong values are the tRPC input's to refuse: the page shows its message naming the field.
      status: filters['status'] as never,
      market: filters['market'] as never,
      from: filters['from'],
      to: filters['to'],
      needsAttention: filters['needsAttention'] === 'on',
    }),
  }));
}
