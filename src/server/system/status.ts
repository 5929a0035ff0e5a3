// What the platform status tells whom, free of I/O. Anyone may ask whether the shop's parts are
// up; only a supervisor sees what they are and where they run. Addresses, ports, process ids and
// the simulator's control API (which changes prices) help an attacker more than a shopper, and a
// URL may carry the credentials it was configured with: even a supervisor sees it without them.
import { ALL_QUEUES } from '../platform/queues';
import type { WorkerHeartbeat } from '../platform/runtime';
import type { StackManifest } from './stack-manifest';

export interface DependencyCheck {
  readonly name: 'mongodb' | 'redis';
  readonly ok: boolean;
  readonly latencyMs: number;
  readonly error?: string;
}

export interface PlatformDescription {
  readonly database: { engine: string; version: string; name: string };
  readonly redis: { version: string };
}

export interface StatusComponent {
  /** `mongodb`, `redis`, or the queue a worker serves (`refresh`, `scrape-it`, …). */
  readonly name: string;
  readonly up: boolean;
}

export interface PublicStatus {
  readonly view: 'public';
  readonly checkedAt: string;
  readonly components: readonly StatusComponent[];
}

export interface DetailedStatus {
  readonly view: 'detailed';
  readonly checkedAt: string;
  readonly components: readonly StatusComponent[];
  readonly platform: PlatformDescription | null;
  readonly dependencies: readonly DependencyCheck[];
  readonly stack: StackManifest | null;
  readonly workers: readonly WorkerHeartbeat[];
}

export type PlatformStatus = PublicStatus | DetailedStatus;

export interface StatusFacts {
  readonly checkedAt: Date;
  readonly platform: PlatformDescription | null;
  readonly dependencies: readonly DependencyCheck[];
  readonly stack: StackManifest | null;
  readonly workers: readonly WorkerHeartbeat[];
}

/** Each dependency, then each queue: up while a worker serving it has reported recently. */
export function statusComponents(facts: Pick<StatusFacts, 'dependencies' | 'workers'>): StatusComponent[] {
  const served = new Set(facts.workers.map((w) => w.queue));
  return [
    ...facts.dependencies.map((d) => ({ name: d.name, up: d.ok })),
    ...ALL_QUEUES.map((queue) => ({ name: queue, up: served.has(queue) })),
  ];
}

export function publicStatus(facts: StatusFacts): PublicStatus {
  return { view: 'public', checkedAt: facts.checkedAt.toISOString(), components: statusComponents(facts) };
}

export function detailedStatus(facts: StatusFacts): DetailedStatus {
  return {
    view: 'detailed',
    checkedAt: facts.checkedAt.toISOString(),
    components: statusComponents(facts),
    platform: facts.platform,
    dependencies: facts.dependencies.map((d) => (d.error === undefined ? d : { ...d, error: withoutCredentials(d.error) })),
    stack: facts.stack && {
      startedAt: facts.stack.startedAt,
      services: facts.stack.services.map((s) => ({
        ...s,
        detail: withoutCredentials(s.detail),
        url: s.url === null ? null : withoutCredentials(s.url),
      })),
    },
    workers: facts.workers,
  };
}

/** A query parameter whose value is a secret by its name (`?password=`, `?access_token=`). */
const SECRET_PARAM = /^(?:.*(?:pass(?:word)?|secret|token|api[-_]?key|auth[-_]?key|credentials?)|key|sig|signature)$/i;

// scheme://userinfo@ — the userinfo of a mongodb:// list of hosts too, which WHATWG URL cannot parse.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi;
const QUERY_PARAM = /([?&])([^=&#\s]+)=([^&#\s]*)/g;

/**
 * Every URL in `text` without its user name, password and secret query parameters, whatever its
 * scheme (mongodb, mongodb+srv, redis, rediss, http). Text that is not a URL is kept as it is.
 */
export function withoutCredentials(text: string): string {
  return text
    .replace(USERINFO, '$1')
    .replace(QUERY_PARAM, (whole, sep: string, name: string) => (SECRET_PARAM.test(decodeName(name)) ? `${sep}${name}=***` : whole));
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
