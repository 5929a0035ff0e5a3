// Data of the orders list and the one search box: the filters, read from the query string, and
// with a search typed, the products and customers it also finds.
import type { PageServerLoad } from '@analogjs/router';
import { agentTimeZoneOf, backofficeLoad, readFilters } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { OrderSummaryView } from '../../../server/orders';
import type { ProductHit } from '../../../server/catalog-admin';
import type { CustomerSummaryView } from '../../../server/customers';
import { OrderStatus } from '../../../server/orders';
import { MARKET_CODES } from '../../../common/markets';

export interface OrdersListData {
  readonly filters: Record<string, string>;
  /** The filters' choices, from the server's own declarations. */
  readonly statuses: readonly string[];
  readonly markets: readonly string[];
  readonly orders: readonly OrderSummaryView[];
  readonly products: readonly ProductHit[];
  readonly customers: readonly CustomerSummaryView[];
}

const FILTERS = ['q', 'status', 'market', 'from', 'to', 'needsAttention'] as const;

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<OrdersListData>> {
  const { filters, pagePath } = readFilters(event, '/backoffice', FILTERS);
  const q = filters['q'] ?? '';
  return backofficeLoad(event, pagePath, async (caller) => ({
    filters,
    statuses: OrderStatus.options,
    markets: MARKET_CODES,
    products: q ? await caller.backoffice.products.search({ q, limit: 10 }) : [],
    customers: q ? await caller.backoffice.customers.search({ q, limit: 10 }) : [],
    orders: await caller.backoffice.orders.search({
      q: filters['q'] ?? '',
      // Wrong values are the tRPC input's to refuse: the page shows its message naming the field.
      status: filters['status'] as never,
      market: filters['market'] as never,
      from: filters['from'],
      to: filters['to'],
      timeZone: agentTimeZoneOf(event),
      needsAttention: filters['needsAttention'] === 'on',
    }),
  }));
}
