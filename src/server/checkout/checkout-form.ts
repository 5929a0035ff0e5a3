// The checkout's HTML form as the browser posts it (strings) and the one field the page
// composes: the price confirmation. Free of zod, so the page's browser bundle shares it.
/** The form's fields, in the order the page shows them (and names their errors). */
export const CHECKOUT_FIELDS = [
  'email',
  'name',
  'phone',
  'line1',
  'line2',
  'postalCode',
  'city',
  'paymentMethod',
  'acceptedPrices',
  'idempotencyKey',
] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

/**
 * The HTML form's fields as the browser posts them: strings. The price confirmation is one
 * checkbox whose value lists the prices it confirms, `productId:cents` separated by commas.
 */
export function checkoutInputFromForm(market: string, form: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const acceptedPrices: Record<string, number> = {};
  for (const pair of (form['acceptedPrices'] ?? '').split(',')) {
    const [productId, cents] = pair.split(':');
    if (productId && cents && /^\d+$/.test(cents)) acceptedPrices[productId] = Number(cents);
  }
  return {
    market,
    idempotencyKey: form['idempotencyKey'] ?? '',
    email: form['email'] ?? '',
    name: form['name'] ?? '',
    phone: form['phone'] ?? '',
    line1: form['line1'] ?? '',
    line2: form['line2'] ?? '',
    postalCode: form['postalCode'] ?? '',
    city: form['city'] ?? '',
    paymentMethod: form['paymentMethod'] ?? '',
    acceptedPrices,
  };
}

export function encodeAcceptedPrices(lines: readonly { productId: string; unitCents: number }[]): string {
  return lines.map((l) => `${l.productId}:${l.unitCents}`).join(',');
}
