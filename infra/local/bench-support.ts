// What the benchmarks share: reading their numeric flags, summarizing latencies and running on
// services of their own, so that
// every `npm run bench:*` refuses a bad flag the same way and reports percentiles the same way.
import { join } from 'node:path';
import { ServiceSet } from './lifecycle';
import { LOG_DIR } from './paths';

/** A whole number from 1 to `max`, or exit 64 (usage error) naming the flag. */
export function positiveInt(name: string, raw: string | undefined, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${name} expects a whole number from 1 to ${max}, got ${raw}`);
    process.exit(64);
  }
  return value;
}

/** The nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/**
 * Runs a benchmark on services of its own (MongoDB, Redis, …, added to `services`), stops them
 * whatever happens, and prints the figures `run` returns as the last line, one JSON object,
 * after the services' stop messages.
 */
export async function benchOnOwnServices(logName: string, run: (services: ServiceSet, logDir: string) => Promise<Record<string, unknown>>): Promise<void> {
  const services = new ServiceSet();
  services.stopOnSignals();
  let figures: Record<string, unknown>;
  try {
    figures = await run(services, join(LOG_DIR, logName));
  } finally {
    await services.stopAll();
  }
  console.log(JSON.stringify(figures));
}
