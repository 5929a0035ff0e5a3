import { z } from 'zod';
import { Id } from '../../common/ids';

// An effect that must follow a write (a message, a purchase job, a cache update) is recorded
// here by that write and carried out later by a worker: no distributed transaction, and a crash
// between the two steps loses nothing. The _id is derived from the cause, so recording twice
// is one entry, and handlers must be idempotent since an entry may be delivered again.
export const OutboxEntry = z.object({
  _id: Id,
  topic: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(['pending', 'done', 'failed']),
  attempts: z.number().int().nonnegative(),
  availableAt: z.date(),
  createdAt: z.date(),
  doneAt: z.date().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;
