// eBay's Browse API as a quote source: `getItem` for the offer's item in its market's eBay site,
// through the ebay-api client, which fetches and renews its application token itself (the
// client-credentials flow). The client writes eBay's hosts into its URLs; its requests go through
// our outbound stack, which points them at EBAY_API_URL, within the refresh's budget.
import eBayApi from 'ebay-api';
import { AxiosRequest } from 'ebay-api/request.js';
import { MARKETS, type MarketCode } from '../../common/markets';
import type { Offer } from '../catalog';
import type { Config } from '../platform/config';
import { outboundAdapter, type OutboundPolicy } from '../platform/outbound';
import { OfferCallError, serverTimingMs, type OfferCallResult } from '../pricing';
import { ebayItemAnswer, partnerStatusFailure } from './partner-answers';

export type EbayBrowseSettings = Pick<Config, 'EBAY_API_URL' | 'EBAY_CLIENT_ID' | 'EBAY_CLIENT_SECRET'>;

/** The settings the source cannot run without, by name: start-up names the missing ones. */
export const EBAY_CREDENTIALS = ['EBAY_CLIENT_ID', 'EBAY_CLIENT_SECRET'] as const;

const EBAY_ORIGIN = 'https://api.ebay.com';
/** For the token request, which the client makes without the call's signal. */
const TOKEN_TIMEOUT_MS = 5_000;

/** The Browse API names an item `v1|<legacy id>|<variation>`; shops' pages show the legacy id. */
export function browseItemId(sourceId: string): string {
  return sourceId.startsWith('v1|') ? sourceId : `v1|${sourceId}|0`;
}

interface EbayFailure {
  readonly meta?: {
    readonly res?: { readonly status?: number; readonly headers?: Record<string, unknown> };
    readonly req?: { url?: string };
  };
  readonly message?: string;
  readonly description?: string;
}

export function ebayBrowseQuotes(
  settings: EbayBrowseSettings,
  policy: OutboundPolicy,
): (offer: Offer, market: MarketCode, signal: AbortSignal) => Promise<OfferCallResult> {
  const base = new URL(settings.EBAY_API_URL);
  const rewrite = (url: URL) => (url.origin === EBAY_ORIGIN ? new URL(`${url.pathname}${url.search}`, base) : url);
  const api = new eBayApi(
    { appId: settings.EBAY_CLIENT_ID ?? '', certId: settings.EBAY_CLIENT_SECRET ?? '', sandbox: false, autoRefreshToken: true },
    new AxiosRequest({ adapter: outboundAdapter({ policy, timeoutMs: TOKEN_TIMEOUT_MS, rewrite }) }),
  );
  // The whole answer, not only its body: its Server-Timing header tells the source's own time.
  const browse = api.buy.browse.api({ returnResponse: true });

  return async (offer, market, signal) => {
    const started = performance.now();
    let response;
    try {
      response = await browse.get(
        `/item/${encodeURIComponent(browseItemId(offer.sourceId))}`,
        { signal },
        // One client for the four sites: the marketplace header is per call, and wins over the client's.
        { headers: { 'X-EBAY-C-MARKETPLACE-ID': MARKETS[market].ebayMarketplaceId } },
      );
    } catch (error) {
      throw failure(error as EbayFailure, offer, signal);
    }
    const quote = ebayItemAnswer(response.data);
    if (typeof quote === 'string') throw new OfferCallError('invalid-answer', `eBay getItem for ${offer.sourceId}: ${quote}`);
    return {
      quote: { ...quote, source: 'ebay-browse' },
      callMs: performance.now() - started,
      sourceMs: serverTimingMs(String(response.headers['server-timing'] ?? '') || null),
    };
  };
}

function failure(error: EbayFailure, offer: Offer, signal: AbortSignal): OfferCallError {
  if (signal.aborted) return new OfferCallError('timeout', "eBay's Browse API did not answer within the time budget");
  const status = error.meta?.res?.status;
  const detail = `eBay answered ${status ?? 'nothing'}: ${error.message ?? ''} ${error.description ?? ''}`.trim();
  if (status === undefined) return new OfferCallError('network', error.message ?? 'no answer from eBay');
  if (error.meta?.req?.url?.includes('/identity/'))
    return new OfferCallError('not-configured', `eBay refused the application's credentials (${detail})`);
  return partnerStatusFailure(status, detail, offer.sourceId);
}
