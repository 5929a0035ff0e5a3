// Sign-in against real Redis and MongoDB: sessions, revocation, lockout and rate limits, CSRF
// refusal through the tRPC guard, and the audit entry every mutation leaves.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import { createEvent } from 'h3';
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import { seedOrder } from '../fulfillment/order.fixture';
import { createContext } from '../trpc/context';
import { appRouter } from '../trpc/routers/_app';
import { createAgent } from './agent.service';
import { login, resolveSession, revokeAgentSessions } from './auth.service';
import { listAudit } from './audit.store';
import { AuditFilters } from './audit';
import { SESSION_COOKIE } from './session';
import { sessionCollection } from './backoffice.collection';

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
    const record = await sessionCollection(rt()).findOne({ agentId: agent._id });
    expect(record?._id).toBe(result.session.sessionId);
    expect(record?._id).not.toBe(result.token);
    expect(await rt().redis.pttl(`ds:bo:session:${result.session.sessionId}`)).toBeGreaterThan(0);
  });

  it('answers the same for an unknown e-mail and a wrong password', async () => {
    const agent = await newAgent();
    const wrong = await attempt(agent.email, 'not the password');
    const unknown = await attempt(`nobody-${newId(6)}@example.com`, 'whatever');
    expect(wrong).toEqual({ ok: false, kind: 'unauthenticated', message: 'Wrong e-mail or password.' });
    expect(unknown).toEqual(wrong);
  });

  it('locks an e-mail for the address that guessed wrong five times, not for the agent elsewhere', async () => {
    const agent = await newAgent();
    const home = `198.51.100.${Math.floor(Math.random() * 250)}`;
    expect(await attempt(agent.email, PASSWORD, home)).toMatchObject({ ok: true });
    const guesser = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await attempt(agent.email, `wrong ${i}`, guesser));
    expect(results.slice(0, 4).every((r) => !r.ok && r.kind === 'unauthenticated')).toBe(true);
    expect(results[4]).toMatchObject({ ok: false, kind: 'rate_limited', message: expect.stringMatching(/locked for 15 minutes/) });
    // The guesser's address stays locked, even with the right password.
    expect(await attempt(agent.email, PASSWORD, guesser)).toMatchObject({ ok: false, kind: 'rate_limited' });
    // The agent, from an address they signed in from before, is not locked out.
    expect(await attempt(agent.email, PASSWORD, home)).toMatchObject({ ok: true });
    // An unknown e-mail locks the same way: the lock tells nothing about who is an agent.
    const ghost = `ghost-${newId(6)}@example.com`;
    for (let i = 0; i < 5; i++) await attempt(ghost, 'x', guesser);
    expect(await attempt(ghost, 'x', guesser)).toMatchObject({ kind: 'rate_limited', message: expect.stringMatching(/locked/) });
  });

  it('slows a guesser spread over many addresses with a growing wait on the account, which a known address skips', async () => {
    const agent = await newAgent();
    const home = `198.51.100.${Math.floor(Math.random() * 250)}`;
    expect(await attempt(agent.email, PASSWORD, home)).toMatchObject({ ok: true });
    // Five wrong passwords, each from another address: no address is locked, the account waits.
    for (let i = 0; i < 5; i++)
      expect(await attempt(agent.email, `wrong ${i}`, `203.0.113.${i + 1}`)).toMatchObject({ kind: 'unauthenticated' });
    expect(await rt().redis.pttl(`ds:bo:login:wait:${agent.email}`)).toBeGreaterThan(0);
    // A sixth address is held back, right password or not: no guess gets through during the wait.
    expect(await attempt(agent.email, PASSWORD, '203.0.113.99')).toMatchObject({
      ok: false,
      kind: 'rate_limited',
      message: expect.stringMatching(/wait \d+ second/),
    });
    // The agent, from the address they signed in from before, is not.
    expect(await attempt(agent.email, PASSWORD, home)).toMatchObject({ ok: true });
    // Each further failure doubles the wait.
    const before = await rt().redis.pttl(`ds:bo:login:wait:${agent.email}`);
    expect(await attempt(agent.email, 'wrong again', home)).toMatchObject({ kind: 'unauthenticated' });
    expect(await rt().redis.pttl(`ds:bo:login:wait:${agent.email}`)).toBeGreaterThan(before);
  });

  it('rate-limits attempts per address', async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await attempt(`someone-${i}-${newId(4)}@example.com`, 'x', ip));
    expect(answers.slice(0, 30).every((a) => !a.ok && a.kind === 'unauthenticated')).toBe(true);
    expect(answers[30]).toMatchObject({
      ok: false,
      kind: 'rate_limited',
      message: expect.stringMatching(/Too many sign-in attempts/),
    });
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
    expect(await sessionCollection(rt()).countDocuments({ agentId: agent._id, revokedAt: null })).toBe(0);
    const audit = await listAudit(rt(), AuditFilters.parse({ entityId: agent._id, action: 'agent.sessions_revoked' }));
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
    await expect(signedInCall(() => ({ origin: 'http://shop.example' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/CSRF/),
    });
    await expect(signedInCall(() => ({ origin: 'http://shop.example', 'x-csrf-token': 'forged' }))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
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
    const audit = await listAudit(rt(), AuditFilters.parse({ entityId: order.id }));
    expect(audit.map((a) => a.action)).toEqual(['order.note_added']);
  });

  it('answers 401 without a session cookie', async () => {
    const caller = appRouter.createCaller(createContext(httpEvent({ origin: 'http://shop.example' }), async () => rt()));
    const error = await caller.backoffice.orders.search({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
