// Session tokens and the rules around them, free of I/O. The browser holds a random 256-bit
// token; Redis and MongoDB hold only its SHA-256, so a leaked dump of either cannot be replayed.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './backoffice.schema';

export const SESSION_COOKIE = 'ds_bo_session';
export const CSRF_HEADER = 'x-csrf-token';

/** What Redis keeps per live session; also what a signed-in request knows about its agent. */
/** The agent an action is done by, as services record it in the audit log and the order's timeline. */
export interface ActingAgent {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
}

export interface LiveSession {
  readonly sessionId: string;
  readonly agentId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly csrfToken: string;
  readonly createdAt: string;
  /** When the durable record's expiry was last pushed forward. */
  readonly touchedAt: string;
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The session's id in Redis and MongoDB: 64 hex characters, a valid `Id`. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokensMatch(presented: string | null | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Redis's expiry slides on every request; the durable record's only every minute, which is
 * what the sessions list needs and spares MongoDB a write per request.
 */
export const DURABLE_TOUCH_MS = 60_000;

export function needsDurableTouch(session: LiveSession, now: Date): boolean {
  return now.getTime() - Date.parse(session.touchedAt) >= DURABLE_TOUCH_MS;
}
