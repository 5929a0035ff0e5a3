// The number of items in the shopper's cart of a market, as the header shows it on every shop
// page: read once per page (rendered on the server, handed to the browser with the page), then
// kept current by the components that change the cart without a page load.
import { Injectable, computed, inject, signal, type Signal } from '@angular/core';
import type { MarketCode } from '../../common/markets';
import { TrpcClient, type Api, type QueryState } from '../trpc/trpc-client';

@Injectable({ providedIn: 'root' })
export class CartCount {
  private readonly trpc = inject(TrpcClient);
  private readonly loaded = new Map<MarketCode, Signal<QueryState<number>>>();
  /** What a change made in the browser answered, newer than the page's read. */
  private readonly changed = signal<Partial<Record<MarketCode, number>>>({});

  /** Null until known (or when the count cannot be read: the header then shows no number). */
  items(market: MarketCode): Signal<number | null> {
    let read = this.loaded.get(market);
    if (!read) {
      read = this.trpc.query<Api['checkout']['cart']['count']>((api) => api.checkout.cart.count, { market });
      this.loaded.set(market, read);
    }
    const state = read;
    return computed(() => {
      const changed = this.changed()[market];
      if (changed !== undefined) return changed;
      const current = state();
      return current.status === 'success' ? current.data : null;
    });
  }

  /** Asks again, bypassing what the page was rendered with. */
  async refresh(market: MarketCode): Promise<void> {
    this.set(market, await this.trpc.api.checkout.cart.count.query({ market }));
  }

  /** After the cart of a market changed in the browser: its new number of items. */
  set(market: MarketCode, items: number): void {
    this.changed.update((counts) => ({ ...counts, [market]: items }));
  }
}
