import { describe, expect, it } from 'vitest';
import { loginRefusal, normalizeEmail, shouldLock } from './login-throttle';

const limits = { maxPerIpPerMinute: 30, maxPerAccountPerMinute: 10, maxFailures: 5, lockMs: 15 * 60_000 };

describe('login limits', () => {
  it('lets an attempt within every limit through', () => {
    expect(loginRefusal({ ipAttemptsThisMinute: 30, accountAttemptsThisMinute: 10, lockRemainingMs: 0 }, limits)).toBeNull();
  });

  it('refuses with 429 past the per-address or per-account rate', () => {
    expect(loginRefusal({ ipAttemptsThisMinute: 31, accountAttemptsThisMinute: 1, lockRemainingMs: 0 }, limits)?.code).toBe('TOO_MANY_REQUESTS');
    expect(loginRefusal({ ipAttemptsThisMinute: 1, accountAttemptsThisMinute: 11, lockRemainingMs: 0 }, limits)?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('says how long a locked account stays locked', () => {
    expect(loginRefusal({ ipAttemptsThisMinute: 1, accountAttemptsThisMinute: 1, lockRemainingMs: 14 * 60_000 + 1 }, limits)?.message).toMatch(
      /locked for 15 minutes/,
    );
  });

  it('locks at the configured number of failures', () => {
    expect(shouldLock(4, limits)).toBe(false);
    expect(shouldLock(5, limits)).toBe(true);
  });

  it('compares e-mails case-insensitively', () => {
    expect(normalizeEmail('  Anna@Example.COM ')).toBe('anna@example.com');
  });
});
