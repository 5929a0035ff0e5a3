import { z } from 'zod';
import { MarketCode } from '../../common/markets';
import { Id } from '../../common/ids';

export const Customer = z.object({
  _id: Id,
  /** Lowercased; the natural key a returning shopper is found by. */
  email: z.email(),
  name: z.string().min(1),
  phone: z.string().nullable(),
  market: MarketCode,
  notes: z.array(z.object({ at: z.date(), agentId: Id, text: z.string().min(1) })),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Customer = z.infer<typeof Customer>;
