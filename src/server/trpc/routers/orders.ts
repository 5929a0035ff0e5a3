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
  type OrderView,
} from '../../orders';
import { agentAction, backofficeProcedure, found, router } from '../trpc';

/** Every order action answers with the order as its page shows it. */
const orderOf = (done: { readonly order: OrderView }) => done.order;

export const ordersRouter = router({
  search: backofficeProcedure.input(OrderSearch.prefault({})).query(({ ctx, input }) => searchOrders(ctx.rt, input)),
  detail: backofficeProcedure
    .input(OrderIdInput)
    .query(async ({ ctx, input }) => found(await orderDetail(ctx.rt, input.orderId), `no order with id ${input.orderId}`)),
  refund: agentAction(RefundInput, refundOrder, orderOf),
  addNote: agentAction(OrderNoteInput, addOrderNote, orderOf),
  markPaid: agentAction(OrderActionInput, markPaid, orderOf),
  cancel: agentAction(OrderActionInput, cancelOrder, orderOf),
  retryPurchase: agentAction(OrderActionInput, retryPurchase, orderOf),
  editAddress: agentAction(AddressChangeInput, editShippingAddress, orderOf),
  resendConfirmation: agentAction(OrderActionInput, resendConfirmation, orderOf),
});
