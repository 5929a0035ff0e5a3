// The back office's API for agents: sign-in, orders, customers, products, operations, the audit
// log, agents. Every procedure is
// a `backofficeProcedure`, so the role table (src/server/backoffice/access.ts) guards each one;
// the routers stay thin over the services.
import { TRPCError } from '@trpc/server';
import { deleteCookie, getHeader, setCookie } from 'h3';
import { z } from 'zod';
import {
  AgentDisabledInput,
  AgentRoleInput,
  AuditFilters,
  CreateAgentInput,
  createAgentAsAdmin,
  DuplicateAgentError,
  listAgents,
  setAgentDisabled,
  setAgentRole,
  toAgentView,
  listAudit,
  login,
  revokeSessions,
  revokeAgentSessions,
  SESSION_COOKIE,
  toAuditView,
  agentCollection,
  auditCollection,
} from '../../backoffice';
import {
  clearOverride,
  ClearOverrideInput,
  overridePrice,
  OverrideInput,
  productAdminDetail,
  ProductIdInput,
  ProductSearch,
  refreshNow,
  resumeSelling,
  SalesStopInput,
  searchProducts,
  stopSelling,
} from '../../catalog-admin';
import { addCustomerNote, customerDetail, CustomerIdInput, CustomerNoteInput, CustomerSearchInput, searchCustomers } from '../../customers';
import { Id } from '../../../shared/ids';
import { listOpportunities } from '../../fulfillment';
import { MarketCode } from '../../../shared/markets';
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
  withOrders,
} from '../../orders';
import { operationsOverview, retryFailedJob, RetryJobInput } from '../../operations';
import { requestClientAddress, requestIsHttps } from '../../platform/web';
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

type Refusal = { readonly ok: false; readonly code: 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND'; readonly message: string };

/** A service's expected refusal (a typed result, not an exception) as the tRPC error it names. */
function accepted<R extends { readonly ok: true } | Refusal>(result: R): Exclude<R, Refusal> {
  if (result.ok === false) throw new TRPCError({ code: result.code, message: result.message });
  return result as Exclude<R, Refusal>;
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
    const ip = event ? requestClientAddress(event) : 'in-process';
    const result = await login(rt, { ...input, ip, userAgent: event ? (getHeader(event, 'user-agent') ?? null) : null });
    if (!result.ok) throw new TRPCError({ code: result.code, message: result.message });
    if (event) {
      setCookie(event, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: requestIsHttps(event),
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
  list: backofficeProcedure
    .input(OpportunitiesInput.prefault({}))
    .query(async ({ ctx, input }) => listOpportunities(await ctx.runtime(), input)),
});

const auditRouter = router({
  list: backofficeProcedure.input(AuditFilters.prefault({})).query(async ({ ctx, input }) => {
    const entries = await listAudit(auditCollection(await ctx.runtime()), input);
    return entries.map(toAuditView);
  }),
});

const customersRouter = router({
  search: backofficeProcedure
    .input(CustomerSearchInput.prefault({}))
    .query(async ({ ctx, input }) => searchCustomers(await ctx.runtime(), input)),

  detail: backofficeProcedure.input(CustomerIdInput).query(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const customer = await customerDetail(rt, input.customerId);
    if (!customer) throw new TRPCError({ code: 'NOT_FOUND', message: `no customer with id ${input.customerId}` });
    return withOrders(rt, customer);
  }),

  addNote: backofficeProcedure.input(CustomerNoteInput).mutation(async ({ ctx, input }) => {
    const rt = await ctx.runtime();
    const customer = await addCustomerNote(rt, input, acting(agentOf(ctx.session)));
    if (!customer) throw new TRPCError({ code: 'NOT_FOUND', message: `no customer with id ${input.customerId}` });
    return withOrders(rt, customer);
  }),
});

const productsRouter = router({
  search: backofficeProcedure.input(ProductSearch.prefault({})).query(async ({ ctx, input }) => searchProducts(await ctx.runtime(), input)),

  detail: backofficeProcedure.input(ProductIdInput).query(async ({ ctx, input }) => {
    const product = await productAdminDetail(await ctx.runtime(), input.productId);
    if (!product) throw new TRPCError({ code: 'NOT_FOUND', message: `no product with id ${input.productId}` });
    return product;
  }),

  refreshNow: backofficeProcedure.input(ProductIdInput).mutation(async ({ ctx, input }) => {
    const result = await refreshNow(await ctx.runtime(), input.productId);
    if (!result) throw new TRPCError({ code: 'NOT_FOUND', message: `no product with id ${input.productId}` });
    return result;
  }),

  setOverride: backofficeProcedure
    .input(OverrideInput)
    .mutation(async ({ ctx, input }) => accepted(await overridePrice(await ctx.runtime(), input, acting(agentOf(ctx.session)))).product),

  clearOverride: backofficeProcedure
    .input(ClearOverrideInput)
    .mutation(async ({ ctx, input }) => accepted(await clearOverride(await ctx.runtime(), input, acting(agentOf(ctx.session)))).product),

  stopSelling: backofficeProcedure
    .input(SalesStopInput)
    .mutation(async ({ ctx, input }) => accepted(await stopSelling(await ctx.runtime(), input, acting(agentOf(ctx.session)))).product),

  resumeSelling: backofficeProcedure
    .input(ProductIdInput)
    .mutation(async ({ ctx, input }) => accepted(await resumeSelling(await ctx.runtime(), input, acting(agentOf(ctx.session)))).product),
});

const operationsRouter = router({
  overview: backofficeProcedure.query(async ({ ctx }) => operationsOverview(await ctx.runtime())),

  retryJob: backofficeProcedure
    .input(RetryJobInput)
    .mutation(async ({ ctx, input }) => accepted(await retryFailedJob(await ctx.runtime(), input, acting(agentOf(ctx.session))))),
});

const agentsRouter = router({
  list: backofficeProcedure.query(async ({ ctx }) => {
    const agents = await listAgents(agentCollection(await ctx.runtime()));
    return agents.map(toAgentView);
  }),

  create: backofficeProcedure.input(CreateAgentInput).mutation(async ({ ctx, input }) => {
    try {
      return await createAgentAsAdmin(await ctx.runtime(), input, acting(agentOf(ctx.session)));
    } catch (error) {
      if (error instanceof DuplicateAgentError) throw new TRPCError({ code: 'CONFLICT', message: `email: ${error.message}` });
      throw error;
    }
  }),

  setRole: backofficeProcedure
    .input(AgentRoleInput)
    .mutation(async ({ ctx, input }) => accepted(await setAgentRole(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  setDisabled: backofficeProcedure
    .input(AgentDisabledInput)
    .mutation(async ({ ctx, input }) => accepted(await setAgentDisabled(await ctx.runtime(), input, acting(agentOf(ctx.session))))),

  revokeSessions: backofficeProcedure.input(z.object({ agentId: Id })).mutation(async ({ ctx, input }) => {
    const admin = agentOf(ctx.session);
    return revokeAgentSessions(await ctx.runtime(), input.agentId, { id: admin.agentId, email: admin.email });
  }),
});

export const backofficeRouter = router({
  auth: authRouter,
  orders: ordersRouter,
  customers: customersRouter,
  products: productsRouter,
  operations: operationsRouter,
  audit: auditRouter,
  agents: agentsRouter,
  opportunities: opportunitiesRouter,
});
