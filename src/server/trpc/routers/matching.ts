// Matching in the back office: the pairs waiting for an agent's word, the merges made, and the
// decisions (merge, reject, split).
import { confirmMatch, matchesToReview, MatchDecisionInput, rejectMatch, splitProduct, SplitInput } from '../../matching';
import { agentAction, backofficeProcedure, router } from '../trpc';

export const matchingRouter = router({
  list: backofficeProcedure.query(({ ctx }) => matchesToReview(ctx.rt)),
  merge: agentAction(MatchDecisionInput, confirmMatch, (done) => done.merge),
  reject: agentAction(MatchDecisionInput, rejectMatch, () => ({ rejected: true as const })),
  split: agentAction(SplitInput, splitProduct, (done) => done.merge),
});
