import { describe, expect, it } from 'vitest';
import { fullBucket, takeToken, type TokenBucket } from './rate-limit';

const OPTIONS = { ratePerS: 10, burst: 2 };

describe('token bucket', () => {
  it('allows a burst, then one call per 1/rate seconds', () => {
    let bucket: TokenBucket = fullBucket(OPTIONS, 0);
    for (let i = 0; i < 2; i++) {
      const taken = takeToken(bucket, 0, OPTIONS);
      expect(taken.ok).toBe(true);
      bucket = taken.bucket;
    }
    const refused = takeToken(bucket, 0, OPTIONS);
    expect(refused).toMatchObject({ ok: false, waitMs: 100 });
    expect(takeToken(refused.bucket, 50, OPTIONS)).toMatchObject({ ok: false, waitMs: 50 });
    expect(takeToken(refused.bucket, 100, OPTIONS).ok).toBe(true);
  });

  it('never holds more than the burst, however long it was idle', () => {
    const bucket = takeToken(fullBucket(OPTIONS, 0), 0, OPTIONS).bucket;
    expect(takeToken(bucket, 60_000, OPTIONS)).toEqual({ ok: true, bucket: { tokens: 1, updatedMs: 60_000 } });
  });
});
