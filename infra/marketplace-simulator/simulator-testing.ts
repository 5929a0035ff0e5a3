// For test files that talk HTTP to the simulator (its own, the scrapers', the refresher's): start
// it on free ports with latency and the SP-API's throttling off and a clock the test moves by hand,
// stop it afterwards, and call its control API. Nothing here reads the wall clock, so tests do not
// depend on timing.
import { afterAll, beforeAll } from 'vitest';
import type { SimProduct } from './catalog-generator';
import type { MarketCode } from '../../src/common/markets';
import { startSimulator, type RunningSimulator } from './simulator';
import type { SimulatorOptions } from './simulator-settings';

export class ManualClock {
  constructor(public nowMs = Date.UTC(2025, 0, 6, 9, 0, 0)) {}

  readonly now = (): number => this.nowMs;

  advance(ms: number): void {
    this.nowMs += ms;
  }
}

export interface TestSimulator {
  /** The running simulator; use it inside tests, after beforeAll has started it. */
  readonly sim: () => RunningSimulator;
  readonly clock: ManualClock;
}

/** Starts a simulator before the file's tests and stops it after them. */
export function useSimulator(options: SimulatorOptions = {}): TestSimulator {
  const clock = new ManualClock();
  let running: RunningSimulator | undefined;
  beforeAll(async () => {
    running = await startSimulator({ latency: false, partnerRateLimits: false, productsPerMarket: 2_000, clock: clock.now, ...options });
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    clock,
    sim: () => {
      if (!running) throw new Error('the simulator starts in beforeAll; use it inside a test');
      return running;
    },
  };
}

export interface JsonReply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Calls the control API: `control(sim, 'PATCH', '/faults', {...})`. */
export async function control(sim: RunningSimulator, method: string, path: string, body?: unknown): Promise<JsonReply> {
  const response = await fetch(`${sim.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The first product of a market that matches, scanning the catalog in order. */
export function findProduct(sim: RunningSimulator, market: MarketCode, match: (p: SimProduct) => boolean): SimProduct {
  for (let i = 0; i < sim.catalog.size; i++) {
    const product = sim.catalog.product(market, i);
    if (match(product)) return product;
  }
  throw new Error(`no matching product among the ${sim.catalog.size} of ${market}`);
}
