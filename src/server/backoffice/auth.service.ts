// Signing agents in and out: the login limits, the password check and the session's life
// (create, resolve with sliding expiry, revoke). What the tRPC layer and pages call.
import { z } from 'zod';
import { refuse, type Refusal } from '../platform/refusal';
import type { Runtime } from '../platform/runtime';
import { recordAudit } from './audit.store';
import { findAgentByEmail } from './agent.store';
import { decoyHash, verifyPassword } from './password';
import {
  accountDelayMs,
  loginRefusal,
  lockedMessage,
  normalizeEmail,
  shouldLock,
  WRONG_CREDENTIALS,
  type LoginLimits,
} from './login-throttle';
import { countLoginAttempt, countLoginFailure, delayAccount, lockAccountForAddress, rememberSignIn } from './login-throttle.store';
import { needsDurableTouch, newCsrfToken, newSessionToken, sessionIdOf, type LiveSession } from './session';
import {
  deleteLiveSessions,
  extendSessionRecord,
  insertSessionRecord,
  markSessionsRevoked,
  openSessionIdsOf,
  readLiveSession,
  saveLiveSession,
} from './session.store';

/** What the sign-in form sends. */
export const LoginInput = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });

export interface LoginRequest {
  readonly email: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent: string | null;
}

export type LoginResult = { readonly ok: true; readonly token: string; readonly session: LiveSession } | Refusal;

export function loginLimits(rt: Runtime): LoginLimits {
  return {
    maxPerIpPerMinute: rt.config.LOGIN_MAX_PER_IP_PER_MINUTE,
    maxFailures: rt.config.LOGIN_MAX_FAILURES,
    lockMs: rt.config.LOGIN_LOCK_MS,
    accountDelayMaxMs: rt.config.LOGIN_ACCOUNT_DELAY_MAX_MS,
  };
}

export async function login(rt: Runtime, request: LoginRequest, now = new Date()): Promise<LoginResult> {
  const email = normalizeEmail(request.email);
  const limits = loginLimits(rt);
  const refusal = loginRefusal(await countLoginAttempt(rt.redis, request.ip, email), limits);
  if (refusal) return refusal;

  const agent = await findAgentByEmail(rt, email);
  // An unknown e-mail costs a hash too, so timing does not tell agents' e-mails apart.
  const passwordOk = await verifyPassword(request.password, agent?.passwordHash ?? (await decoyHash()));
  if (!agent || !passwordOk) {
    const failures = await countLoginFailure(rt.redis, email, request.ip, limits.lockMs);
    const delay = accountDelayMs(failures.onAccount, limits);
    if (delay > 0) await delayAccount(rt.redis, email, delay);
    if (shouldLock(failures.fromAddress, limits)) {
      await lockAccountForAddress(rt.redis, email, request.ip, limits.lockMs);
      return refuse('rate_limited', lockedMessage(limits.lockMs));
    }
    return refuse('unauthenticated', WRONG_CREDENTIALS);
  }
  // Said only to whoever knows the password, so it reveals nothing to a guesser.
  if (agent.disabled) return refuse('unauthenticated', 'This account is disabled. Ask an admin.');
  await rememberSignIn(rt.redis, email, request.ip);

  const token = newSessionToken();
  const session: LiveSession = {
    sessionId: sessionIdOf(token),
    agentId: agent._id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    csrfToken: newCsrfToken(),
    createdAt: now.toISOString(),
    touchedAt: now.toISOString(),
  };
  const idleMs = rt.config.BACKOFFICE_SESSION_IDLE_MS;
  await insertSessionRecord(rt, {
    _id: session.sessionId,
    agentId: agent._id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + idleMs),
    revokedAt: null,
    ip: request.ip,
    userAgent: request.userAgent,
  });
  await saveLiveSession(rt.redis, session, idleMs);
  return { ok: true, token, session };
}

/** The session a cookie's token names, its idle expiry pushed forward; null when there is none. */
export async function resolveSession(rt: Runtime, token: string, now = new Date()): Promise<LiveSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const idleMs = rt.config.BACKOFFICE_SESSION_IDLE_MS;
  const session = await readLiveSession(rt.redis, sessionIdOf(token), idleMs);
  if (!session) return null;
  if (needsDurableTouch(session, now)) {
    const touched = { ...session, touchedAt: now.toISOString() };
    await Promise.all([
      saveLiveSession(rt.redis, touched, idleMs),
      extendSessionRecord(rt, session.sessionId, new Date(now.getTime() + idleMs)),
    ]);
    return touched;
  }
  return session;
}

export async function revokeSessions(rt: Runtime, sessionIds: readonly string[], now = new Date()): Promise<void> {
  // Redis first: from this moment the session no longer signs anything in.
  await deleteLiveSessions(rt.redis, sessionIds);
  await markSessionsRevoked(rt, sessionIds, now);
}

/** Signs an agent out everywhere (an admin's action, e.g. a lost laptop); audited. */
export async function revokeAgentSessions(
  rt: Runtime,
  agentId: string,
  actor: { id: string; email: string },
  now = new Date(),
): Promise<{ revoked: number }> {
  const ids = await openSessionIdsOf(rt, agentId, now);
  await revokeSessions(rt, ids, now);
  await recordAudit(rt, {
    actor: { kind: 'agent', id: actor.id, email: actor.email },
    action: 'agent.sessions_revoked',
    entity: { kind: 'agent', id: agentId },
    before: { openSessions: ids.length },
    after: { openSessions: 0 },
    at: now,
  });
  return { revoked: ids.length };
}
