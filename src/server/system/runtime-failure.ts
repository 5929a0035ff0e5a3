// Why the runtime could not be opened, in words safe to send to any client: a bad setting
// is named but its value is not echoed, since a connection string can carry a password.
import { MongoError } from 'mongodb';
import { ConfigError } from '../platform/config';

export function describeRuntimeFailure(error: unknown): string {
  if (error instanceof ConfigError) {
    const names = error.problems.map((problem) => /^[A-Z0-9_]+/.exec(problem)?.[0] ?? 'unknown');
    return `invalid configuration: ${names.join(', ')}`;
  }
  return `MongoDB or Redis is unavailable: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Which dependency a failed open points at. Opening does MongoDB work (connect, indexes),
 * whose errors are `MongoError`s, possibly wrapped as the `cause` of a clearer error, and
 * one Redis connect; a configuration error is neither.
 */
export function failedDependency(error: unknown): 'mongodb' | 'redis' | null {
  if (error instanceof ConfigError) return null;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof MongoError) return 'mongodb';
  }
  return 'redis';
}
