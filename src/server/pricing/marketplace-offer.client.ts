// The HTTP call to a marketplace's offer API (`GET {base}/api/offers/{sourceId}`), bounded by
// the refresh's time budget through an AbortSignal. Every way it can fail becomes an
// OfferCallError whose kind the gate and the page understand.
import type { Response } from 'undici';
import { z } from 'zod';
import { outboundFetch, outboundRefusal, type OutboundPolicy } from '../platform/outbound';
import { Availability } from '../catalog';
import { OfferCallError } from './offer-call-error';
import type { OfferQuote } from './live-price';

const Cents = z.number().int().min(0);

/** The partner API's answer. Money is in integer cents; floats are refused rather than rounded. */
export const OfferApiAnswer = z.object({
  priceCents: Cents,
  shippingCents: Cents.nullable().optional(),
  availability: z
    .union([Availability, z.string()])
    .transform((a): Availability => (a === 'in_stock' || a === 'out_of_stock' ? a : 'unknown')),
});
export type OfferApiAnswer = z.infer<typeof OfferApiAnswer>;

export interface OfferCallResult {
  readonly quote: OfferQuote;
  /** From the request until the body was read. */
  readonly callMs: number;
  /** Reading the body into a quote, when that is work of its own (a product page's extraction). */
  readonly readMs?: number;
  /** What the marketplace says it spent, from its Server-Timing header, when it sends one. */
  readonly sourceMs: number | null;
  /** How long the source itself held the call back for a rate limit of its own (SP-API's account). */
  readonly waitedMs?: number;
}

/** `Server-Timing: app;dur=251` → 251; the first metric with a duration is taken. */
export function serverTimingMs(header: string | null): number | null {
  const match = header ? /dur=([\d.]+)/.exec(header) : null;
  return match ? Number(match[1]) : null;
}

/** `outbound`: how the call may connect (the configured marketplace only, redirects within it). */
export async function fetchOfferQuote(
  baseUrl: string,
  sourceId: string,
  signal: AbortSignal,
  outbound: OutboundPolicy,
): Promise<OfferCallResult> {
  const url = new URL(`api/offers/${encodeURIComponent(sourceId)}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const started = performance.now();
  let response: Response;
  try {
    response = await outboundFetch(url, { policy: outbound, signal, headers: { accept: 'application/json' } });
  } catch (error) {
    throw callFailure(error, signal);
  }
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    throw new OfferCallError('not-found', `the marketplace no longer lists ${sourceId}`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new OfferCallError('http-error', `the marketplace answered ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (signal.aborted) throw callFailure(error, signal);
    throw new OfferCallError('invalid-answer', 'the marketplace answered something that is not JSON');
  }
  const parsed = OfferApiAnswer.safeParse(body);
  if (!parsed.success) throw new OfferCallError('invalid-answer', z.prettifyError(parsed.error));
  const { priceCents, shippingCents, availability } = parsed.data;
  return {
    quote: { priceCents, shippingCents: shippingCents ?? null, availability, source: 'offer-api' },
    callMs: performance.now() - started,
    sourceMs: serverTimingMs(response.headers.get('server-timing')),
  };
}

function callFailure(error: unknown, signal: AbortSignal): OfferCallError {
  if (signal.aborted) return new OfferCallError('timeout', 'the marketplace did not answer within the time budget');
  const refused = outboundRefusal(error);
  if (refused) return new OfferCallError('network', `refused: ${refused.message}`);
  return new OfferCallError(
    'network',
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
  );
}
