import { describe, expect, it } from 'vitest';
import { ALL_QUEUES } from '../platform/queues';
import type { WorkerHeartbeat } from '../platform/runtime';
import { detailedStatus, publicStatus, statusComponents, withoutCredentials, type StatusFacts } from './status';

const heartbeat = (name: string, queue: string): WorkerHeartbeat => ({
  name,
  queue,
  pid: 4242,
  startedAt: '2026-12-07T08:00:00.000Z',
  seenAt: '2026-12-07T08:10:00.000Z',
  completed: 3,
  failed: 0,
  active: 1,
  jobNames: ['refresh'],
});

const facts: StatusFacts = {
  checkedAt: new Date('2026-12-07T08:10:01.000Z'),
  platform: { database: { engine: 'MongoDB', version: '8.0.4', name: 'digitalsales' }, redis: { version: '7.2.4' } },
  dependencies: [
    { name: 'mongodb', ok: true, latencyMs: 3 },
    { name: 'redis', ok: false, latencyMs: 2000, error: 'connect ECONNREFUSED redis://default:hunter2@10.0.0.5:6379' },
  ],
  stack: {
    startedAt: '2026-12-07T08:00:00.000Z',
    services: [
      {
        name: 'mongodb',
        detail: 'MongoDB from MONGO_URL',
        url: 'mongodb://app:s3cret@mongos1:27017,mongos2:27017/digitalsales?authSource=admin',
        pid: null,
      },
      { name: 'marketplace-simulator', detail: 'simulated shops and their control API', url: 'http://127.0.0.1:4104', pid: 1234 },
    ],
  },
  workers: [heartbeat('refresher', 'refresh')],
};

describe('platform status', () => {
  it('tells the public only which part is up, each dependency and each queue', () => {
    const status = publicStatus(facts);
    expect(status).toEqual({ view: 'public', checkedAt: '2026-12-07T08:10:01.000Z', components: statusComponents(facts) });
    expect(status.components.map((c) => c.name)).toEqual(['mongodb', 'redis', ...ALL_QUEUES]);
    expect(status.components.filter((c) => c.up).map((c) => c.name)).toEqual(['mongodb', 'refresh']);
    // Nothing of what the issue found exposed: addresses, ports, pids, the simulator's control API, versions.
    const text = JSON.stringify(status);
    for (const leak of ['://', '27017', '4104', '4242', '1234', 'simulator', 'hunter2', 's3cret', '8.0.4', 'ECONNREFUSED'])
      expect(text).not.toContain(leak);
  });

  it('gives a supervisor the details with every URL stripped of its credentials', () => {
    const status = detailedStatus(facts);
    expect(status.view).toBe('detailed');
    expect(status.stack?.services.map((s) => s.url)).toEqual([
      'mongodb://mongos1:27017,mongos2:27017/digitalsales?authSource=admin',
      'http://127.0.0.1:4104',
    ]);
    expect(status.dependencies[1]?.error).toBe('connect ECONNREFUSED redis://10.0.0.5:6379');
    expect(status.workers[0]).toMatchObject({ name: 'refresher', pid: 4242 });
    expect(status.platform?.database.engine).toBe('MongoDB');
    expect(JSON.stringify(status)).not.toMatch(/hunter2|s3cret/);
  });
});

describe('withoutCredentials', () => {
  it('removes user names, passwords and secret query parameters from any URL in a text', () => {
    expect(withoutCredentials('mongodb+srv://u%40x:p%3Aw@cluster0.example.net/db')).toBe('mongodb+srv://cluster0.example.net/db');
    expect(withoutCredentials('rediss://:onlypass@cache:6380/0')).toBe('rediss://cache:6380/0');
    expect(withoutCredentials('https://api.example/x?api_key=abc&lang=it&access_token=t0k')).toBe(
      'https://api.example/x?api_key=***&lang=it&access_token=***',
    );
    expect(withoutCredentials('redis://h:6379/0?password=pw')).toBe('redis://h:6379/0?password=***');
    expect(withoutCredentials('to a@b.example and mongodb://a:b@h/x, then redis://c:d@k')).toBe(
      'to a@b.example and mongodb://h/x, then redis://k',
    );
    expect(withoutCredentials('mongodb://h:27017/db?authSource=admin&tlsCertificateKeyFilePassword=x')).toBe(
      'mongodb://h:27017/db?authSource=admin&tlsCertificateKeyFilePassword=***',
    );
  });
});
