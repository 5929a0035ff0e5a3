// The command line: a bad flag gets the usage text and exit code 64; a good start prints the four
// URLs, tells a forking parent where it listens, serves, and exits 0 on SIGTERM.
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
// --import resolves tsx from the working directory: run from the repository's root.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('main.ts', () => {
  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--latency', 'maybe'], /--latency: Invalid option: expected one of "on"\|"off"/],
    [['--seed', 'x'], /--seed: expected a whole number/],
    [['--products-per-market', '0'], /--products-per-market: Too small/],
    [['--port-base', '80'], /--port-base: expected 0 \(free ports\) or a port from 1024/],
    [['--supplier-failures', '5%'], /--supplier-failures: expected a share from 0 to 1/],
  ] as const)('refuses %j with a clear message and the usage', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(64);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run simulator');
  });

  it('prints its URLs, tells the parent, serves, and stops on SIGTERM', async () => {
    const child = fork(MAIN, ['--latency', 'off', '--products-per-market', '300', '--seed', '7'], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: 'pipe',
    });
    let stdout = '';
    // The banner and the IPC message travel on different pipes; wait for the banner's last line.
    const printed = new Promise<void>((resolve) =>
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('Ctrl-C stops it.')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const ready = await new Promise<{ urls: Record<MarketCode, string>; controlUrl: string }>((resolve, reject) => {
      child.once('message', (message) => resolve(message as { urls: Record<MarketCode, string>; controlUrl: string }));
      child.once('exit', () => reject(new Error('exited before it was ready')));
    });
    await printed;
    for (const market of MARKET_CODES) {
      expect(stdout).toContain(`MARKETPLACE_URL_${market.toUpperCase()}=${ready.urls[market]}`);
      expect((await fetch(`${ready.urls[market]}/robots.txt`)).status).toBe(200);
    }
    expect(await (await fetch(ready.controlUrl)).json()).toMatchObject({ seed: 7, productsPerMarket: 300 });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
