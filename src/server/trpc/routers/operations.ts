// Operations in the back office: what the machinery is doing, and the retry of a failed job.
import { operationsOverview, retryFailedJob, RetryJobInput } from '../../operations';
import { agentAction, backofficeProcedure, router } from '../trpc';

export const operationsRouter = router({
  overview: backofficeProcedure.query(({ ctx }) => operationsOverview(ctx.rt)),
  retryJob: agentAction(RetryJobInput, retryFailedJob, (done) => done),
});
