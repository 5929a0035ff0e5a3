import { describe, expect, it } from 'vitest';
import { centsToDecimal, localCurrencyOf, normalizeCurrency, parseAmount, parsePrice } from './price-parse';

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
    expect(parsePrice("CHF 1'299.95")).toMatchObject({ ok: true, amountCents: 129995, currency: 'CHF' });
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
    expect(
      parsePrice(`Spedizione gratuita per ordini superiori a 29,00 € su tutti i prodotti del catalogo, esclusi i grandi elettrodomestici.`),
    ).toEqual({
      ok: false,
      reason: 'not_a_price',
    });
  });

  it('reads the forms of shops elsewhere: the symbol as decimal mark, lakh groups, Swiss apostrophes, yen without decimals', () => {
    expect(parsePrice('12€99')).toMatchObject({ ok: true, amountCents: 1299, currency: 'EUR' });
    expect(parsePrice(`1${NBSP}299€95`)).toMatchObject({ ok: true, amountCents: 129995, currency: 'EUR' });
    expect(parsePrice('1.299€95')).toMatchObject({ ok: true, amountCents: 129995, currency: 'EUR' });
    // an amount with its decimals, then digits of whatever follows (markup left unclosed)
    expect(parsePrice('73,99€99 recensioni')).toMatchObject({ ok: true, amountCents: 7399, currency: 'EUR' });
    expect(parsePrice('73,99 € 99')).toMatchObject({ ok: true, amountCents: 7399, currency: 'EUR' });
    expect(parsePrice('₹1,29,999.00')).toMatchObject({ ok: true, amountCents: 12999900, currency: 'INR' });
    expect(parsePrice('CHF 1’299.95')).toMatchObject({ ok: true, amountCents: 129995, currency: 'CHF' });
    expect(parsePrice('￥2,480')).toMatchObject({ ok: true, amountCents: 248000, currency: 'JPY' });
    expect(parsePrice('$12.99 – $24.99')).toMatchObject({ ok: true, amountCents: 1299, currency: 'USD' });
    expect(parsePrice('1 299 kr')).toMatchObject({ ok: true, amountCents: 129900, currency: 'SEK' });
  });

  it('reads currencies of shops further away, and an ISO code beside the amount over a shared symbol', () => {
    const read = (text: string) => {
      const price = parsePrice(text);
      return price.ok ? [price.amountCents, price.currency] : price.reason;
    };
    expect(read('$1,299.00 MXN')).toEqual([129900, 'MXN']);
    expect(read('Rp 1.299.000')).toEqual([129900000, 'IDR']);
    expect(read('₪1,299.90')).toEqual([129990, 'ILS']);
    expect(read('฿1,299')).toEqual([129900, 'THB']);
    expect(read('RM 1,299.00')).toEqual([129900, 'MYR']);
    expect(read('1,299.00 RMB')).toEqual([129900, 'CNY']);
    expect(localCurrencyOf('https://www.takealot.co.za/p/1')).toBe('ZAR');
  });

  it('reads a shared symbol as the currency of the shop’s country', () => {
    expect(parsePrice('$1,299', { localCurrency: localCurrencyOf('https://www.amazon.ca/dp/B0') })).toMatchObject({
      amountCents: 129900,
      currency: 'CAD',
    });
    expect(parsePrice('349 kr', { localCurrency: localCurrencyOf('https://www.elgiganten.dk/x') })).toMatchObject({ currency: 'DKK' });
    expect(parsePrice('$5', { localCurrency: localCurrencyOf('https://www.amazon.co.uk/x') })).toMatchObject({ currency: 'USD' });
    // A bare R is the rand on a South African shop, and no currency anywhere else.
    const za = { localCurrency: localCurrencyOf('https://www.takealot.co.za/p/1') };
    expect(parsePrice('R 1 299,00', za)).toEqual({ ok: true, amountCents: 129900, currency: 'ZAR' });
    expect(parsePrice('R1,299.95', za)).toEqual({ ok: true, amountCents: 129995, currency: 'ZAR' });
    expect(parsePrice('R 1 299,00')).toEqual({ ok: false, reason: 'no_currency' });
    expect(parsePrice('FOR 12', za)).toEqual({ ok: false, reason: 'no_currency' });
    expect(localCurrencyOf('https://www.amazon.com.au/x')).toBe('AUD');
    expect(localCurrencyOf('https://shop.example.com/x')).toBeUndefined();
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
    ['1,299.95', 129995],
    // a display price pasted into a machine field, and Magento's four decimals
    ['1.299', 129900],
    ['29.9900', 2999],
    ['1299.950', 129995],
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
