// Redis for `./stack up`, the tests and the benchmarks: REDIS_URL, else a `redis-server` from
// PATH on a free port with persistence off (queues and cache are rebuilt from MongoDB).
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { checkSetting, log, StackError } from './log';
import { freePort, startProcess, stopProcess, waitForPort, type Service } from './processes';
import { which } from './which';

export interface RedisService extends Service {
  readonly url: string;
}

export async function startRedis(logDir: string): Promise<RedisService> {
  const given = process.env['REDIS_URL'];
  if (given) {
    checkSetting('REDIS_URL', given);
    const client = new Redis(given, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    // Kept for the message below (the rejection itself only says the connection closed);
    // without a listener ioredis would also print it as unhandled.
    let cause: string | undefined;
    client.on('error', (error: Error) => (cause ??= error.message));
    try {
      await client.connect();
      await client.ping();
    } catch (error) {
      throw new StackError(
        `REDIS_URL=${given}: no Redis answered within 3 s (${cause ?? (error as Error).message}).\n` +
          'Fix REDIS_URL, start that server, or unset REDIS_URL to use a local redis-server.',
      );
    } finally {
      client.disconnect();
    }
    log('redis', `using REDIS_URL ${given}`);
    return { name: 'redis', detail: 'Redis from REDIS_URL', url: given, pid: null, infrastructure: true, stop: async () => undefined };
  }
  const server = which('redis-server');
  if (!server) {
    throw new StackError(
      'redis-server is not installed: run `apt-get install -y redis-server` (./stack does it when run as root), or set REDIS_URL.',
    );
  }
  const port = await freePort();
  const started = startProcess({
    name: 'redis-server',
    command: server,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    logFile: join(logDir, 'redis.log'),
  });
  await waitForPort(started, '127.0.0.1', port, 15_000);
  const url = `redis://127.0.0.1:${port}`;
  log('redis', `started redis-server (${server}) at ${url}`);
  return {
    name: 'redis',
    detail: `redis-server from PATH, no persistence`,
    url,
    pid: started.child.pid ?? null,
    infrastructure: true,
    stop: () => stopProcess(started),
  };
}
