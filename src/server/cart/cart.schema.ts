// The shopper's cart as stored in Redis: one JSON value per (cart cookie, market).
import { z } from 'zod';
import { Id } from '../../common/ids';
import { MarketCode } from '../../common/markets';
import { Money } from '../../common/money';
import { MAX_LINES, MAX_QUANTITY } from './cart-limits';

export const Quantity = z.number().int().min(1).max(MAX_QUANTITY);

export const CartLine = z.object({
  productId: Id,
  quantity: Quantity,
  /** The unit price the shopper saw when adding: checkout compares the current price with it. */
  unitPrice: Money,
  addedAt: z.iso.datetime(),
});
export type CartLine = z.infer<typeof CartLine>;

/** The order the cart last became, so the confirmation page shows it to this browser only. */
export const PlacedOrder = z.object({ orderId: Id, customerId: Id, number: z.string().min(1) });
export type PlacedOrder = z.infer<typeof PlacedOrder>;

export const Cart = z.object({
  market: MarketCode,
  lines: z.array(CartLine).max(MAX_LINES),
  lastOrder: PlacedOrder.nullable(),
  updatedAt: z.iso.datetime(),
});
export type Cart = z.infer<typeof Cart>;

/** The cookie's value: random, unguessable, and the only thing that names a cart. */
export const CartId = z.string().regex(/^[0-9a-z]{26}$/, 'expected a cart id of 26 lowercase letters or digits');

/** What the cart's procedures are asked: the cart of one market (the cookie names whose). */
export const CartInput = z.object({ market: MarketCode });
export const AddToCartInput = z.object({ market: MarketCode, productId: Id, quantity: Quantity.default(1) });
export const SetQuantityInput = z.object({ market: MarketCode, productId: Id, quantity: z.number().int().min(0).max(MAX_QUANTITY) });
