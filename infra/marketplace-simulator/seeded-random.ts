// Seeded hashing and pseudo-random streams for the simulator: every generated value is a pure
// function of a key, so product i of a market is computed in O(1) without storing the catalog.
// Not for cryptography; 32-bit integer maths only (Math.imul), so results match on every platform.

/** A bijective 32-bit mixer (Chris Wellons' "lowbias32"): spreads nearby integers far apart. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The inverse of `mix32`, so that an id made from a mixed index can be turned back into it. */
export function unmix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x43021123);
  x ^= (x >>> 15) ^ (x >>> 30);
  x = Math.imul(x, 0x1d69e2a5);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a key made of integers and strings into 32 bits; equal keys give equal hashes. */
export function hashKey(...parts: readonly (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === 'number') {
      // Numbers above 2^32 (never indices, but seeds may be) keep their high bits.
      h = mix32(h ^ mix32(part >>> 0) ^ Math.imul(Math.floor(part / 0x1_0000_0000), 0x85ebca6b));
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
      h = mix32(h ^ part.length);
    }
  }
  return h >>> 0;
}

/** A stream of numbers in [0, 1) (mulberry32), reproducible from its 32-bit seed. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Picks `count` distinct items, keeping their order in `items`. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }

  /** A standard normal variate (Box-Muller), for latency distributions. */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
}

/** A number in [0, 1) from a hash, for one-off decisions that need no stream. */
export function unitFromHash(hash: number): number {
  return (hash >>> 0) / 0x1_0000_0000;
}
