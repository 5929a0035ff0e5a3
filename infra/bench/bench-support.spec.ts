import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { processTreeCpuMs } from './bench-support';

describe('processTreeCpuMs', () => {
  it('counts the CPU of a process and of its children, as a worker started through tsx runs', async () => {
    // A child that spends 300 ms of CPU, says so, then idles until it is stopped.
    const child = spawn(
      process.execPath,
      ['-e', 'while (process.cpuUsage().user < 300_000); console.log("spent"); setInterval(() => {}, 1000);'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await once(child.stdout, 'data');
      const tree = await processTreeCpuMs(process.pid);
      const own = process.cpuUsage();
      expect(tree).not.toBeNull();
      // /proc counts in 10 ms ticks: the child's 300 ms show, less a tick or two of rounding.
      expect(tree! - (own.user + own.system) / 1000).toBeGreaterThan(250);
      expect(await processTreeCpuMs(child.pid!)).toBeGreaterThan(250);
    } finally {
      child.kill();
    }
  });

  it('answers null for a process that does not exist', async () => {
    expect(await processTreeCpuMs(2 ** 22 + 1)).toBeNull();
  });
});
