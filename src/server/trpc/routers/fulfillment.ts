// Fulfillment in the back office: where buying in one market and selling in another pays.
import { listOpportunities, OpportunitiesInput } from '../../fulfillment';
import { backofficeProcedure, router } from '../trpc';

export const fulfillmentRouter = router({
  list: backofficeProcedure.input(OpportunitiesInput.prefault({})).query(({ ctx, input }) => listOpportunities(ctx.rt, input)),
});
