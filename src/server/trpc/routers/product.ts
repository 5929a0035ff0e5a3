// The shopper's product page API: the page data by market and `{slug}--{id}`, and the live
// price subscription (SSE) that carries each refresh's outcome to the open page.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { Id } from '../../../shared/ids';
import { MarketCode } from '../../../shared/markets';
import { listenForPriceEvents, livePriceFor, priceEventHub, type LivePrice } from '../../pricing';
import { currentLivePrice, openProductPage } from '../../product-page';
import { productIdFromSlugId } from '../../storefront';
import { publicProcedure, router } from '../trpc';

export const ProductPageInput = z.object({ market: MarketCode, slugId: z.string().min(1).max(200) });

export const LivePriceInput = z.object({
  productId: Id,
  market: MarketCode,
  /** The check time of the price the page shows; a newer known price is sent at once. */
  knownCheckedAt: z.iso.datetime().nullable(),
  /** The failure the page already reports, if any; only a later one is news. */
  knownFailureAt: z.iso.datetime().nullable().default(null),
});

/** A page left open is not followed forever; the browser resubscribes if it is still there. */
const SUBSCRIPTION_MAX_MS = 10 * 60 * 1000;

export const productRouter = router({
  bySlugAndId: publicProcedure.input(ProductPageInput).query(async ({ ctx, input }) => {
    const productId = productIdFromSlugId(input.slugId);
    const rt = await ctx.runtime();
    const page = productId ? await openProductPage(rt, productId, input.market) : null;
    if (!page) throw new TRPCError({ code: 'NOT_FOUND', message: `no product at /${input.market}/p/${input.slugId}` });
    return page;
  }),

  livePrice: publicProcedure.input(LivePriceInput).subscription(async function* ({ ctx, input, signal }): AsyncGenerator<LivePrice> {
    const rt = await ctx.runtime();
    const stop = new AbortController();
    // The fetch adapter behind h3 does not abort when the browser goes away; the socket does.
    const response = ctx.event?.node.res;
    const onClose = () => stop.abort();
    response?.once('close', onClose);
    signal?.addEventListener('abort', onClose, { once: true });
    const lifetime = setTimeout(onClose, SUBSCRIPTION_MAX_MS);
    try {
      // Listen first, then read: an update landing between the two arrives as a message.
      const events = await listenForPriceEvents(priceEventHub(rt), input.productId, stop.signal);
      const current = await currentLivePrice(rt, input.productId, input.market);
      const knownChecked = input.knownCheckedAt ? Date.parse(input.knownCheckedAt) : -Infinity;
      const knownFailure = input.knownFailureAt ? Date.parse(input.knownFailureAt) : -Infinity;
      const newerPrice = current?.price && Date.parse(current.price.checkedAt) > knownChecked;
      const newerFailure = current?.failure && Date.parse(current.failure.at) > knownFailure;
      if (current && (newerPrice || newerFailure)) yield current;
      for await (const event of events) yield livePriceFor(event, input.market);
    } finally {
      clearTimeout(lifetime);
      response?.off('close', onClose);
      signal?.removeEventListener('abort', onClose);
      stop.abort();
    }
  }),
});
