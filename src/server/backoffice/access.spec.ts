// The role table as a whole: every back-office procedure is listed, and each answers anonymous,
// agent, supervisor and admin callers as the table says (401, 403, or through to the procedure).
// Each is called with a valid input, so "through" means it passed validation and reached the
// database (which this test does not have: 503), not that it was refused for a bad input.
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { Context } from '../trpc/context';
import { appRouter } from '../trpc/routers/_app';
import { BACKOFFICE_ACCESS, ROLE_RANK, roleAtLeast, type BackofficePath, type MinimumRole } from './access';
import type { Role } from './backoffice.schema';

const backofficePaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('backoffice.'));

function context(role: Role | null): Context {
  return {
    event: null,
    session: role
      ? { sessionId: 's'.repeat(64), agentId: `agent_${role}`, email: `${role}@example.com`, name: role, role, csrfToken: 'x' }
      : null,
    // A procedure that gets past the guard reaches this and answers 503: allowed, but no database here.
    runtime: () => Promise.reject(new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'no database in this test' })),
  };
}

const orderId = 'order_0001';
const productId = 'product_0001';

/** A valid input for every procedure of the table: a new procedure without one does not type-check. */
const VALID_INPUT = {
  'backoffice.auth.login': { email: 'agent@example.com', password: 'a password' },
  'backoffice.auth.me': undefined,
  'backoffice.auth.logout': undefined,
  'backoffice.orders.search': { q: 'rossi' },
  'backoffice.orders.detail': { orderId },
  'backoffice.orders.refund': { orderId, amountCents: 100, reason: 'scratched lid' },
  'backoffice.orders.addNote': { orderId, text: 'called the shopper' },
  'backoffice.orders.markPaid': { orderId, reason: 'transfer received' },
  'backoffice.orders.cancel': { orderId, reason: 'shopper asked' },
  'backoffice.orders.retryPurchase': { orderId, reason: 'supplier back up' },
  'backoffice.orders.editAddress': {
    orderId,
    reason: 'shopper moved',
    address: { name: 'Ana García', line1: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid', country: 'ES' },
  },
  'backoffice.orders.resendConfirmation': { orderId, reason: 'shopper lost it' },
  'backoffice.opportunities.list': { sellMarket: 'it' },
  'backoffice.audit.list': { entityKind: 'product' },
  'backoffice.agents.list': undefined,
  'backoffice.agents.revokeSessions': { agentId: 'agent_0001' },
  'backoffice.customers.search': { q: 'rossi' },
  'backoffice.customers.detail': { customerId: 'c-0001' },
  'backoffice.customers.addNote': { customerId: 'c-0001', text: 'prefers e-mail' },
  'backoffice.products.search': { q: '4006592532000' },
  'backoffice.products.detail': { productId },
  'backoffice.products.refreshNow': { productId },
  'backoffice.products.stopSelling': { productId, reason: 'supplier recall' },
  'backoffice.products.resumeSelling': { productId },
  'backoffice.products.setOverride': {
    productId,
    market: 'it',
    priceCents: 1990,
    expiresAt: '2030-01-01T00:00:00.000Z',
    reason: 'price match',
  },
  'backoffice.products.clearOverride': { productId, market: 'it' },
  'backoffice.matches.list': undefined,
  'backoffice.matches.merge': { candidateId: 'gtin-04006592532000|src-fr-0123456789' },
  'backoffice.matches.reject': { candidateId: 'gtin-04006592532000|src-fr-0123456789' },
  'backoffice.matches.split': { productId },
  'backoffice.operations.overview': undefined,
  'backoffice.operations.retryJob': { queue: 'refresh', jobId: 'job-1' },
  'backoffice.agents.create': { email: 'new@example.com', name: 'New', role: 'agent' },
  'backoffice.agents.setRole': { agentId: 'agent_0001', role: 'supervisor' },
  'backoffice.agents.setDisabled': { agentId: 'agent_0001', disabled: true },
} satisfies Record<BackofficePath, unknown>;

function expected(minimum: MinimumRole, role: Role | null): 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN' {
  if (minimum === 'public') return 'allowed';
  if (!role) return 'UNAUTHORIZED';
  return roleAtLeast(role, minimum) ? 'allowed' : 'FORBIDDEN';
}

async function outcome(path: BackofficePath, role: Role | null): Promise<string> {
  const caller = appRouter.createCaller(context(role));
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
  try {
    await procedure(VALID_INPUT[path]);
    return 'allowed';
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : 'INTERNAL_SERVER_ERROR';
    // Past the guard and the validation, a procedure finds no database here (503).
    return code === 'SERVICE_UNAVAILABLE' ? 'allowed' : code;
  }
}

describe('the back-office role table', () => {
  it('lists exactly the back-office procedures of the router', () => {
    expect([...backofficePaths].sort()).toEqual(Object.keys(BACKOFFICE_ACCESS).sort());
  });

  it('ranks agent < supervisor < admin', () => {
    expect(ROLE_RANK.agent).toBeLessThan(ROLE_RANK.supervisor);
    expect(ROLE_RANK.supervisor).toBeLessThan(ROLE_RANK.admin);
  });

  const roles = [null, 'agent', 'supervisor', 'admin'] as const;
  for (const [path, minimum] of Object.entries(BACKOFFICE_ACCESS) as [BackofficePath, MinimumRole][]) {
    it(`${path} (${minimum}) answers each role as the table says`, async () => {
      for (const role of roles) {
        expect({ role, answer: await outcome(path, role) }).toEqual({ role, answer: expected(minimum, role) });
      }
    });
  }
});
