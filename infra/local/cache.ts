// Where the stack keeps what it builds once per machine (the SecantusDB server), outside
// the clone, so that fresh clones (CI's included) and later runs reuse it.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { mkdir, rm, stat } from 'node:fs/promises';

export function cacheDir(): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'digitalsales');
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `work` while holding a lock directory, so two runs that both find the cache empty
 * (the tests and `./stack up`, say) build once rather than twice into the same place.
 */
export async function withLock<T>(lockDir: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  await mkdir(dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir, { recursive: false });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      // A lock older than any build is left by a run that was killed: take it over.
      if (age > timeoutMs) await rm(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
