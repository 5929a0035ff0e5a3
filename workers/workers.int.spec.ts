import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { testEnv } from '../infra/local/testing';
import { REPO_ROOT } from '../infra/local/paths';
import { QUEUE_PREFIX, scrapeQueue } from '../src/server/queues';
import { readWorkerHeartbeats } from '../src/server/runtime';

const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const env = { ...process.env, ...testEnv('workers_spec') };
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('scraper worker process', () => {
  it('refuses an unknown market with a usage message', () => {
    const result = spawnSync(tsx, ['workers/scrapers/main.ts', '--market', 'uk'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    expect(result.status).toBe(64);
    expect(result.stderr).toContain('--market <it|fr|de|es>');
  });

  it('reports a heartbeat, fails an unknown job without retrying it, and stops cleanly on SIGTERM', async () => {
    const redis = new Redis(env['REDIS_URL']!);
    const child = spawn(tsx, ['workers/scrapers/main.ts', '--market', 'it'], { cwd: REPO_ROOT, env, stdio: 'pipe' });
    children.push(child);
    const heartbeat = await until(async () => (await readWorkerHeartbeats(redis)).find((h) => h.name === 'scraper-it'), 'a heartbeat');
    expect(heartbeat).toMatchObject({ queue: scrapeQueue('it'), pid: expect.any(Number) });

    const queue = new Queue(scrapeQueue('it'), { connection: redis, prefix: QUEUE_PREFIX });
    const job = await queue.add('no-such-job', {}, { attempts: 3 });
    const failure = await until(async () => {
      const state = await job.getState();
      return state === 'failed' ? (await queue.getJob(job.id!))?.failedReason : undefined;
    }, 'the job to fail');
    expect(failure).toContain('no handler for job "no-such-job"');
    expect((await queue.getJob(job.id!))?.attemptsMade).toBe(1);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect((await readWorkerHeartbeats(redis)).find((h) => h.name === 'scraper-it')).toBeUndefined();
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });
});
