// The simulator as a child process, for supervisors (`./stack up`) and the benchmark: forks
// main.ts with an IPC channel, resolves once it says where it listens, and stops it with SIGTERM
// (SIGKILL after a grace period). A child of its own keeps the simulator's event loop and logs
// apart from the process that drives it.
import { fork } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarketCode } from '../../src/common/markets';

export interface SimulatorProcess {
  readonly urls: Readonly<Record<MarketCode, string>>;
  readonly controlUrl: string;
  /** The DeepL stand-in's server URL, for DEEPL_SERVER_URL. */
  readonly deeplUrl: string;
  /** Base of the SP-API, Login with Amazon and eBay stand-ins, for SP_API_URL, LWA_TOKEN_URL and EBAY_API_URL. */
  readonly partnerApiUrl: string;
  readonly pid: number | null;
  stop(): Promise<void>;
}

export interface SimulatorProcessOptions {
  /** Flags for main.ts, such as `['--latency', 'off']`. */
  readonly args?: readonly string[];
  /** Where the child's output goes; without one, its errors reach this terminal and the banner is dropped. */
  readonly logFile?: string;
  /** @defaultValue 30_000 */
  readonly readyTimeoutMs?: number;
  /** @defaultValue 5_000 */
  readonly stopGraceMs?: number;
}

type Ready = Pick<SimulatorProcess, 'urls' | 'controlUrl' | 'deeplUrl' | 'partnerApiUrl'>;

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
// `--import tsx` resolves the package from the working directory: the repository's root.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function startSimulatorProcess(options: SimulatorProcessOptions = {}): Promise<SimulatorProcess> {
  const { args = [], logFile, readyTimeoutMs = 30_000, stopGraceMs = 5_000 } = options;
  const child = fork(MAIN, [...args], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: logFile ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    const out = createWriteStream(logFile, { flags: 'a' });
    child.stdout?.pipe(out, { end: false });
    child.stderr?.pipe(out, { end: false });
    child.once('exit', () => out.end());
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(killer);
  };
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the simulator did not start within ${readyTimeoutMs} ms${logFile ? `; see ${logFile}` : ''}`)),
        readyTimeoutMs,
      );
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message as Ready);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the simulator exited (code ${code}) before it was ready${logFile ? `; see ${logFile}` : ''}`));
      });
    });
    const { urls, controlUrl, deeplUrl, partnerApiUrl } = ready;
    return { urls, controlUrl, deeplUrl, partnerApiUrl, pid: child.pid ?? null, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
