// Child processes of the local stack: start, wait until they listen, and stop them all on
// exit or on a signal, so that a Ctrl-C leaves no process and no bound port behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname } from 'node:path';
import { StackError } from './log';

/** Asks the kernel for a port nobody listens on. */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface Started {
  readonly name: string;
  readonly child: ChildProcess;
  readonly logFile: string;
}

/** Something the stack started and must stop: a process, or a process plus its data. */
export interface Service {
  readonly name: string;
  /** What it is, for the logs and the home page: engine, version, where it came from. */
  readonly detail: string;
  readonly url: string | null;
  readonly pid: number | null;
  /** Databases and caches the others need: stopped last, after everything that uses them. */
  readonly infrastructure?: boolean;
  stop(): Promise<void>;
}

const running = new Set<Started>();

export interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Where stdout and stderr go; the path is printed when the process fails. */
  readonly logFile: string;
  /** Also copy the output to this terminal, prefixed by the name. */
  readonly echo?: boolean;
}

export function startProcess(options: StartOptions): Started {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const out = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(out, { end: false });
    if (options.echo) {
      stream?.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.trim()) console.log(`[${options.name}] ${line}`);
      });
    }
  }
  const started: Started = { name: options.name, child, logFile: options.logFile };
  running.add(started);
  child.once('exit', () => {
    running.delete(started);
    out.end();
  });
  child.once('error', () => running.delete(started));
  return started;
}

/** Resolves once the port accepts connections; fails early if the process dies first. */
export async function waitForPort(started: Started, host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  const onExit = (code: number | null, signal: string | null) => (exited = `exited with ${signal ?? `code ${code}`}`);
  started.child.once('exit', onExit);
  try {
    while (Date.now() < deadline) {
      if (exited) throw new StackError(`${started.name} ${exited} before listening on ${host}:${port}; see ${started.logFile}`);
      if (await portAnswers(host, port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new StackError(`${started.name} did not listen on ${host}:${port} within ${timeoutMs} ms; see ${started.logFile}`);
  } finally {
    started.child.off('exit', onExit);
  }
}

export function stopProcess(started: Started, graceMs = 10_000): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// A safety net for an exit that skipped the orderly stop (an uncaught error, process.exit):
// 'exit' handlers must be synchronous, so the children get SIGKILL rather than a grace period.
process.once('exit', () => {
  for (const started of running) started.child.kill('SIGKILL');
});
