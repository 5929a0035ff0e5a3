// The back office's one search box and list filters, free of I/O: what the agent typed becomes
// the order numbers, e-mails, phones and names to look for, then one MongoDB filter.
import { z } from 'zod';
import { MarketCode } from '../../common/markets';
import { dayRange, DaysFilter } from '../../common/time';
import type { SearchTerms } from '../customers';
import { OrderStatus } from './order.schema';

export const OrderSearch = z.object({
  q: z.string().trim().max(200).default(''),
  status: OrderStatus.optional(),
  market: MarketCode.optional(),
  ...DaysFilter.shape,
  needsAttention: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
});
export type OrderSearch = z.infer<typeof OrderSearch>;

/** The orders filter: the list filters, and when a search was typed, any of its matches. */
export function orderFilter(search: OrderSearch, terms: SearchTerms | null, customerIds: readonly string[]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (search.needsAttention) filter['status'] = 'needs_attention';
  else if (search.status) filter['status'] = search.status;
  if (search.market) filter['market'] = search.market;
  const createdAt = dayRange(search.from, search.to, search.timeZone);
  if (createdAt) filter['createdAt'] = createdAt;
  if (terms) {
    const or: Record<string, unknown>[] = [{ number: terms.text }, { number: terms.text.toUpperCase() }];
    if (terms.email) or.push({ email: terms.email });
    if (terms.phones.length > 0) or.push({ 'shippingAddress.phone': { $in: [...terms.phones] } });
    if (customerIds.length > 0) or.push({ customerId: { $in: [...customerIds] } });
    filter['$or'] = or;
  }
  return filter;
}
