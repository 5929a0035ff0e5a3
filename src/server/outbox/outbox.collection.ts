// The outbox collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn } from '../platform/db';
import { OutboxEntry } from './outbox.schema';

export const OUTBOX = collection({
  name: 'outbox',
  schema: OutboxEntry,
  indexes: [
    { name: 'status_available', key: { status: 1, availableAt: 1 } },
    // Delivered entries are kept a week for inspection, then removed.
    { name: 'done_expiry', key: { doneAt: 1 }, expireAfterSeconds: 7 * 24 * 3600, partialFilterExpression: { status: 'done' } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason: 'entries are written by many writers and claimed one by one by id',
});

export const outboxCollection = collectionIn(OUTBOX);
