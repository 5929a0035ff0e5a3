// Sign-in against real Redis and MongoDB: sessions, revocation, lockout and rate limits, CSRF
// refusal through the tRPC guard, and the audit entry every mutation leaves.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import { createEvent } from 'h3';
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../db/ids';
import { seedOrder } from '../fulfillment/order.fixture';
import { createContext } from '../trpc/context';
import { appRouter } from '../trpc/routers/_app';
import { createAgent } from './agent.service';
import { login, resolveSession, revokeAgentSessions } from './auth.service';
import { listAudit } from './audit.store';
import { AuditFilters } from './audit';
import { SESSION_COOKIE } from './session';

const rt = useTestRuntime('backoffice-auth');
const PASSWORD = 'a long enough password';

async function newAgent(role: 'agent' | 'supervisor' | 'admin' = 'agent') {
  return createAgent(rt(), { email: `${role}-${newId(6)}@example.com`, name: `Test ${role}`, role, password: PASSWORD });
}

const attempt = (email: string, password: string, ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`) =>
  login(rt(), { email, password, ip, userAgent: 'vitest' });

function httpEvent(headers: Record<string, string>) {
  const req = new IncomingMessage(new Socket());
  req.method = 'POST';
  req.url = '/api/trpc/backoffice.orders.addNote';
  req.headers = { host: 'shop.example', ...headers };
  return createEvent(req, new ServerResponse(req));
}

describe('sign-in', () => {
  it('signs a known agent in with a session in Redis and a durable record, and resolves it from the token', async () => {
    const agent = await newAgent();
    const result = await attempt(agent.email.toUpperCase(), PASSWORD);
    if (!result.ok) throw new Error(result.message);
    expect(result.token).toMatch(/^[\w-]{43}$/);
    const resolved = await resolveSession(rt(), result.token);
    expect(resolved).toMatchObject({ agentId: agent._id, role: 'agent' });
    // Only the hash of the token is stored.
    const record = await rt().collections.sessions.findOne({ agentId: agent._id });
    expect(record?._id).toBe(result.session.sessionId);
    expect(record?._id).not.toBe(result.token);
    expect(await rt().redis.pttl(`ds:bo:session:${result.session.sessionId}`)).toBeGreaterThan(0);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const agent = await newAgent();
    const wrong = await attempt(agent.email, 'not the password');
    const unknown = await attempt(`nobody-${newId(6)}@example.com`, 'whatever');
    expect(wrong).toEqual({ ok: false, code: 'UNAUTHORIZED', message: 'Wrong e-mail or password.' });
    expect(unknown).toEqual(wrong);
  });

  it('locks an account after repeated wrong passwords, even for the right one, for a while', async () => {
    const agent = await newAgent();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await attempt(agent.email, `wrong ${i}`));
    expect(results.slice(0, 4).every((r) => !r.ok && r.code === 'UNAUTHORIZED')).toBe(true);
    expect(results[4]).toMatchObject({ ok: false, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/locked for 15 minutes/) });
    expect(await attempt(agent.email, PASSWORD)).toMatchObject({ ok: false, code: 'TOO_MANY_REQUESTS' });
    // An unknown e-mail locks the same way: the lock tells nothing about who is an agent.
    const ghost = `ghost-${newId(6)}@example.com`;
    for (let i = 0; i < 5; i++) await attempt(ghost, 'x');
    expect(await attempt(ghost, 'x')).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/locked/) });
  });

  it('rate-limits attempts per address', async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await attempt(`someone-${i}-${newId(4)}@example.com`, 'x', ip));
    expect(answers.slice(0, 30).every((a) => !a.ok && a.code === 'UNAUTHORIZED')).toBe(true);
    expect(answers[30]).toMatchObject({ ok: false, code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/Too many sign-in attempts/) });
  });

  it('revokes every session of an agent at once, and audits it', async () => {
    const agent = await newAgent();
    const admin = await newAgent('admin');
    const a = await attempt(agent.email, PASSWORD);
    const b = await attempt(agent.email, PASSWORD);
    if (!a.ok || !b.ok) throw new Error('login failed');
    expect(await revokeAgentSessions(rt(), agent._id, { id: admin._id, email: admin.email })).toEqual({ revoked: 2 });
    expect(await resolveSession(rt(), a.token)).toBeNull();
    expect(await resolveSession(rt(), b.token)).toBeNull();
    expect(await rt().collections.sessions.countDocuments({ agentId: agent._id, revokedAt: null })).toBe(0);
    const audit = await listAudit(rt().collections.auditEntries, AuditFilters.parse({ entityId: agent._id, action: 'agent.sessions_revoked' }));
    expect(audit[0]).toMatchObject({ actor: { email: admin.email }, before: { openSessions: 2 }, after: { openSessions: 0 } });
  });
});

describe('the tRPC guard over HTTP', () => {
  async function signedInCall(headers: (csrf: string) => Record<string, string>) {
    const agent = await newAgent();
    const result = await attempt(agent.email, PASSWORD);
    if (!result.ok) throw new Error(result.message);
    // Unpaid: no agent has acted on it yet, so its audit log holds what this call leaves.
    const { order } = await seedOrder(rt(), { status: 'awaiting_payment' });
    const event = httpEvent({ cookie: `${SESSION_COOKIE}=${result.token}`, ...headers(result.session.csrfToken) });
    const caller = appRouter.createCaller(createContext(event, async () => rt()));
    return caller.backoffice.orders.addNote({ orderId: order._id, text: 'called the shopper' });
  }

  it('refuses a mutation without its CSRF token, or with another', async () => {
    await expect(signedInCall(() => ({ origin: 'http://shop.example' }))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/CSRF/) });
    await expect(signedInCall(() => ({ origin: 'http://shop.example', 'x-csrf-token': 'forged' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a mutation from another origin even with the token', async () => {
    await expect(signedInCall((csrf) => ({ origin: 'https://evil.example', 'x-csrf-token': csrf }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Cross-site/),
    });
  });

  it('accepts it with the token from our origin, and audits it', async () => {
    const order = await signedInCall((csrf) => ({ origin: 'http://shop.example', 'x-csrf-token': csrf }));
    expect(order.timeline[0]).toMatchObject({ kind: 'note', reason: 'called the shopper' });
    const audit = await listAudit(rt().collections.auditEntries, AuditFilters.parse({ entityId: order.id }));
    expect(audit.map((a) => a.action)).toEqual(['order.note_added']);
  });

  it('answers 401 without a session cookie', async () => {
    const caller = appRouter.createCaller(createContext(httpEvent({ origin: 'http://shop.example' }), async () => rt()));
    const error = await caller.backoffice.orders.search({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
