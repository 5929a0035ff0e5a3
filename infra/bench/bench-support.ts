// What the benchmarks share: reading their numeric flags, summarizing latencies and running on
// services of their own, so that
// every `npm run bench:*` refuses a bad flag the same way and reports percentiles the same way.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceSet } from '../local/lifecycle';
import { LOG_DIR } from '../local/paths';

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
export async function benchOnOwnServices(
  logName: string,
  run: (services: ServiceSet, logDir: string) => Promise<Record<string, unknown>>,
): Promise<void> {
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

/** The unit of /proc's CPU times: USER_HZ, 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/**
 * CPU time (user + system, ms) a process and its descendants have used so far, from Linux's
 * /proc: a worker started through tsx runs its code in a child of the pid we hold. Null where
 * there is no /proc to read. Differences of two readings give the CPU a run cost the process,
 * a figure that, unlike latency, does not grow with what else the machine is running.
 */
export async function processTreeCpuMs(pid: number): Promise<number | null> {
  const entries = await readdir('/proc').catch(() => null);
  if (!entries) return null;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  await Promise.all(
    entries
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const text = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
        if (!text) return; // the process ended between the listing and the read
        // The command name (field 2) may hold spaces and parentheses: the fields start after its last ')'.
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      }),
  );
  if (!stats.has(pid)) return null;
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, { ppid }] of stats) {
      if (tree.has(ppid) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let ticks = 0;
  for (const member of tree) ticks += stats.get(member)?.ticks ?? 0;
  return ticks * (1000 / USER_HZ);
}
