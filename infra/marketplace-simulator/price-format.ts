// How the simulated shops print prices: the formats that real Italian, French, German and
// Spanish shops use, written by hand rather than with Intl so that the output does not change
// with Node's ICU version. Amounts arrive in integer cents; nothing here does float arithmetic.
import type { MarketCode } from '../../src/common/markets';

const NBSP = '\u00A0';
/** French typography groups thousands with a narrow no-break space (CLDR fr, Amazon.fr). */
const NNBSP = '\u202F';

interface StyleRule {
  readonly group: string;
  /** Spanish leaves four-digit amounts ungrouped (1299,95) and groups from five (12.999,95). */
  readonly minGroupDigits: 4 | 5;
  readonly layout: 'suffix' | 'prefix' | 'code' | 'dash';
}

const STYLE_RULES = {
  /** `1.299,95 €`: Italy, Germany, Spain. */
  'dot-suffix': { group: '.', minGroupDigits: 4, layout: 'suffix' },
  /** `1 299,95 €` with U+202F: France. */
  'nnbsp-suffix': { group: NNBSP, minGroupDigits: 4, layout: 'suffix' },
  /** `1 299,95 €` with U+00A0, as French shops that type `&nbsp;` print it. */
  'nbsp-suffix': { group: NBSP, minGroupDigits: 4, layout: 'suffix' },
  /** `€ 1.299,95`: many Italian shops. */
  'euro-prefix': { group: '.', minGroupDigits: 4, layout: 'prefix' },
  /** `12,- €` for whole euros, German shop style; other amounts print as `12,95 €`. */
  dash: { group: '.', minGroupDigits: 4, layout: 'dash' },
  /** `1299,95 €` but `12.999,95 €`: Spanish (RAE) grouping. */
  'es-min2': { group: '.', minGroupDigits: 5, layout: 'suffix' },
  /** `EUR 1.299,95`: the older Amazon layout. */
  'eur-code': { group: '.', minGroupDigits: 4, layout: 'code' },
  /** `EUR 1 299,95`: the older Amazon.fr layout. */
  'eur-code-fr': { group: NBSP, minGroupDigits: 4, layout: 'code' },
} as const satisfies Record<string, StyleRule>;

export type PriceStyle = keyof typeof STYLE_RULES;

/** The formats a market's shop pages choose from, one per product. */
export const SHOP_PRICE_STYLES: Readonly<Record<MarketCode, readonly PriceStyle[]>> = {
  it: ['dot-suffix', 'euro-prefix'],
  fr: ['nnbsp-suffix', 'nbsp-suffix'],
  de: ['dot-suffix', 'dash'],
  es: ['es-min2', 'dot-suffix'],
};

/** What the Amazon-like layout prints in each market. */
export const AMAZON_PRICE_STYLE: Readonly<Record<MarketCode, PriceStyle>> = {
  it: 'dot-suffix',
  fr: 'nnbsp-suffix',
  de: 'dot-suffix',
  es: 'dot-suffix',
};

export const LEGACY_AMAZON_PRICE_STYLE: Readonly<Record<MarketCode, PriceStyle>> = {
  it: 'eur-code',
  fr: 'eur-code-fr',
  de: 'eur-code',
  es: 'eur-code',
};

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`a price is a non-negative integer of cents, got ${cents}`);
}

function groupEuros(euros: number, rule: StyleRule): string {
  const digits = String(euros);
  if (digits.length < rule.minGroupDigits) return digits;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, rule.group);
}

/** The parts Amazon renders in separate spans: whole euros (grouped), decimal mark, cents. */
export interface PriceParts {
  readonly whole: string;
  readonly decimalMark: ',';
  readonly fraction: string;
  readonly symbol: '€';
}

export function priceParts(cents: number, style: PriceStyle): PriceParts {
  assertCents(cents);
  return {
    whole: groupEuros(Math.floor(cents / 100), STYLE_RULES[style]),
    decimalMark: ',',
    fraction: String(cents % 100).padStart(2, '0'),
    symbol: '€',
  };
}

export function formatPrice(cents: number, style: PriceStyle): string {
  const rule: StyleRule = STYLE_RULES[style];
  const { whole, fraction } = priceParts(cents, style);
  switch (rule.layout) {
    case 'suffix':
      return `${whole},${fraction}${NBSP}€`;
    case 'prefix':
      return `€${NBSP}${whole},${fraction}`;
    case 'code':
      return `EUR ${whole},${fraction}`;
    case 'dash':
      return fraction === '00' ? `${whole},-${NBSP}€` : `${whole},${fraction}${NBSP}€`;
  }
}

/** `1299.95`: the machine-readable amount schema.org and OpenGraph expect. */
export function decimalAmount(cents: number): string {
  assertCents(cents);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
