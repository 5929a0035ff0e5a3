import { z } from 'zod';
import { MarketCode } from '../../common/markets';
import { Id } from '../../common/ids';

export const Customer = z.object({
  _id: Id,
  /** Lowercased; the natural key a returning shopper is found by. */
  email: z.email(),
  name: z.string().min(1),
  /** E.164 (`+393337654321`): what searches match. */
  phone: z.string().nullable(),
  /** As the shopper typed it (`+39 333 765 4321`), for display; absent on customers from before it was kept. */
  phoneAsTyped: z.string().nullable().optional(),
  market: MarketCode,
  notes: z.array(z.object({ at: z.date(), agentId: Id, text: z.string().min(1) })),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Customer = z.infer<typeof Customer>;
