// The signal intake: the route checks a message's signature, reads it and hands it to the
// refresher's queue within milliseconds; the refresher applies it as a fresh quote
// (pricing/pushed-quote.ts). Every message is counted by what became of it, for the operations
// page: a bad signature is counted and never read further.
import type { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { findProductBySourceId } from '../catalog';
import type { Config } from '../platform/config';
import {
  applyPushedQuote,
  markChannelAlive,
  LATENCY_WINDOW_MINUTES,
  latencyMinuteKey,
  latencyWindowKeys,
  REFRESH_LATENCY_TTL_S,
  type PushedQuoteDeps,
  type PushedQuoteOutcome,
} from '../pricing';
import { readSignal, SIGNAL_SOURCES, type PriceSignal, type SignalSource } from './signal-formats';
import { signatureMatches } from './signal-signature';

export const PRICE_SIGNAL_JOB = 'price-signal';

export type SignalFate = 'received' | 'bad-signature' | 'invalid' | 'duplicate' | 'unknown-product' | PushedQuoteOutcome;

const seenKey = (signal: PriceSignal) => `ds:signals:seen:${signal.source}:${signal.id}`;
/** How long a message id is remembered: marketplaces redeliver within hours, not weeks. */
const SEEN_TTL_S = 7 * 86_400;
/** Per-minute counts, read back over the last hour as the refresher's latency is. */
const MINUTE_PREFIX = 'ds:signals:m:';

/** Counts a message's fate in its minute; an applied one adds how late it came (its lag). */
export async function countSignal(redis: Redis, source: SignalSource, fate: SignalFate, now = new Date(), lagMs?: number): Promise<void> {
  const key = latencyMinuteKey(now, MINUTE_PREFIX);
  const pipeline = redis.pipeline().hincrby(key, `${source}:${fate}`, 1);
  if (lagMs !== undefined) pipeline.hincrby(key, `${source}:lagMs`, Math.max(0, Math.round(lagMs))).hincrby(key, `${source}:lagged`, 1);
  await pipeline.expire(key, REFRESH_LATENCY_TTL_S).exec();
}

export interface SignalStats {
  readonly source: SignalSource;
  /** Messages that reached us in the last hour, per minute on average. */
  readonly perMinute: number;
  readonly fates: Partial<Record<SignalFate, number>>;
  /** From the marketplace's change to the price applied, on average; null with none applied. */
  readonly meanLagMs: number | null;
}

/** Each source's messages over the last hour, by what became of them. */
export async function signalStats(redis: Redis, now = new Date()): Promise<SignalStats[]> {
  const pipeline = redis.pipeline();
  for (const key of latencyWindowKeys(now, LATENCY_WINDOW_MINUTES, MINUTE_PREFIX)) pipeline.hgetall(key);
  const totals = new Map<string, number>();
  for (const [error, hash] of (await pipeline.exec()) ?? []) {
    if (error) throw error;
    for (const [field, value] of Object.entries((hash ?? {}) as Record<string, string>))
      totals.set(field, (totals.get(field) ?? 0) + Number(value));
  }
  return SIGNAL_SOURCES.map((source) => {
    const fates = Object.fromEntries(
      [...totals].flatMap(([field, n]) =>
        field.startsWith(`${source}:`) && !/:lag(Ms|ged)$/.test(field) ? [[field.slice(source.length + 1), n]] : [],
      ),
    ) as Partial<Record<SignalFate, number>>;
    const arrived = Object.values(fates).reduce((sum, n) => sum + n, 0) - (fates.received ?? 0);
    const lagged = totals.get(`${source}:lagged`) ?? 0;
    return {
      source,
      perMinute: Math.round((arrived / LATENCY_WINDOW_MINUTES) * 10) / 10,
      fates,
      meanLagMs: lagged > 0 ? Math.round((totals.get(`${source}:lagMs`) ?? 0) / lagged) : null,
    };
  });
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
  // Heard from: the prices this channel covers may be trusted a while longer (SIGNAL_FRESH_MS).
  await markChannelAlive(deps.redis, known, deps.config.SIGNAL_SILENCE_MS);
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

/** The refresher's side needs what pricing's pushed quote does. */
export type ApplyDeps = PushedQuoteDeps;

/** The refresher's side: the signal applied to the offer it names, at most once. */
export async function applyPriceSignal(deps: ApplyDeps, signal: PriceSignal, now = new Date()): Promise<SignalFate> {
  const fate = await decide(deps, signal, now);
  const lagMs = fate === 'applied' || fate === 'unchanged' ? now.getTime() - Date.parse(signal.offerAt) : undefined;
  await countSignal(deps.redis, signal.source, fate, now, lagMs);
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
  const outcome = await applyPushedQuote(deps, product, signal.market, quote, signal.source, now);
  // Remembered once applied: a job that failed halfway is retried rather than taken for a duplicate.
  await deps.redis.set(seenKey(signal), '1', 'EX', SEEN_TTL_S);
  return outcome;
}
