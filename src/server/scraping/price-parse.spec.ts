import { describe, expect, it } from 'vitest';
import { centsToDecimal, normalizeCurrency, parseAmount, parsePrice } from './price-parse';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('parsePrice', () => {
  it.each([
    ['1.299,95 €', 129995],
    [`1.299,95${NBSP}€`, 129995],
    [`1${NNBSP}299,95${NNBSP}€`, 129995],
    [`1${NBSP}299,95${NBSP}€`, 129995],
    [`€${NBSP}1.299,95`, 129995],
    ['€ 1.299,95', 129995],
    ['12,- €', 1200],
    [`12,-${NBSP}€`, 1200],
    ['29,– €', 2900],
    ['1299,95 €', 129995],
    ['12.999,95 €', 1299995],
    ['EUR 1.299,95', 129995],
    [`EUR 1${NBSP}299,95`, 129995],
    ['€1,299.95', 129995],
    ['1,299.95 €', 129995],
    ['0,99 €', 99],
    ['19,9 €', 1990],
    ['1.299 €', 129900],
    ['Prezzo: 26,99 € IVA inclusa', 2699],
    ['2 x 299,00 €', 29900],
    ['1.299,95 €*', 129995],
  ])('reads %j as %i cents', (text, cents) => {
    expect(parsePrice(text)).toEqual({ ok: true, amountCents: cents, currency: 'EUR' });
  });

  it('names the currency the text shows', () => {
    expect(parsePrice('£24.99')).toMatchObject({ ok: true, amountCents: 2499, currency: 'GBP' });
    expect(parsePrice('CHF 1\'299.95')).toMatchObject({ ok: true, amountCents: 129995, currency: 'CHF' });
    expect(parsePrice('US$ 10')).toMatchObject({ ok: true, amountCents: 1000, currency: 'USD' });
    expect(parsePrice('199 zł')).toMatchObject({ ok: true, amountCents: 19900, currency: 'PLN' });
  });

  it.each([
    ['', 'empty'],
    ['Gratis', 'no_amount'],
    ['GRATUITA', 'no_amount'],
    ['20 %', 'not_a_price'],
    ['-15 %', 'not_a_price'],
    ['4,5 su 5 stelle', 'not_a_price'],
    ['41.229 voti', 'no_currency'],
    ['12/2024', 'not_a_price'],
    ['1.299.95 €', 'ambiguous'],
    ['Numero modello 8006363011440', 'no_currency'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(parsePrice(text)).toEqual({ ok: false, reason });
  });

  it('refuses a long paragraph that merely contains a price', () => {
    expect(parsePrice(`Spedizione gratuita per ordini superiori a 29,00 € su tutti i prodotti del catalogo, esclusi i grandi elettrodomestici.`)).toEqual({
      ok: false,
      reason: 'not_a_price',
    });
  });

  it('reads a bare number only when the caller allows it', () => {
    expect(parsePrice('1.299,95', { requireCurrency: false })).toEqual({ ok: true, amountCents: 129995, currency: 'EUR' });
    expect(parsePrice('1.299,95')).toEqual({ ok: false, reason: 'no_currency' });
  });
});

describe('parseAmount (structured data)', () => {
  it.each([
    ['1299.95', 129995],
    ['1299', 129900],
    ['19.9', 1990],
    [19.99, 1999],
    [0.1 + 0.2, 30],
    ['1.299,95', 129995],
  ])('reads %j as %i cents', (value, cents) => {
    expect(parseAmount(value)).toMatchObject({ ok: true, amountCents: cents });
  });

  it('refuses what is not an amount', () => {
    expect(parseAmount(undefined).ok).toBe(false);
    expect(parseAmount(-5).ok).toBe(false);
    expect(parseAmount('call us').ok).toBe(false);
  });
});

describe('centsToDecimal and normalizeCurrency', () => {
  it('prints cents as a decimal string', () => {
    expect(centsToDecimal(129995)).toBe('1299.95');
    expect(centsToDecimal(5)).toBe('0.05');
  });
  it('normalizes currency spellings', () => {
    expect(normalizeCurrency('eur')).toBe('EUR');
    expect(normalizeCurrency('€')).toBe('EUR');
    expect(normalizeCurrency(12)).toBeUndefined();
  });
});
