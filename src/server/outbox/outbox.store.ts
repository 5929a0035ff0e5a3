import { OUTBOX_TOPICS, type OutboxPayload, type OutboxTopic } from './outbox-topics';
import type { OutboxEntry } from './outbox.schema';
import type { Settlement } from './outbox-drain';
import { outboxCollection } from './outbox.collection';
import type { DbHandle } from '../platform/db';

export interface EffectRequest<T extends OutboxTopic> {
  /**
   * Derived from the cause (for example `order.confirmation:<orderId>`), so that recording the
   * same effect twice, as a retried request does, leaves one entry.
   */
  readonly id: string;
  readonly topic: T;
  readonly payload: OutboxPayload<T>;
  readonly availableAt?: Date;
}

/**
 * Records an effect to carry out after the write that caused it. Idempotent: an entry already
 * recorded under this id is left as it is, whatever its status.
 */
export async function recordEffect<T extends OutboxTopic>(rt: DbHandle, effect: EffectRequest<T>, now = new Date()): Promise<void> {
  const outbox = outboxCollection(rt);
  const payload = OUTBOX_TOPICS[effect.topic].parse(effect.payload);
  await outbox.updateOne(
    { _id: effect.id },
    {
      $setOnInsert: {
        topic: effect.topic,
        payload,
        status: 'pending',
        attempts: 0,
        availableAt: effect.availableAt ?? now,
        createdAt: now,
        doneAt: null,
        lastError: null,
      },
    },
    { upsert: true },
  );
}

/** The id of an effect of one cause: one entry per (topic, cause). */
export function effectId(topic: OutboxTopic, causeId: string): string {
  return `${topic.replace('.', '_')}_${causeId}`;
}

/**
 * Claims the oldest due entry: one atomic update moves its availableAt past the lease, so no
 * other drainer takes it meanwhile, and counts the attempt. Null when nothing is due.
 */
export function claimEntry(rt: DbHandle, now: Date, leaseMs: number): Promise<OutboxEntry | null> {
  const outbox = outboxCollection(rt);
  return outbox.findOneAndUpdate(
    { status: 'pending', availableAt: { $lte: now } },
    { $set: { availableAt: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
    { sort: { availableAt: 1 }, returnDocument: 'after' },
  );
}

/** Records the delivery's outcome, unless the lease ran out and another drainer claimed it since. */
export async function settleEntry(rt: DbHandle, claimed: Pick<OutboxEntry, '_id' | 'attempts'>, settlement: Settlement): Promise<boolean> {
  const outbox = outboxCollection(rt);
  const set =
    settlement.status === 'done'
      ? { status: 'done' as const, doneAt: settlement.doneAt }
      : settlement.status === 'pending'
        ? { availableAt: settlement.availableAt, lastError: settlement.lastError }
        : { status: 'failed' as const, lastError: settlement.lastError };
  const result = await outbox.updateOne({ _id: claimed._id, status: 'pending', attempts: claimed.attempts }, { $set: set });
  return result.modifiedCount === 1;
}

/** What is waiting and what was given up: the drainer logs it for operators. */
export async function outboxBacklog(rt: DbHandle): Promise<{ pending: number; failed: number }> {
  const outbox = outboxCollection(rt);
  const [pending, failed] = await Promise.all([outbox.countDocuments({ status: 'pending' }), outbox.countDocuments({ status: 'failed' })]);
  return { pending, failed };
}
