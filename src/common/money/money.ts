// Money is an integer number of cents with its currency; floats never hold prices.
import { z } from 'zod';
import { Currency } from '../markets';

export const Cents = z.number().int().safe();

export const Money = z.object({
  amountCents: Cents,
  currency: Currency,
});
export type Money = z.infer<typeof Money>;

export function eur(amountCents: number): Money {
  return Money.parse({ amountCents, currency: 'EUR' });
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  }
  return { amountCents: a.amountCents + b.amountCents, currency: a.currency };
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats for display only; storage and arithmetic stay in cents. One formatter per locale and
 * currency for the process: building one costs more than formatting every price of a page.
 */
export function formatMoney(money: Money, locale: string): string {
  const key = `${locale}|${money.currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    formatters.set(key, formatter);
  }
  return formatter.format(money.amountCents / 100);
}

/** "€12.34", "-€0.50": the back office's one way of showing cents, in its pages and its messages. */
export function formatEuroCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}€${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
