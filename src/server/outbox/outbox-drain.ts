// What becomes of an outbox entry after a delivery, free of I/O: done; tried again later with a
// growing pause (lastError kept); or failed after too many attempts. An entry whose cause is
// not there yet (its order not yet inserted or not yet paid) waits whatever its attempts,
// and is given up only after a grace period counted from its recording.
import type { OutboxEntry } from './outbox.schema';

export interface DrainPolicy {
  /** A claimed entry is hidden this long; a drainer that died lets it go when it runs out. */
  readonly leaseMs: number;
  readonly maxAttempts: number;
  /** Pause after the first failed attempt; doubles each time, up to MAX_BACKOFF_MS. */
  readonly backoffMs: number;
  readonly graceMs: number;
}

/** No pause grows beyond this, so an entry that finally can go is not left waiting for hours. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/** Thrown by a handler whose cause is not there yet; retried until the grace period ends. */
export class EffectNotReady extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EffectNotReady';
  }
}

export type Settlement =
  | { readonly status: 'done'; readonly doneAt: Date }
  | { readonly status: 'pending'; readonly availableAt: Date; readonly lastError: string }
  | { readonly status: 'failed'; readonly lastError: string };

export function backoffFor(attempts: number, baseMs: number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** `entry` as claimed: its attempts include the one that just failed. */
export function afterFailure(
  entry: Pick<OutboxEntry, 'attempts' | 'createdAt'>,
  error: unknown,
  policy: DrainPolicy,
  now: Date,
): Settlement {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof EffectNotReady) {
    const waitedMs = now.getTime() - entry.createdAt.getTime();
    if (waitedMs >= policy.graceMs) return { status: 'failed', lastError: `gave up after ${Math.round(waitedMs / 1000)} s: ${message}` };
    return {
      status: 'pending',
      availableAt: new Date(now.getTime() + Math.min(backoffFor(entry.attempts, policy.backoffMs), policy.graceMs)),
      lastError: message,
    };
  }
  if (entry.attempts >= policy.maxAttempts) return { status: 'failed', lastError: `failed ${entry.attempts} times; last: ${message}` };
  return { status: 'pending', availableAt: new Date(now.getTime() + backoffFor(entry.attempts, policy.backoffMs)), lastError: message };
}
