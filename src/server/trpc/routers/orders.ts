// Orders in the back office: the search, one order's page, and the actions an agent takes on it.
import {
  addOrderNote,
  AddressChangeInput,
  cancelOrder,
  editShippingAddress,
  markPaid,
  OrderActionInput,
  orderDetail,
  OrderIdInput,
  OrderNoteInput,
  OrderSearch,
  refundOrder,
  RefundInput,
  resendConfirmation,
  retryPurchase,
  searchOrders,
} from '../../orders';
import { accepted, backofficeProcedure, found, router } from '../trpc';

export const ordersRouter = router({
  search: backofficeProcedure.input(OrderSearch.prefault({})).query(({ ctx, input }) => searchOrders(ctx.rt, input)),
  detail: backofficeProcedure
    .input(OrderIdInput)
    .query(async ({ ctx, input }) => found(await orderDetail(ctx.rt, input.orderId), `no order with id ${input.orderId}`)),
  refund: backofficeProcedure
    .input(RefundInput)
    .mutation(async ({ ctx, input }) => accepted(await refundOrder(ctx.rt, input, ctx.agent)).order),
  addNote: backofficeProcedure
    .input(OrderNoteInput)
    .mutation(async ({ ctx, input }) => accepted(await addOrderNote(ctx.rt, input, ctx.agent)).order),
  markPaid: backofficeProcedure
    .input(OrderActionInput)
    .mutation(async ({ ctx, input }) => accepted(await markPaid(ctx.rt, input, ctx.agent)).order),
  cancel: backofficeProcedure
    .input(OrderActionInput)
    .mutation(async ({ ctx, input }) => accepted(await cancelOrder(ctx.rt, input, ctx.agent)).order),
  retryPurchase: backofficeProcedure
    .input(OrderActionInput)
    .mutation(async ({ ctx, input }) => accepted(await retryPurchase(ctx.rt, input, ctx.agent)).order),
  editAddress: backofficeProcedure
    .input(AddressChangeInput)
    .mutation(async ({ ctx, input }) => accepted(await editShippingAddress(ctx.rt, input, ctx.agent)).order),
  resendConfirmation: backofficeProcedure
    .input(OrderActionInput)
    .mutation(async ({ ctx, input }) => accepted(await resendConfirmation(ctx.rt, input, ctx.agent)).order),
});
