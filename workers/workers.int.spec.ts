import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { testEnv, until } from '../infra/local/testing';
import { freePort } from '../infra/local/processes';
import { REPO_ROOT } from '../infra/local/paths';
import { QUEUE_PREFIX, scrapeQueue } from '../src/server/platform/queues';
import { readWorkerHeartbeats } from '../src/server/platform/runtime';

const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const env = { ...process.env, ...testEnv('workers_spec') };
const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill('SIGKILL')));

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

describe('a worker started before its database', () => {
  it('says it is waiting, keeps trying, and starts once MongoDB answers', async () => {
    const mongo = new URL(env['MONGO_URL']!.replace(/^mongodb:/, 'http:'));
    const port = await freePort();
    // MongoDB appears on this port only later: a proxy to the test server, opened after the worker started.
    const url = env['MONGO_URL']!.replace(`${mongo.hostname}:${mongo.port}`, `127.0.0.1:${port}`);
    const child = spawn(tsx, ['workers/scrapers/main.ts', '--market', 'fr'], {
      cwd: REPO_ROOT,
      env: { ...env, MONGO_URL: url, MONGO_TIMEOUT_MS: '500' },
      stdio: 'pipe',
    });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until(async () => (stderr.includes('[scraper-fr] MongoDB or Redis not reachable yet') ? true : undefined), 'the waiting message');
    expect(child.exitCode).toBeNull();

    const proxy: Server = createServer((socket) => {
      const upstream = connect(Number(mongo.port), mongo.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    const redis = new Redis(env['REDIS_URL']!);
    try {
      await until(async () => (await readWorkerHeartbeats(redis)).find((h) => h.name === 'scraper-fr'), 'a heartbeat once MongoDB answers');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      redis.disconnect();
      proxy.close();
    }
  });
});
