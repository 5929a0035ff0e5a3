// The back office's API for agents: sign-in, orders, the audit log, agents. Every procedure is
// a `backofficeProcedure`, so the role table (src/server/backoffice/access.ts) guards each one;
// the routers stay thin over the services.
import { TRPCError } from '@trpc/server';
import { deleteCookie, getRequestIP, getRequestProtocol, getHeader, setCookie } from 'h3';
import { z } from 'zod';
import {
  AuditFilters,
  listAgents,
  listAudit,
  login,
  revokeSessions,
  revokeAgentSessions,
  SESSION_COOKIE,
  toAuditView,
} from '../../backoffice';
import { Id } from '../../db/ids';
import { listOpportunities } from '../../fulfillment';
import { MarketCode } from '../../markets';
import {
  addOrderNote,
  AddressInput,
  cancelOrder,
  editShippingAddress,
  markPaid,
  orderDetail,
  OrderSearch,
  refundOrder,
  resendConfirmation,
  retryPurchase,
  searchOrders,
  type OrderActionResult,
} from '../../orders';
import type { SessionContext } from '../context';
import { backofficeProcedure, router } from '../trpc';

function agentOf(session: SessionContext | null): SessionContext {
  // The role table already refused anonymous callers; this keeps the type honest.
  if (!session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to the back office first.' });
  return session;
}

function unwrap(result: OrderActionResult) {
  if (!result.ok) throw new TRPCError({ code: result.code, message: result.message });
  return result.order;
}

const acting = (s: SessionContext) => ({ id: s.agentId, email: s.email, role: s.role });

export const LoginInput = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });
export const OrderIdInput = z.object({ orderId: Id });
export const RefundInput = z.object({
  orderId: Id,
  amountCents: z.number().int().positive(),
  reason: z.string().trim().min(3, 'reason: say why, in a few words').max(500),
});
export const NoteInput = z.object({ orderId: Id, text: z.string().trim().min(1).max(2000) });
export const ActionInput = z.object({ orderId: Id, reason: z.string().trim().min(3, 'reason: say why, in a few words').max(500) });
export const AddressChangeInput = ActionInput.extend({ address: AddressInput });
export const OpportunitiesInput = z.object({ sellMarket: MarketCode.optional(), limit: z.number().int().min(1).max(500).default(100) });

const authRouter = router({
  login: backofficeProcedure.input(LoginInput).mutation(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const event = ctx.event;
    const ip = (event && getRequestIP(event, { xForwardedFor: rt.config.TRUST_PROXY })) ?? 'in-process';
    const result = await login(rt, { ...input, ip, userAgent: event ? (getHeader(event, 'user-agent') ?? null) : null });
    if (!result.ok) throw new TRPCError({ code: result.code, message: result.message });
    if (event) {
      setCookie(event, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: getRequestProtocol(event, { xForwardedProto: true }) === 'https',
      });
    }
    const { email, name, role, csrfToken } = result.session;
    return { email, name, role, csrfToken };
  }),

  me: backofficeProcedure.query(({ ctx }) => {
    const { email, name, role, csrfToken } = agentOf(ctx.session);
    return { email, name, role, csrfToken };
  }),

  logout: backofficeProcedure.mutation(async ({ ctx }) => {
    const session = agentOf(ctx.session);
    await revokeSessions(await ctx.runtime(), [session.sessionId]);
    if (ctx.event) deleteCookie(ctx.event, SESSION_COOKIE, { path: '/' });
    return { signedOut: true as const };
  }),
});

const ordersRouter = router({
  search: backofficeProcedure.input(OrderSearch.prefault({})).query(async ({ ctx, input }) => searchOrders(await ctx.runtime(), input)),

  detail: backofficeProcedure.input(OrderIdInput).query(async ({ ctx, input }) => {
    const order = await orderDetail(await ctx.runtime(), input.orderId);
    if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: `no order with id ${input.orderId}` });
    return order;
  }),

  refund: backofficeProcedure
    .input(RefundInput)
    .mutation(async ({ ctx, input }) => unwrap(await refundOrder(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  addNote: backofficeProcedure
    .input(NoteInput)
    .mutation(async ({ ctx, input }) => unwrap(await addOrderNote(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  markPaid: backofficeProcedure
    .input(ActionInput)
    .mutation(async ({ ctx, input }) => unwrap(await markPaid(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  cancel: backofficeProcedure
    .input(ActionInput)
    .mutation(async ({ ctx, input }) => unwrap(await cancelOrder(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  retryPurchase: backofficeProcedure
    .input(ActionInput)
    .mutation(async ({ ctx, input }) => unwrap(await retryPurchase(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  editAddress: backofficeProcedure
    .input(AddressChangeInput)
    .mutation(async ({ ctx, input }) => unwrap(await editShippingAddress(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  resendConfirmation: backofficeProcedure
    .input(ActionInput)
    .mutation(async ({ ctx, input }) => unwrap(await resendConfirmation(await ctx.runtime(), input, acting(agentOf(ctx.session))))),
});

const opportunitiesRouter = router({
  list: backofficeProcedure.input(OpportunitiesInput.prefault({})).query(async ({ ctx, input }) => listOpportunities(await ctx.runtime(), input)),
});

const auditRouter = router({
  list: backofficeProcedure.input(AuditFilters.prefault({})).query(async ({ ctx, input }) => {
    const entries = await listAudit((await ctx.runtime()).collections.auditEntries, input);
    return entries.map(toAuditView);
  }),
});

const agentsRouter = router({
  list: backofficeProcedure.query(async ({ ctx }) => {
    const agents = await listAgents((await ctx.runtime()).collections.agents);
    return agents.map((a) => ({ id: a._id, email: a.email, name: a.name, role: a.role, disabled: a.disabled }));
  }),

  revokeSessions: backofficeProcedure.input(z.object({ agentId: Id })).mutation(async ({ ctx, input }) => {
    const admin = agentOf(ctx.session);
    return revokeAgentSessions(await ctx.runtime(), input.agentId, { id: admin.agentId, email: admin.email });
  }),
});

export const backofficeRouter = router({
  auth: authRouter,
  orders: ordersRouter,
  audit: auditRouter,
  agents: agentsRouter,
  opportunities: opportunitiesRouter,
});
