// A live price read from the shop's own product page: fetched now with the scrapers' HTTP stack
// (scraping's fetchPageNow) and read by the extractors the scrapers use, within the refresh's
// budget. Every way it can fail is an OfferCallError the gate and the shopper's page understand:
// a block page or captcha is `blocked` (it counts against the site's breaker, which rests the
// site as a block rests it for the scrapers); a page whose product is gone is `not-found`. A page
// that says the product is sold out and shows no price is an answer, not a failure: out of stock
// at the last price, as the partner APIs say it.
import type { MarketCode } from '../../common/markets';
import type { Offer } from '../catalog';
import type { OutboundPolicy } from '../platform/outbound';
import { OfferCallError, serverTimingMs, type OfferCallResult } from '../pricing';
import { extractPage, fetchPageNow, PageRefused, pageVerdict, type SiteConfig } from '../scraping';

export interface PageQuoteOptions {
  readonly outbound: OutboundPolicy;
  readonly proxyUrls: readonly string[];
}

/** A verdict's backoffs are the crawl's business; a quote only needs the failure. */
const NO_BACKOFF = { retryBackoffMs: 0, blockBackoffMs: 0 };

export async function fetchPageQuote(
  site: SiteConfig,
  offer: Pick<Offer, 'url' | 'price' | 'shipping'>,
  market: MarketCode,
  signal: AbortSignal,
  options: PageQuoteOptions,
): Promise<OfferCallResult> {
  if (site.browser) throw new OfferCallError('not-configured', `${site.name} needs a browser: its page cannot be read within a refresh`);
  const { url } = offer;
  const started = performance.now();
  let page;
  try {
    page = await fetchPageNow(site, url, { ...options, signal });
  } catch (error) {
    if (signal.aborted) throw new OfferCallError('timeout', `${site.name} did not answer within the time budget`);
    if (error instanceof PageRefused) throw new OfferCallError('not-configured', error.message);
    throw new OfferCallError('network', (error as Error).message);
  }
  if (page.status === 404 || page.status === 410) throw new OfferCallError('not-found', `${site.name} no longer has ${url}`);
  const fetched = performance.now();
  const verdict = pageVerdict(page, NO_BACKOFF, 0);
  if (verdict?.failure.kind === 'blocked')
    throw new OfferCallError('blocked', `${site.name} answered a block page (${verdict.failure.reason})`);
  if (verdict) throw new OfferCallError(page.status >= 400 ? 'http-error' : 'invalid-answer', `${site.name}: ${verdict.failure.reason}`);
  const read = extractPage({
    html: page.html,
    url: page.url,
    market,
    site: site.name,
    extractor: site.extractor,
    status: page.status,
    blockPageChecked: true,
  });
  if (read.kind === 'blocked') throw new OfferCallError('blocked', `${site.name} answered a block page (${read.reason})`);
  if (read.kind === 'no_product') throw new OfferCallError('not-found', `${url} shows no product now (${read.reason})`);
  const { listing } = read;
  const times = { callMs: fetched - started, sourceMs: serverTimingMs(page.serverTiming), readMs: performance.now() - fetched };
  if (listing.priceCents === null && listing.availability === 'out_of_stock') {
    const quote = {
      priceCents: offer.price.amountCents,
      shippingCents: offer.shipping?.amountCents ?? null,
      availability: 'out_of_stock',
    } as const;
    return { quote: { ...quote, source: 'page' }, ...times };
  }
  if (listing.priceCents === null) throw new OfferCallError('invalid-answer', `${url} shows no price`);
  if (listing.currency !== 'EUR')
    throw new OfferCallError('invalid-answer', `${url} prices in ${listing.currency ?? 'no currency'}, not EUR`);
  return {
    quote: { priceCents: listing.priceCents, shippingCents: listing.shippingCents, availability: listing.availability, source: 'page' },
    ...times,
  };
}
