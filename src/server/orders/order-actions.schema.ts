// What the back office sends to act on an order, validated once here: the tRPC router takes
// these as its inputs, the services their inferred types.
import { z } from 'zod';
import { Id } from '../../common/ids';
import { AddressInput } from './address';

const reason = z.string().trim().min(3, 'reason: say why, in a few words').max(500);

export const OrderIdInput = z.object({ orderId: Id });
export type OrderIdInput = z.infer<typeof OrderIdInput>;

/** An action on an order that changes its course (mark paid, cancel, retry the purchase): always with its reason. */
export const OrderActionInput = z.object({ orderId: Id, reason });
export type OrderActionInput = z.infer<typeof OrderActionInput>;

export const AddressChangeInput = OrderActionInput.extend({ address: AddressInput });
export type AddressChangeInput = z.infer<typeof AddressChangeInput>;

export const RefundInput = z.object({ orderId: Id, amountCents: z.number().int().positive(), reason });
export type RefundInput = z.infer<typeof RefundInput>;

export const OrderNoteInput = z.object({ orderId: Id, text: z.string().trim().min(1).max(2000) });
export type OrderNoteInput = z.infer<typeof OrderNoteInput>;
