// The server half of the shop's cart, checkout and order pages: the market from the route,
// the router called in-process with the visitor's cookies, and failures turned into a status
// (load() never throws, which Analog would answer as an empty page with 200).
import type { H3Event } from 'h3';
import { TRPCError } from '@trpc/server';
import { isMarketCode, MARKETS, type MarketCode } from '../../common/markets';
import { createContext } from '../../server/trpc/context';
import { appRouter } from '../../server/trpc/routers/_app';
import type { ShopContext, ShopLoad } from './shop-load';
import { visitorMarket } from '../shop/visitor-market.server';

type Caller = ReturnType<typeof appRouter.createCaller>;

export function shopContext(market: MarketCode): ShopContext {
  const { code, language, locale, timeZone } = MARKETS[market];
  return { market: code, language, locale, timeZone };
}

/** `read` answering null is a 404 (an order not found, say), with the page still in the market's language. */
export async function shopLoad<T>(
  event: H3Event,
  marketParam: unknown,
  page: string,
  read: (caller: Caller, shop: ShopContext) => Promise<T>,
): Promise<ShopLoad<T>> {
  if (!isMarketCode(marketParam)) return { status: 'not-found', shop: shopContext(visitorMarket(event)) };
  const shop = shopContext(marketParam);
  try {
    return { status: 'ok', shop, data: await read(appRouter.createCaller(createContext(event)), shop) };
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return { status: 'not-found', shop };
    console.error(`${page} /${marketParam} could not be read`, error);
    return { status: 'unavailable', shop };
  }
}
