// Amazon's Selling Partner API as a quote source: Product Pricing v0 `getItemOffers` for the
// offer's ASIN in its market's store, through Amazon's generated client (@sp-api-sdk), the access
// token from Login with Amazon. Its calls go through our outbound stack, within the refresh's
// budget, and wait on one rate limiter for the whole selling account (Amazon counts the four
// stores together): a call that cannot start in time fails as rate-limited and the page keeps
// its last price with its age.
import { ProductPricingApi } from '@sp-api-sdk/product-pricing-api-v0';
import { isAxiosError, type AxiosResponse } from 'axios';
import { MARKETS, type MarketCode } from '../../common/markets';
import type { Offer } from '../catalog';
import type { Config } from '../platform/config';
import { outboundAxios, type OutboundPolicy } from '../platform/outbound';
import { OfferCallError, RateLimiter, serverTimingMs, type OfferCallResult } from '../pricing';
import { oauthTokens, TokenRefused } from './oauth-token';
import { spApiAnswer, spApiErrorText } from './partner-answers';

export type SpApiSettings = Pick<
  Config,
  'SP_API_URL' | 'SP_API_LWA_TOKEN_URL' | 'SP_API_CLIENT_ID' | 'SP_API_CLIENT_SECRET' | 'SP_API_REFRESH_TOKEN' | 'SP_API_RATE_PER_S'
>;

/** The settings the source cannot run without, by name: start-up names the missing ones. */
export const SP_API_CREDENTIALS = ['SP_API_CLIENT_ID', 'SP_API_CLIENT_SECRET', 'SP_API_REFRESH_TOKEN'] as const;

/** A token request that hangs must not hold a shopper's refresh: it shares the call's budget. */
const TOKEN_TIMEOUT_MS = 5_000;

export function spApiQuotes(
  settings: SpApiSettings,
  policy: OutboundPolicy,
): (offer: Offer, market: MarketCode, signal: AbortSignal) => Promise<OfferCallResult> {
  const tokens = oauthTokens({
    url: settings.SP_API_LWA_TOKEN_URL,
    // Login with Amazon takes the client's credentials in the form, beside the refresh token.
    form: {
      grant_type: 'refresh_token',
      refresh_token: settings.SP_API_REFRESH_TOKEN ?? '',
      client_id: settings.SP_API_CLIENT_ID ?? '',
      client_secret: settings.SP_API_CLIENT_SECRET ?? '',
    },
    policy,
    timeoutMs: TOKEN_TIMEOUT_MS,
  });
  const api = new ProductPricingApi(undefined, settings.SP_API_URL, outboundAxios({ policy, timeoutMs: TOKEN_TIMEOUT_MS }));
  const account = new RateLimiter({ ratePerS: settings.SP_API_RATE_PER_S, burst: 1 });

  const call = async (offer: Offer, market: MarketCode, signal: AbortSignal, retried: boolean): Promise<AxiosResponse<unknown>> => {
    const token = await tokens.get(signal);
    try {
      return await api.getItemOffers(
        { marketplaceId: MARKETS[market].amazonMarketplaceId, itemCondition: 'New', asin: offer.sourceId },
        { signal, headers: { 'x-amz-access-token': token } },
      );
    } catch (error) {
      // An access token revoked or expired early: one more try with a new one.
      if (!retried && isAxiosError(error) && error.response?.status === 403) {
        tokens.drop(token);
        return call(offer, market, signal, true);
      }
      throw error;
    }
  };

  return async (offer, market, signal) => {
    await account.take(signal);
    const started = performance.now();
    let response: AxiosResponse<unknown>;
    try {
      response = await call(offer, market, signal, false);
    } catch (error) {
      throw failure(error, offer, signal);
    }
    const quote = spApiAnswer(response.data, offer);
    if (typeof quote === 'string') throw new OfferCallError('invalid-answer', `SP-API getItemOffers for ${offer.sourceId}: ${quote}`);
    return {
      quote: { ...quote, source: 'sp-api' },
      callMs: performance.now() - started,
      sourceMs: serverTimingMs(String(response.headers['server-timing'] ?? '') || null),
    };
  };
}

function failure(error: unknown, offer: Offer, signal: AbortSignal): OfferCallError {
  if (error instanceof OfferCallError) return error;
  if (signal.aborted) return new OfferCallError('timeout', 'the Selling Partner API did not answer within the time budget');
  if (error instanceof TokenRefused)
    return new OfferCallError('not-configured', `Login with Amazon refused the SP-API credentials (${error.message})`);
  if (!isAxiosError(error) || !error.response) return new OfferCallError('network', (error as Error).message);
  const { status, data, headers } = error.response;
  const detail = `SP-API answered ${status}${spApiErrorText(data)}`;
  if (status === 429) return new OfferCallError('rate-limited', `${detail} (limit ${String(headers['x-amzn-ratelimit-limit'] ?? '?')}/s)`);
  if (status === 404 || status === 400) return new OfferCallError('not-found', `${offer.sourceId}: ${detail}`);
  if (status === 401 || status === 403) return new OfferCallError('not-configured', detail);
  return new OfferCallError('http-error', detail);
}
