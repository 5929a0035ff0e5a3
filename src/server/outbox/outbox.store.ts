import type { Collection } from 'mongodb';
import { OUTBOX_TOPICS, type OutboxPayload, type OutboxTopic } from './outbox-topics';
import type { OutboxEntry } from './outbox.schema';

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
export async function recordEffect<T extends OutboxTopic>(outbox: Collection<OutboxEntry>, effect: EffectRequest<T>, now = new Date()): Promise<void> {
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
