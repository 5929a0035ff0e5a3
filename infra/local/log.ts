// Console output of the local stack: one line per event, prefixed by the part that speaks.
import { SETTINGS } from '../../src/server/platform/config';
const started = Date.now();

function stamp(): string {
  return `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
}

export function log(scope: string, message: string): void {
  console.log(`${stamp()} [${scope}] ${message}`);
}

export function warn(scope: string, message: string): void {
  console.warn(`${stamp()} [${scope}] ${message}`);
}

/** The message a person should act on, with no stack trace, then exit. */
export class StackError extends Error {
  override readonly name = 'StackError';
}

/** Checks one variable against the app's own settings table, so the stack and the app agree on what is valid. */
export function checkSetting(name: 'MONGO_URL' | 'REDIS_URL', value: string): void {
  const parsed = SETTINGS[name].type.safeParse(value);
  if (!parsed.success) {
    throw new StackError(`${name}=${JSON.stringify(value)} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
}
