// Orderly shutdown for the stack's commands: on Ctrl-C, SIGTERM or SIGHUP, stop what was
// started (the app and workers first, then the database and Redis they use) and exit.
import type { Service } from './processes';
import { log } from './log';

async function stopOne(service: Service): Promise<void> {
  log('stack', `stopping ${service.name}${service.pid ? ` (pid ${service.pid})` : ''}`);
  try {
    await service.stop();
  } catch (error) {
    console.error(`could not stop ${service.name}: ${(error as Error).message}`);
  }
}

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

  /**
   * Stops the app, the workers and the simulator side by side (each may take its grace period),
   * then the infrastructure they used, most recent first.
   */
  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      const users = this.services.filter((service) => !service.infrastructure);
      const infrastructure = this.services.filter((service) => service.infrastructure).reverse();
      await Promise.all(users.map(stopOne));
      for (const service of infrastructure) await stopOne(service);
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
