// What the live price looks like outside the server: in the refresher's pub/sub messages and
// on the page (SSR data and the SSE subscription). Plain JSON, dates as ISO strings, money in
// integer cents.
import { z } from 'zod';
import { Availability } from '../catalog';
import { Id } from '../../common/ids';
import { MarketCode } from '../../common/markets';
import { Money } from '../../common/money';
import type { OfferCallFailure } from './offer-call-error';

/** How long delivery to the shopper takes, in working days. */
export const DeliveryEstimate = z.object({ minDays: z.number().int().min(0), maxDays: z.number().int().min(0) });
export type DeliveryEstimate = z.infer<typeof DeliveryEstimate>;

/** Our price in one market and what it rests on. */
export const MarketPrice = z.object({
  price: Money,
  sourceMarket: MarketCode,
  availability: Availability,
  delivery: DeliveryEstimate.nullable(),
  /** When the source offer's price was last seen at the marketplace. */
  checkedAt: z.iso.datetime(),
});
export type MarketPrice = z.infer<typeof MarketPrice>;

const FAILURE_KINDS = [
  'timeout',
  'http-error',
  'network',
  'invalid-answer',
  'not-found',
  'circuit-open',
  'rate-limited',
  'not-configured',
  'blocked',
] as const satisfies readonly OfferCallFailure[];

export const RefreshFailureInfo = z.object({
  at: z.iso.datetime(),
  kind: z.enum(FAILURE_KINDS),
  /** For logs and operators; the page shows words chosen by `kind`. */
  detail: z.string(),
});
export type RefreshFailureInfo = z.infer<typeof RefreshFailureInfo>;

/**
 * Published on `ds:price:{productId}` after every refresh: the prices now known in every
 * market, and the failure if the refresh could not reach the marketplace.
 */
export const PriceEvent = z.object({
  productId: Id,
  kind: z.enum(['fresh', 'stale']),
  markets: z.partialRecord(MarketCode, MarketPrice),
  failure: RefreshFailureInfo.nullable(),
  /** How long the marketplace calls of this refresh took, as the refresher measured them. */
  callMs: z.number().nullable(),
  /** The marketplace's own report of its time for the call, when it sends one. */
  sourceMs: z.number().nullable(),
  /** Reading the answer after it arrived, when that is work of its own (extracting a product page). */
  readMs: z.number().nullable(),
  publishedAt: z.iso.datetime(),
});
export type PriceEvent = z.infer<typeof PriceEvent>;

/** One market's view of a PriceEvent: what a page subscribed to that market receives. */
export const LivePrice = z.object({
  kind: z.enum(['fresh', 'stale']),
  price: MarketPrice.nullable(),
  failure: RefreshFailureInfo.nullable(),
  callMs: z.number().nullable(),
  sourceMs: z.number().nullable(),
  readMs: z.number().nullable(),
});
export type LivePrice = z.infer<typeof LivePrice>;
