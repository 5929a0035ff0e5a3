// An order's money, free of I/O: a line's total is its unit price times its quantity, and the
// order's total is the sum of its lines, exactly, in integer cents. Refunds never change it.
import type { Money } from '../../common/money';
import type { OrderLine } from './order.schema';

export function lineTotal(unitPrice: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity) || quantity < 1) throw new RangeError(`quantity must be a whole number ≥ 1, got ${quantity}`);
  const amountCents = unitPrice.amountCents * quantity;
  if (!Number.isSafeInteger(amountCents))
    throw new RangeError(`a line of ${quantity} × ${unitPrice.amountCents} cents is beyond exact arithmetic`);
  return { amountCents, currency: unitPrice.currency };
}

export function orderTotal(lines: readonly Pick<OrderLine, 'total'>[]): Money {
  const [first] = lines;
  if (!first) throw new RangeError('an order has at least one line');
  let amountCents = 0;
  for (const line of lines) {
    if (line.total.currency !== first.total.currency)
      throw new Error(`lines in ${first.total.currency} and ${line.total.currency} cannot make one total`);
    amountCents += line.total.amountCents;
  }
  return { amountCents, currency: first.total.currency };
}
