import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { MongoClient } from 'mongodb';
import { StackError } from './log';
import { startMongo } from './mongo';
import { portAnswers } from './processes';
import { startRedis } from './redis';

const logDir = join(tmpdir(), 'digitalsales-services-spec');
const saved = { MONGO_URL: process.env['MONGO_URL'], REDIS_URL: process.env['REDIS_URL'], STACK_MONGO: process.env['STACK_MONGO'] };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('embedded services', () => {
  it('an unreachable MONGO_URL stops with a message naming MONGO_URL', async () => {
    process.env['MONGO_URL'] = 'mongodb://127.0.0.1:1/x';
    delete process.env['STACK_MONGO'];
    const attempt = startMongo({ dbName: 'x', cacheSize: '64M', durable: false, logDir });
    await expect(attempt).rejects.toBeInstanceOf(StackError);
    await expect(attempt).rejects.toThrow(/MONGO_URL=mongodb:\/\/127\.0\.0\.1:1\/x/);
  });

  it('an unreachable REDIS_URL stops with a message naming REDIS_URL', async () => {
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1';
    await expect(startRedis(logDir)).rejects.toThrow(/REDIS_URL=redis:\/\/127\.0\.0\.1:1/);
  });

  it('an embedded server answers, and once stopped leaves no port bound and no data behind', async () => {
    delete process.env['MONGO_URL'];
    const mongo = await startMongo({ dbName: 'lifecycle', cacheSize: '64M', durable: false, logDir });
    const port = Number(/:(\d+)\//.exec(mongo.url)?.[1]);
    const client = await new MongoClient(mongo.url, { serverSelectionTimeoutMS: 5000 }).connect();
    await client
      .db()
      .collection('probe')
      .insertOne({ _id: 'one' } as never);
    expect(await client.db().collection('probe').countDocuments()).toBe(1);
    await client.close();

    expect(existsSync(mongo.dataDir!)).toBe(true);
    await mongo.stop();
    expect(existsSync(mongo.dataDir!)).toBe(false);
    expect(await portAnswers('127.0.0.1', port)).toBe(false);
    expect(existsSync(`/proc/${mongo.pid}`)).toBe(false);
  });

  it('a data directory another server still uses stops the start with a message naming its pid and what to do', async () => {
    delete process.env['MONGO_URL'];
    const dataDir = await mkdtemp(join(tmpdir(), 'digitalsales-held-'));
    const first = await startMongo({ dbName: 'held', cacheSize: '64M', durable: false, logDir, dataDir });
    try {
      const second = startMongo({ dbName: 'held', cacheSize: '64M', durable: false, logDir, dataDir });
      await expect(second).rejects.toBeInstanceOf(StackError);
      await expect(second).rejects.toThrow(new RegExp(`pid ${first.pid}.*still uses ${dataDir}[\\s\\S]*kill ${first.pid}`));
    } finally {
      await first.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
