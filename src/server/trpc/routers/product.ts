// The shopper's product page API: the page data by market and `{slug}--{id}`, and the live
// price subscription (SSE) that carries each refresh's outcome to the open page.
import { listenForPriceEvents, livePriceFor, priceEventHub, type LivePrice } from '../../pricing';
import { currentLivePrice, LivePriceInput, openProductPage, ProductPageInput } from '../../product-page';
import { productIdFromSlugId } from '../../storefront';
import { found, publicProcedure, router, withRuntime } from '../trpc';

/** A page left open is not followed forever; the browser resubscribes if it is still there. */
const SUBSCRIPTION_MAX_MS = 10 * 60 * 1000;

export const productRouter = router({
  bySlugAndId: publicProcedure
    .input(ProductPageInput)
    .use(withRuntime)
    .query(async ({ ctx, input }) => {
      const productId = productIdFromSlugId(input.slugId);
      const page = productId ? await openProductPage(ctx.rt, productId, input.market) : null;
      return found(page, `no product at /${input.market}/p/${input.slugId}`);
    }),

  livePrice: publicProcedure
    .input(LivePriceInput)
    .use(withRuntime)
    .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<LivePrice> {
      const { rt } = ctx;
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
