// The browser's live price subscription: tRPC v11 over Server-Sent Events. Created only in the
// browser (the server render is complete without it), and only when a product page asks.
import { Injectable } from '@angular/core';
import { injectAPIPrefix } from '@analogjs/router/tokens';
import { createTRPCClient, httpSubscriptionLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/routers/_app';
import type { LivePrice } from '../../server/pricing';
import type { MarketCode } from '../../common/markets';

export interface LivePriceRequest {
  readonly productId: string;
  readonly market: MarketCode;
  readonly knownCheckedAt: string | null;
  readonly knownFailureAt: string | null;
}

@Injectable({ providedIn: 'root' })
export class LivePriceClient {
  private readonly url = `/${injectAPIPrefix()}/trpc`;
  private client: TRPCClient<AppRouter> | undefined;

  /** Calls `onPrice` for each refresh outcome until the returned function is called. */
  follow(request: LivePriceRequest, onPrice: (price: LivePrice) => void): () => void {
    this.client ??= createTRPCClient<AppRouter>({ links: [httpSubscriptionLink({ url: this.url })] });
    const subscription = this.client.product.livePrice.subscribe(
      { ...request },
      {
        onData: onPrice,
        // EventSource reconnects by itself; an error here only means this attempt failed.
        onError: (error) => console.warn(`live price: ${error.message}`),
      },
    );
    return () => subscription.unsubscribe();
  }
}
