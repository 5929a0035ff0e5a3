// The signal intake: the route checks a message's signature, reads it and hands it to the
// refresher's queue within milliseconds; the refresher applies it as a fresh quote
// (pricing/pushed-quote.ts). Every message is counted by what became of it, for the operations
// page: a bad signature is counted and never read further.
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { findProductBySourceId } from '../catalog';
import type { Config } from '../platform/config';
import type { DbHandle } from '../platform/db';
import { applyPushedQuote, type PushedQuoteOutcome } from '../pricing';
import { readSignal, SIGNAL_SOURCES, type PriceSignal, type SignalSource } from './signal-formats';
import { signatureMatches } from './signal-signature';

export const PRICE_SIGNAL_JOB = 'price-signal';

export type SignalFate = 'received' | 'bad-signature' | 'invalid' | 'duplicate' | 'unknown-product' | PushedQuoteOutcome;

const countsKey = (source: SignalSource) => `ds:signals:counts:${source}`;
const seenKey = (signal: PriceSignal) => `ds:signals:seen:${signal.source}:${signal.id}`;
/** How long a message id is remembered: marketplaces redeliver within hours, not weeks. */
const SEEN_TTL_S = 7 * 86_400;

export async function countSignal(redis: Redis, source: SignalSource, fate: SignalFate): Promise<void> {
  await redis.hincrby(countsKey(source), fate, 1);
}

/** Each source's messages by what became of them, since the counters were made. */
export async function signalCounts(redis: Redis): Promise<Record<SignalSource, Partial<Record<SignalFate, number>>>> {
  const counts = await Promise.all(SIGNAL_SOURCES.map((s) => redis.hgetall(countsKey(s))));
  return Object.fromEntries(
    SIGNAL_SOURCES.map((s, i) => [s, Object.fromEntries(Object.entries(counts[i] ?? {}).map(([k, v]) => [k, Number(v)]))]),
  ) as Record<SignalSource, Partial<Record<SignalFate, number>>>;
}

const secretOf = (config: Config, source: SignalSource) => (source === 'sp-api' ? config.SIGNAL_SECRET_SP_API : config.SIGNAL_SECRET_EBAY);

export type Intake = { readonly status: 202; readonly id: string } | { readonly status: 400 | 401 | 404; readonly message: string };

export interface IntakeDeps {
  readonly config: Config;
  readonly redis: Redis;
  readonly queue: Queue;
}

/** What the route answers: 202 once the message is queued. */
export async function receiveSignal(deps: IntakeDeps, source: string, body: string, signature: string | undefined): Promise<Intake> {
  const known = SIGNAL_SOURCES.find((s) => s === source);
  if (!known) return { status: 404, message: `no signal source ${source}; there are ${SIGNAL_SOURCES.join(', ')}` };
  const secret = secretOf(deps.config, known);
  if (!secret) return { status: 404, message: `signals from ${known} are not configured (its SIGNAL_SECRET_* setting is empty)` };
  if (!signatureMatches(secret, body, signature)) {
    await countSignal(deps.redis, known, 'bad-signature');
    return { status: 401, message: 'X-Signature: missing, or not the HMAC-SHA256 of this body under our key' };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    await countSignal(deps.redis, known, 'invalid');
    return { status: 400, message: 'body: not JSON' };
  }
  const signal = readSignal(known, json);
  if (typeof signal === 'string') {
    await countSignal(deps.redis, known, 'invalid');
    return { status: 400, message: signal };
  }
  // The job id folds a message delivered twice while the first is still queued into one job.
  const jobId = `signal-${known}-${createHash('sha1').update(signal.id).digest('hex').slice(0, 24)}`;
  await deps.queue.add(PRICE_SIGNAL_JOB, signal, {
    jobId,
    priority: 5,
    attempts: 3,
    backoff: { type: 'exponential', delay: 200 },
    removeOnComplete: 1_000,
    removeOnFail: 5_000,
  });
  await countSignal(deps.redis, known, 'received');
  return { status: 202, id: signal.id };
}

export interface ApplyDeps extends DbHandle {
  readonly config: Config;
  readonly redis: Redis;
  readonly queue: Queue;
}

/** The refresher's side: the signal applied to the offer it names, at most once. */
export async function applyPriceSignal(deps: ApplyDeps, signal: PriceSignal, now = new Date()): Promise<SignalFate> {
  const fate = await decide(deps, signal, now);
  await countSignal(deps.redis, signal.source, fate);
  return fate;
}

async function decide(deps: ApplyDeps, signal: PriceSignal, now: Date): Promise<SignalFate> {
  if ((await deps.redis.exists(seenKey(signal))) === 1) return 'duplicate';
  const product = await findProductBySourceId(deps, signal.market, signal.sourceId);
  const offer = product?.offers[signal.market];
  if (!product || !offer) return 'unknown-product';
  const quote = signal.quote && {
    // Sold out: the last price stays, marked out of stock; a message silent on shipping keeps it.
    priceCents: signal.quote.priceCents ?? offer.price.amountCents,
    shippingCents: signal.quote.shippingCents ?? offer.shipping?.amountCents ?? null,
    availability: signal.quote.availability,
    source: signal.source === 'sp-api' ? ('sp-api' as const) : ('ebay-browse' as const),
    quotedAt: new Date(signal.offerAt),
  };
  const outcome = await applyPushedQuote(deps, product, signal.market, quote, now);
  // Remembered once applied: a job that failed halfway is retried rather than taken for a duplicate.
  await deps.redis.set(seenKey(signal), '1', 'EX', SEEN_TTL_S);
  return outcome;
}
