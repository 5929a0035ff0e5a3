// The role table as a whole: every back-office procedure is listed, and each answers anonymous,
// agent, supervisor and admin callers as the table says (401, 403, or through to the procedure).
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { Context } from '../trpc/context';
import { appRouter } from '../trpc/routers/_app';
import { BACKOFFICE_ACCESS, ROLE_RANK, roleAtLeast, type MinimumRole } from './access';
import type { Role } from './backoffice.schema';

const backofficePaths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith('backoffice.'));

function context(role: Role | null): Context {
  return {
    event: null,
    session: role ? { sessionId: 's'.repeat(64), agentId: `agent_${role}`, email: `${role}@example.com`, name: role, role, csrfToken: 'x' } : null,
    // A procedure that gets past the guard reaches this and answers 503: allowed, but no database here.
    runtime: () => Promise.reject(new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'no database in this test' })),
  };
}

function expected(minimum: MinimumRole, role: Role | null): 'allowed' | 'UNAUTHORIZED' | 'FORBIDDEN' {
  if (minimum === 'public') return 'allowed';
  if (!role) return 'UNAUTHORIZED';
  return roleAtLeast(role, minimum) ? 'allowed' : 'FORBIDDEN';
}

async function outcome(path: string, role: Role | null): Promise<string> {
  const caller = appRouter.createCaller(context(role));
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input?: unknown) => Promise<unknown>;
  try {
    await procedure(undefined);
    return 'allowed';
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : 'INTERNAL_SERVER_ERROR';
    // Past the guard, a call without input fails validation (400) or finds no database (503).
    return code === 'UNAUTHORIZED' || code === 'FORBIDDEN' ? code : 'allowed';
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
  for (const [path, minimum] of Object.entries(BACKOFFICE_ACCESS)) {
    it(`${path} (${minimum}) answers each role as the table says`, async () => {
      for (const role of roles) {
        expect({ role, answer: await outcome(path, role) }).toEqual({ role, answer: expected(minimum, role) });
      }
    });
  }
});
