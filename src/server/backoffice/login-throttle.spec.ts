import { describe, expect, it } from 'vitest';
import { accountDelayMs, loginRefusal, normalizeEmail, shouldLock } from './login-throttle';

const limits = { maxPerIpPerMinute: 30, maxFailures: 5, lockMs: 15 * 60_000, accountDelayMaxMs: 60_000 };
const calm = { ipAttemptsThisMinute: 1, lockRemainingMs: 0, accountWaitRemainingMs: 0, knownAddress: false };

describe('login limits', () => {
  it('lets an attempt within every limit through', () => {
    expect(loginRefusal({ ...calm, ipAttemptsThisMinute: 30 }, limits)).toBeNull();
  });

  it('refuses with 429 past the per-address rate', () => {
    expect(loginRefusal({ ...calm, ipAttemptsThisMinute: 31 }, limits)?.kind).toBe('rate_limited');
  });

  it('says how long an e-mail stays locked for this address', () => {
    expect(loginRefusal({ ...calm, lockRemainingMs: 14 * 60_000 + 1 }, limits)?.message).toMatch(
      /locked for 15 minutes on this connection/,
    );
  });

  it('holds a guess back while the account waits, except from an address the agent signed in from', () => {
    expect(loginRefusal({ ...calm, accountWaitRemainingMs: 1500 }, limits)?.message).toMatch(/wait 2 seconds/);
    expect(loginRefusal({ ...calm, accountWaitRemainingMs: 1500, knownAddress: true }, limits)).toBeNull();
    // A lock on this address holds even for a known one: it is that address that guessed.
    expect(loginRefusal({ ...calm, lockRemainingMs: 1000, knownAddress: true }, limits)?.kind).toBe('rate_limited');
  });

  it('locks an e-mail for an address at the configured number of failures from it', () => {
    expect(shouldLock(4, limits)).toBe(false);
    expect(shouldLock(5, limits)).toBe(true);
  });

  it('makes the account wait longer with each failure past the threshold, up to the cap', () => {
    expect([4, 5, 6, 7, 10, 11, 12, 1_000].map((n) => accountDelayMs(n, limits))).toEqual([
      0, 1_000, 2_000, 4_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('compares e-mails case-insensitively', () => {
    expect(normalizeEmail('  Anna@Example.COM ')).toBe('anna@example.com');
  });
});
