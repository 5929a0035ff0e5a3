// The markets as the storefront's frame needs them (code, name, language), handed from the
// server's market table to the browser through TransferState: the browser bundle then needs
// neither the table's module nor zod, and the one declaration stays src/common/markets.
import { Injectable, InjectionToken, TransferState, inject, makeStateKey, signal, type Provider } from '@angular/core';
import type { ShopLanguage } from '../../common/markets';

export interface ShopMarket {
  readonly code: ShopLanguage;
  readonly name: string;
  readonly language: ShopLanguage;
}

export const SHOP_MARKETS = new InjectionToken<readonly ShopMarket[]>('the storefront markets');

const TRANSFERRED = makeStateKey<readonly ShopMarket[]>('shop-markets');

/** The server's provider: the table, also written into the page for the browser. */
export function provideShopMarkets(markets: readonly ShopMarket[]): Provider {
  return {
    provide: SHOP_MARKETS,
    useFactory: () => {
      inject(TransferState).set(TRANSFERRED, markets);
      return markets;
    },
  };
}

/** The browser's provider: what the server wrote into the page. */
export const provideTransferredShopMarkets: Provider = {
  provide: SHOP_MARKETS,
  useFactory: () => inject(TransferState).get(TRANSFERRED, []),
};

/**
 * The market a page outside every market's prefix speaks for (the 404 of an unknown address,
 * in the visitor's language), so that the frame around it, header and footer, speaks it too.
 */
@Injectable({ providedIn: 'root' })
export class PageMarket {
  readonly code = signal<ShopLanguage | null>(null);
}

/** The market a storefront path is in (`/fr/p/…` → fr), or null outside the shop. */
export function marketOfPath(path: string, markets: readonly ShopMarket[]): ShopMarket | null {
  const first = path.split(/[/?#]/)[1] ?? '';
  return markets.find((m) => m.code === first) ?? null;
}

/** The same page in another market: the path under its prefix, with the query words and category kept. */
export function switchMarketHref(url: string, to: ShopMarket['code']): string {
  const parsed = new URL(url, 'http://shop.invalid');
  const rest = parsed.pathname.split('/').slice(2).join('/');
  const kept = new URLSearchParams();
  for (const name of ['q', 'category']) {
    const value = parsed.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  const query = kept.toString();
  return `/${to}${rest ? `/${rest}` : ''}${query ? `?${query}` : ''}`;
}
