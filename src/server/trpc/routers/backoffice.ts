// The back office's own capability: signing in and out, the agents (admins only) and the audit
// log. Every procedure's role is in the role table (src/server/backoffice/access.ts).
import { deleteCookie, getHeader, setCookie } from 'h3';
import {
  AgentDisabledInput,
  AgentIdInput,
  AgentRoleInput,
  agentList,
  type AuditDirectory,
  type AuditEntity,
  auditLog,
  AuditFilters,
  CreateAgentInput,
  createAgentAsAdmin,
  login,
  LoginInput,
  revokeAgentSessions,
  revokeSessions,
  SESSION_COOKIE,
  setAgentDisabled,
  setAgentRole,
} from '../../backoffice';
import { productTitles } from '../../catalog';
import { customerEmails, customerIdFor } from '../../customers';
import { orderIdsWhere, orderNumbers } from '../../orders';
import type { DbHandle } from '../../platform/db';
import { requestClientAddress, requestIsHttps } from '../../platform/web';
import { accepted, agentAction, backofficeProcedure, router, signInProcedure } from '../trpc';

const authRouter = router({
  login: signInProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const event = ctx.event;
    const ip = event ? requestClientAddress(event) : 'in-process';
    const result = accepted(await login(ctx.rt, { ...input, ip, userAgent: event ? (getHeader(event, 'user-agent') ?? null) : null }));
    if (event)
      setCookie(event, SESSION_COOKIE, result.token, { httpOnly: true, sameSite: 'lax', path: '/', secure: requestIsHttps(event) });
    const { email, name, role, csrfToken } = result.session;
    return { email, name, role, csrfToken };
  }),

  me: backofficeProcedure.query(({ ctx }) => {
    const { email, name, role, csrfToken } = ctx.session;
    return { email, name, role, csrfToken };
  }),

  logout: backofficeProcedure.mutation(async ({ ctx }) => {
    await revokeSessions(ctx.rt, [ctx.session.sessionId]);
    if (ctx.event) deleteCookie(ctx.event, SESSION_COOKIE, { path: '/' });
    return { signedOut: true as const };
  }),
});

const agentsRouter = router({
  list: backofficeProcedure.query(({ ctx }) => agentList(ctx.rt)),
  create: agentAction(CreateAgentInput, createAgentAsAdmin, (done) => done),
  setRole: agentAction(AgentRoleInput, setAgentRole, (done) => done),
  setDisabled: agentAction(AgentDisabledInput, setAgentDisabled, (done) => done),
  revokeSessions: backofficeProcedure
    .input(AgentIdInput)
    .mutation(({ ctx, input }) => revokeAgentSessions(ctx.rt, input.agentId, ctx.agent)),
});

/** The audit log names orders, customers and products the way agents know them. */
function auditDirectory(rt: DbHandle): AuditDirectory {
  const idsOf = (entities: readonly AuditEntity[], kind: AuditEntity['kind']) => entities.filter((e) => e.kind === kind).map((e) => e.id);
  return {
    orderIdsByNumber: async (number) => [
      ...new Set([...(await orderIdsWhere(rt, { number })), ...(await orderIdsWhere(rt, { number: number.toUpperCase() }))]),
    ],
    customerEntityIds: async (email) => {
      const customerId = customerIdFor(email);
      return [customerId, ...(await orderIdsWhere(rt, { customerId }))];
    },
    labels: async (entities) => {
      const [orders, customers, products] = await Promise.all([
        orderNumbers(rt, idsOf(entities, 'order')),
        customerEmails(rt, idsOf(entities, 'customer')),
        productTitles(rt, idsOf(entities, 'product')),
      ]);
      return new Map([...orders, ...customers, ...products]);
    },
  };
}

const auditRouter = router({
  list: backofficeProcedure.input(AuditFilters.prefault({})).query(({ ctx, input }) => auditLog(ctx.rt, input, auditDirectory(ctx.rt))),
});

export const backofficeRouter = router({ auth: authRouter, agents: agentsRouter, audit: auditRouter });
