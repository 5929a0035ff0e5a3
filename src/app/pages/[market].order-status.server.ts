// Data of the order status page: with a number and an e-mail in the query (the page's GET
// form), the order they name, or `not-found` for any mismatch, which tells nothing about
// whether the e-mail has orders. A malformed e-mail is an error next to its field.
import type { PageServerLoad } from '@analogjs/router';
import { getQuery } from 'h3';
import { TRPCError } from '@trpc/server';
import { shopLoad } from '../cart/shop-load.server';
import type { ShopLoad } from '../cart/shop-load';
import type { ShopperOrderView } from '../../server/checkout/order-status';

export type OrderStatusLookup =
  | { readonly result: 'none'; readonly number: string; readonly email: string }
  | { readonly result: 'found'; readonly number: string; readonly email: string; readonly order: ShopperOrderView }
  | { readonly result: 'not-found' | 'invalid'; readonly number: string; readonly email: string; readonly invalid: readonly ('number' | 'email')[] };

export async function load({ params, event }: PageServerLoad): Promise<ShopLoad<OrderStatusLookup>> {
  const query = getQuery(event);
  const number = typeof query['number'] === 'string' ? query['number'].trim() : '';
  const email = typeof query['email'] === 'string' ? query['email'].trim() : '';
  return shopLoad(event, params?.['market'], 'order status page', async (caller): Promise<OrderStatusLookup> => {
    if (!email) return { result: 'none', number, email };
    try {
      return { result: 'found', number, email, order: await caller.checkout.orderStatus({ number, email }) };
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      if (error.code === 'NOT_FOUND') return { result: 'not-found', number, email, invalid: [] };
      if (error.code !== 'BAD_REQUEST') throw error;
      const invalid = (['number', 'email'] as const).filter((f) => error.message.includes(f));
      return { result: 'invalid', number, email, invalid };
    }
  });
}
