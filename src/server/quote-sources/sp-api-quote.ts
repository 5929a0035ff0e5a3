// Amazon's Selling Partner API as a quote source, through Amazon's generated client
// (@sp-api-sdk), the access token from Login with Amazon, every call through our outbound stack.
// Amazon counts calls per selling account and operation, the four stores together, so each
// operation waits on one rate limiter here:
// - a shopper's refresh asks `getItemOffers` (0.5 a second, burst 1) at once; one that cannot
//   start within the budget fails as rate-limited and the page keeps its last price with its age;
// - the popularity sweep's refreshes join a `getItemOffersBatch` (20 items per call, one call per
//   10 s), four times the items per second, and leave the single calls to shoppers.
import { ProductPricingApi } from '@sp-api-sdk/product-pricing-api-v0';
import { isAxiosError, type AxiosResponse } from 'axios';
import { z } from 'zod';
import { MARKETS, type MarketCode } from '../../common/markets';
import type { Offer } from '../catalog';
import type { Config } from '../platform/config';
import { outboundAxios, type OutboundPolicy } from '../platform/outbound';
import { OfferCallError, RateLimiter, serverTimingMs, type OfferCallResult, type RefreshJobData } from '../pricing';
import { oauthTokens, TokenRefused, untilAborted } from './oauth-token';
import { partnerStatusFailure, spApiAnswer, spApiErrorText } from './partner-answers';

export type SpApiSettings = Pick<
  Config,
  | 'SP_API_URL'
  | 'SP_API_LWA_TOKEN_URL'
  | 'SP_API_CLIENT_ID'
  | 'SP_API_CLIENT_SECRET'
  | 'SP_API_REFRESH_TOKEN'
  | 'SP_API_RATE_PER_S'
  | 'SP_API_BATCH_RATE_PER_S'
  | 'REFRESH_SWEEP_BUDGET_MS'
>;

/** The settings the source cannot run without, by name: start-up names the missing ones. */
export const SP_API_CREDENTIALS = ['SP_API_CLIENT_ID', 'SP_API_CLIENT_SECRET', 'SP_API_REFRESH_TOKEN'] as const;

/** A token request or a batch that hangs must not hold the refresher: each has its own limit too. */
const REQUEST_TIMEOUT_MS = 5_000;
/** Amazon's most requests in one getItemOffersBatch. */
const BATCH_SIZE = 20;
/** The sweep enqueues its products together; this long lets them reach the batch before it leaves. */
const GATHER_MS = 300;
/**
 * A shopper's call waits this long at most for the account's next token; further away, the page
 * gets the last price with its age at once rather than after its whole budget.
 */
const SHOPPER_MAX_WAIT_MS = 250;

const BatchAnswer = z.object({
  responses: z.array(z.object({ status: z.object({ statusCode: z.number().int() }), body: z.unknown() })),
});

interface Waiting {
  readonly offer: Offer;
  readonly market: MarketCode;
  /** The caller's budget: once it ends, the item is not worth a place in a batch. */
  readonly signal: AbortSignal;
  readonly queuedAt: number;
  readonly settle: (result: OfferCallResult | OfferCallError) => void;
}

type Answer = Pick<AxiosResponse<unknown>, 'status' | 'data' | 'headers'>;

export function spApiQuotes(
  settings: SpApiSettings,
  policy: OutboundPolicy,
): (offer: Offer, market: MarketCode, signal: AbortSignal, cause: RefreshJobData['cause']) => Promise<OfferCallResult> {
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
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  const api = new ProductPricingApi(undefined, settings.SP_API_URL, outboundAxios({ policy, timeoutMs: REQUEST_TIMEOUT_MS }));
  const single = new RateLimiter({ ratePerS: settings.SP_API_RATE_PER_S, burst: 1 });
  const batches = new RateLimiter({ ratePerS: settings.SP_API_BATCH_RATE_PER_S, burst: 1 });

  /** Sends with the access token; an access token revoked or expired early gets one more try with a new one. */
  const authorised = async <T>(signal: AbortSignal, send: (token: string) => Promise<T>, retried = false): Promise<T> => {
    const token = await tokens.get(signal);
    try {
      return await send(token);
    } catch (error) {
      if (retried || !isAxiosError(error) || error.response?.status !== 403) throw error;
      tokens.drop(token);
      return authorised(signal, send, true);
    }
  };

  const one = async (offer: Offer, market: MarketCode, signal: AbortSignal): Promise<OfferCallResult> => {
    const waitedMs = await single.take(signal, SHOPPER_MAX_WAIT_MS);
    const started = performance.now();
    try {
      const response = await authorised(signal, (token) =>
        api.getItemOffers(
          { marketplaceId: MARKETS[market].amazonMarketplaceId, itemCondition: 'New', asin: offer.sourceId },
          { signal, headers: { 'x-amz-access-token': token } },
        ),
      );
      return { ...resultOf(response, response.data, offer, started), waitedMs };
    } catch (error) {
      throw failure(error, offer, signal);
    }
  };

  const waiting: Waiting[] = [];
  // As many items as the batches that can leave within the sweep's budget hold (burst, then the
  // rate): one more would hold a refresher's slot for its whole budget only to fail, and enough of
  // those would leave no slot for the shoppers' refreshes.
  const batchCapacity = BATCH_SIZE * (1 + Math.floor((settings.REFRESH_SWEEP_BUDGET_MS / 1000) * settings.SP_API_BATCH_RATE_PER_S));
  let draining = false;
  const never = new AbortController().signal;

  const sendBatch = async (items: readonly Waiting[]): Promise<void> => {
    const started = performance.now();
    const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    let response: AxiosResponse<unknown>;
    try {
      response = await authorised(signal, (token) =>
        api.getItemOffersBatch(
          {
            getItemOffersBatchRequestBody: {
              requests: items.map(({ offer, market }) => ({
                uri: `/products/pricing/v0/items/${encodeURIComponent(offer.sourceId)}/offers`,
                method: 'GET',
                MarketplaceId: MARKETS[market].amazonMarketplaceId,
                ItemCondition: 'New',
              })),
            },
          },
          { signal, headers: { 'x-amz-access-token': token } },
        ),
      );
    } catch (error) {
      for (const item of items) item.settle(failure(error, item.offer, signal));
      return;
    }
    const parsed = BatchAnswer.safeParse(response.data);
    items.forEach((item, i) => {
      const element = parsed.success ? parsed.data.responses[i] : undefined;
      if (!element) return item.settle(new OfferCallError('invalid-answer', `SP-API's batch answered nothing for ${item.offer.sourceId}`));
      const answer = { status: element.status.statusCode, data: element.body, headers: response.headers };
      try {
        item.settle(
          answer.status === 200
            ? { ...resultOf(answer, element.body, item.offer, started), waitedMs: started - item.queuedAt }
            : statusFailure(answer, item.offer),
        );
      } catch (error) {
        item.settle(error as OfferCallError);
      }
    });
  };

  const drain = async () => {
    if (draining) return;
    draining = true;
    try {
      while (waiting.length > 0) {
        await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        await batches.take(never);
        const live = waiting.splice(0).filter((w) => !w.signal.aborted);
        waiting.push(...live.slice(BATCH_SIZE));
        if (live.length > 0) await sendBatch(live.slice(0, BATCH_SIZE));
      }
    } finally {
      draining = false;
    }
  };

  const inBatch = (offer: Offer, market: MarketCode, signal: AbortSignal): Promise<OfferCallResult> => {
    if (waiting.length >= batchCapacity)
      return Promise.reject(
        new OfferCallError('rate-limited', `SP-API's batches are full for the next ${settings.REFRESH_SWEEP_BUDGET_MS} ms`),
      );
    const settled = new Promise<OfferCallResult>((resolve, reject) => {
      waiting.push({
        offer,
        market,
        signal,
        queuedAt: performance.now(),
        settle: (r) => (r instanceof OfferCallError ? reject(r) : resolve(r)),
      });
    });
    void drain();
    return untilAborted(
      settled,
      signal,
      () => new OfferCallError('rate-limited', "SP-API's batch did not leave within the sweep's budget"),
    );
  };

  return (offer, market, signal, cause) => (cause === 'sweep' ? inBatch(offer, market, signal) : one(offer, market, signal));
}

function resultOf(answer: Answer, body: unknown, offer: Offer, started: number): OfferCallResult {
  const quote = spApiAnswer(body, offer);
  if (typeof quote === 'string') throw new OfferCallError('invalid-answer', `SP-API getItemOffers for ${offer.sourceId}: ${quote}`);
  return {
    quote: { ...quote, source: 'sp-api' },
    callMs: performance.now() - started,
    sourceMs: serverTimingMs(String(answer.headers['server-timing'] ?? '') || null),
  };
}

function failure(error: unknown, offer: Offer, signal: AbortSignal): OfferCallError {
  if (error instanceof OfferCallError) return error;
  if (signal.aborted) return new OfferCallError('timeout', 'the Selling Partner API did not answer within the time budget');
  if (error instanceof TokenRefused)
    return new OfferCallError('not-configured', `Login with Amazon refused the SP-API credentials (${error.message})`);
  if (!isAxiosError(error) || !error.response) return new OfferCallError('network', (error as Error).message);
  return statusFailure(error.response, offer);
}

function statusFailure({ status, data, headers }: Answer, offer: Offer): OfferCallError {
  const limit = status === 429 ? ` (limit ${String(headers['x-amzn-ratelimit-limit'] ?? '?')}/s)` : '';
  return partnerStatusFailure(status, `SP-API answered ${status}${spApiErrorText(data)}${limit}`, offer.sourceId);
}
