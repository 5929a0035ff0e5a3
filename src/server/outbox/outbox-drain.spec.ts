import { describe, expect, it } from 'vitest';
import { afterFailure, backoffFor, EffectNotReady, MAX_BACKOFF_MS, type DrainPolicy } from './outbox-drain';

const policy: DrainPolicy = { leaseMs: 30_000, maxAttempts: 3, backoffMs: 1_000, graceMs: 600_000 };
const createdAt = new Date('2026-11-25T10:00:00Z');
const at = (ms: number) => new Date(createdAt.getTime() + ms);

describe('what becomes of an entry after a failed delivery', () => {
  it('doubles the pause at each attempt, up to a ceiling', () => {
    expect([1, 2, 3, 4].map((a) => backoffFor(a, 1_000))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(backoffFor(40, 1_000)).toBe(MAX_BACKOFF_MS);
  });

  it('tries again later with the error kept, then fails after the last attempt', () => {
    expect(afterFailure({ attempts: 2, createdAt }, new Error('boom'), policy, at(5_000))).toEqual({
      status: 'pending',
      availableAt: at(7_000),
      lastError: 'boom',
    });
    expect(afterFailure({ attempts: 3, createdAt }, new Error('boom'), policy, at(5_000))).toEqual({
      status: 'failed',
      lastError: 'failed 3 times; last: boom',
    });
  });

  it('lets an entry whose order is not there yet wait past the attempts, and gives it up after the grace period', () => {
    const notReady = new EffectNotReady('order o_1 does not exist (yet)');
    expect(afterFailure({ attempts: 7, createdAt }, notReady, policy, at(60_000))).toMatchObject({
      status: 'pending',
      lastError: 'order o_1 does not exist (yet)',
    });
    expect(afterFailure({ attempts: 7, createdAt }, notReady, policy, at(600_000))).toEqual({
      status: 'failed',
      lastError: 'gave up after 600 s: order o_1 does not exist (yet)',
    });
  });
});
