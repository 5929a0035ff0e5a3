// The hashing and random streams every generated value comes from: bijective, reproducible, in range.
import { describe, expect, it } from 'vitest';
import { hashKey, mix32, SeededRandom, unitFromHash, unmix32 } from './seeded-random';

describe('mix32 / unmix32', () => {
  it('are inverse permutations of 32-bit integers', () => {
    for (const value of [0, 1, 2, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 123_456_789]) {
      expect(unmix32(mix32(value))).toBe(value);
      expect(mix32(unmix32(value))).toBe(value);
    }
    let mismatches = 0;
    for (let i = 0; i < 1_000_000; i++) if (unmix32(mix32(i * 40_503)) !== (i * 40_503) >>> 0) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('spreads neighbours apart', () => {
    expect(Math.abs(mix32(1) - mix32(2))).toBeGreaterThan(1_000_000);
  });
});

describe('hashKey', () => {
  it('gives equal hashes for equal keys and different ones otherwise', () => {
    expect(hashKey(1, 'world', 7)).toBe(hashKey(1, 'world', 7));
    expect(hashKey(1, 'world', 7)).not.toBe(hashKey(1, 'world', 8));
    expect(hashKey(1, 'world', 7)).not.toBe(hashKey(2, 'world', 7));
    expect(hashKey('ab', 'c')).not.toBe(hashKey('a', 'bc'));
    expect(hashKey(2 ** 40)).not.toBe(hashKey(0));
  });
});

describe('SeededRandom', () => {
  it('replays the same stream from the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    const draws = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(draws);
    expect(new SeededRandom(43).next()).not.toBe(draws[0]);
  });

  it('stays in range and covers it', () => {
    const random = new SeededRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const value = random.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      const n = random.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('samples distinct items in their original order', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 100; i++) {
      const picked = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
      expect(new Set(picked).size).toBe(3);
      expect([...picked].sort()).toEqual(picked);
    }
  });

  it('draws normal variates with mean 0 and deviation 1', () => {
    const random = new SeededRandom(11);
    const values = Array.from({ length: 20_000 }, () => random.normal());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('maps a hash onto [0, 1)', () => {
    expect(unitFromHash(0)).toBe(0);
    expect(unitFromHash(0xffff_ffff)).toBeLessThan(1);
  });
});
