// The cart's HTML forms as the browser posts them without JavaScript: what they ask for. Pure.
import { MAX_QUANTITY } from './cart-limits';

export type CartFormRequest =
  | { readonly intent: 'add'; readonly productId: string; readonly quantity: number }
  | { readonly intent: 'update'; readonly quantities: ReadonlyMap<string, number> };

/** Quantity fields of the cart page are named `qty_<productId>`; a remove button sends `remove=<productId>`. */
export const QUANTITY_FIELD_PREFIX = 'qty_';

const quantityOf = (raw: string | undefined, fallback: number) => {
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) ? Math.max(0, Math.min(MAX_QUANTITY, n)) : fallback;
};

export function parseCartForm(form: Readonly<Record<string, string | undefined>>): CartFormRequest | null {
  if (form['intent'] === 'add' && form['productId'])
    return { intent: 'add', productId: form['productId'], quantity: Math.max(1, quantityOf(form['quantity'], 1)) };
  if (form['intent'] !== 'update') return null;
  const quantities = new Map<string, number>();
  for (const [name, value] of Object.entries(form)) {
    if (name.startsWith(QUANTITY_FIELD_PREFIX)) quantities.set(name.slice(QUANTITY_FIELD_PREFIX.length), quantityOf(value, 1));
  }
  if (form['remove']) quantities.set(form['remove'], 0);
  return { intent: 'update', quantities };
}
