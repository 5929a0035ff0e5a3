// Orderly shutdown for the stack's commands: on Ctrl-C, SIGTERM or SIGHUP, stop what was
// started (most recent first, so the app goes before its database) and exit.
import type { Service } from './processes';
import { log } from './log';

export class ServiceSet {
  private readonly services: Service[] = [];
  private stopping: Promise<void> | undefined;

  add<S extends Service>(service: S): S {
    this.services.push(service);
    return service;
  }

  list(): readonly Service[] {
    return this.services;
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const service of [...this.services].reverse()) {
        log('stack', `stopping ${service.name}${service.pid ? ` (pid ${service.pid})` : ''}`);
        try {
          await service.stop();
        } catch (error) {
          console.error(`could not stop ${service.name}: ${(error as Error).message}`);
        }
      }
    })();
    return this.stopping;
  }

  /** Stops everything and exits when the user or the system asks the process to end. */
  stopOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        console.log('');
        void this.stopAll().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
      });
    }
  }
}
