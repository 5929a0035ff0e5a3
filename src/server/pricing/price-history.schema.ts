import { z } from 'zod';
import { MarketCode } from '../../common/markets';
import { Money } from '../../common/money';
import { Id } from '../../common/ids';

/** One observed change of a source offer's price; appended only when the price moves. */
export const PricePoint = z.object({
  _id: Id,
  productId: Id,
  market: MarketCode,
  price: Money,
  shipping: Money.nullable(),
  at: z.date(),
});
export type PricePoint = z.infer<typeof PricePoint>;
