// The outbox drainer: claims due entries one by one, hands each to its topic's handler, and
// records the outcome (done, later, failed). Handlers live with the capability that owns the
// effect and must be idempotent: an entry is delivered again when a drainer dies mid-way.
import { z } from 'zod';
import type { Config } from '../platform/config';
import type { Runtime } from '../platform/runtime';
import { afterFailure, type DrainPolicy } from './outbox-drain';
import { OUTBOX_TOPICS, type OutboxPayload, type OutboxTopic } from './outbox-topics';
import type { OutboxEntry } from './outbox.schema';
import { claimEntry, settleEntry } from './outbox.store';

export type EffectHandler<T extends OutboxTopic> = (payload: OutboxPayload<T>, entry: OutboxEntry, rt: Runtime) => Promise<void>;
/** One handler per topic: a topic without one does not type-check. */
export type EffectHandlers = { readonly [T in OutboxTopic]: EffectHandler<T> };

export function drainPolicy(config: Config): DrainPolicy {
  return {
    leaseMs: config.OUTBOX_LEASE_MS,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    backoffMs: config.OUTBOX_BACKOFF_MS,
    graceMs: config.OUTBOX_ORDER_GRACE_MS,
  };
}

export interface DrainCounts {
  readonly done: number;
  readonly retried: number;
  readonly failed: number;
}

/** Drains due entries until none is left or `max` were delivered; one drain per worker at a time is enough, several are safe. */
export async function drainOutbox(rt: Runtime, handlers: EffectHandlers, max = 500, now = () => new Date()): Promise<DrainCounts> {
  const policy = drainPolicy(rt.config);
  const counts = { done: 0, retried: 0, failed: 0 };
  for (let i = 0; i < max; i++) {
    const entry = await claimEntry(rt, now(), policy.leaseMs);
    if (!entry) break;
    const settlement = await deliver(rt, handlers, entry)
      .then(() => ({ status: 'done' as const, doneAt: now() }))
      .catch((error: unknown) => afterFailure(entry, error, policy, now()));
    await settleEntry(rt, entry, settlement);
    if (settlement.status === 'done') counts.done += 1;
    else if (settlement.status === 'pending') counts.retried += 1;
    else {
      counts.failed += 1;
      console.error(`[outbox] entry ${entry._id} (${entry.topic}) failed: ${settlement.lastError}`);
    }
  }
  return counts;
}

async function deliver(rt: Runtime, handlers: EffectHandlers, entry: OutboxEntry): Promise<void> {
  if (!(entry.topic in OUTBOX_TOPICS)) throw new Error(`unknown topic ${entry.topic}`);
  const topic = entry.topic as OutboxTopic;
  const parsed = OUTBOX_TOPICS[topic].safeParse(entry.payload);
  if (!parsed.success) throw new Error(`bad payload: ${z.prettifyError(parsed.error)}`);
  await (handlers[topic] as EffectHandler<OutboxTopic>)(parsed.data, entry, rt);
}
