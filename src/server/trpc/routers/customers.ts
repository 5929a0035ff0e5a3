// Customers in the back office: the search, a customer's page with their orders, and notes.
import { addCustomerNote, customerDetail, CustomerIdInput, CustomerNoteInput, CustomerSearchInput, searchCustomers } from '../../customers';
import { withOrders } from '../../orders';
import { backofficeProcedure, found, router } from '../trpc';

const noCustomer = (id: string) => `no customer with id ${id}`;

export const customersRouter = router({
  search: backofficeProcedure.input(CustomerSearchInput.prefault({})).query(({ ctx, input }) => searchCustomers(ctx.rt, input)),
  detail: backofficeProcedure
    .input(CustomerIdInput)
    .query(async ({ ctx, input }) =>
      withOrders(ctx.rt, found(await customerDetail(ctx.rt, input.customerId), noCustomer(input.customerId))),
    ),
  addNote: backofficeProcedure
    .input(CustomerNoteInput)
    .mutation(async ({ ctx, input }) =>
      withOrders(ctx.rt, found(await addCustomerNote(ctx.rt, input, ctx.agent), noCustomer(input.customerId))),
    ),
});
