// Reading prices as shops print them, into integer cents and an ISO currency code. Pure: no I/O.
// European shops write `1.299,95 €`, `1 299,95 €` (U+202F or U+00A0 between the groups, French
// typography), `€ 1.299,95`, `12,- €`, `EUR 1.299,95`; English-language shops write `€1,299.95`;
// French shops also `12€99` and `1 299€95` (the symbol as the decimal mark); Swiss shops
// `CHF 1'299.–`; Indian ones `₹1,29,999`. A mark followed by exactly three digits groups
// thousands (`1.299 €`, `$1,299`): no shop prices to a tenth of a cent. A range (`€12.99 –
// €24.99`) reads as its first, lowest amount: the "from" price the page advertises.
// Anything that is not clearly an amount (a percentage, a rating, a date, `Gratis`) is refused
// rather than guessed: a wrong price costs money, a missing one only a retry.

/** Symbols several currencies share: the shop's own country decides, else the first. */
const SHARED_SYMBOLS: ReadonlyArray<readonly string[]> = [
  ['USD', 'CAD', 'AUD', 'MXN', 'NZD', 'SGD', 'HKD', 'ARS', 'CLP', 'COP'],
  ['SEK', 'NOK', 'DKK', 'ISK'],
  ['JPY', 'CNY'],
];

/** The currency of the country a shop's domain names (`.co.uk` → GBP, `.se` → SEK); undefined for `.com` and the like. */
export function localCurrencyOf(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const tld = /\.(?:com?\.)?([a-z]{2})$/.exec(host)?.[1];
  return tld ? TLD_CURRENCY[tld] : undefined;
}

const TLD_CURRENCY: Readonly<Record<string, string>> = {
  it: 'EUR',
  fr: 'EUR',
  de: 'EUR',
  es: 'EUR',
  nl: 'EUR',
  be: 'EUR',
  at: 'EUR',
  ie: 'EUR',
  pt: 'EUR',
  fi: 'EUR',
  gr: 'EUR',
  lu: 'EUR',
  sk: 'EUR',
  si: 'EUR',
  uk: 'GBP',
  ch: 'CHF',
  pl: 'PLN',
  se: 'SEK',
  dk: 'DKK',
  no: 'NOK',
  cz: 'CZK',
  hu: 'HUF',
  ro: 'RON',
  bg: 'BGN',
  tr: 'TRY',
  us: 'USD',
  ca: 'CAD',
  au: 'AUD',
  nz: 'NZD',
  mx: 'MXN',
  br: 'BRL',
  jp: 'JPY',
  cn: 'CNY',
  in: 'INR',
  sg: 'SGD',
  hk: 'HKD',
  kr: 'KRW',
  ae: 'AED',
  sa: 'SAR',
  za: 'ZAR',
  il: 'ILS',
  id: 'IDR',
  th: 'THB',
  ph: 'PHP',
  my: 'MYR',
  vn: 'VND',
  tw: 'TWD',
  ar: 'ARS',
  cl: 'CLP',
  co: 'COP',
  ua: 'UAH',
  ru: 'RUB',
};

/** Spaces shops put between digit groups or between the amount and its symbol. */
const SPACES = /[\s\u00A0\u202F\u2007\u2009\u200A]+/g;

/** Symbols and codes, longest first so that `US$` wins over `$` and `CHF` over nothing. */
const CURRENCY_TOKENS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['S$', 'SGD'],
  ['HK$', 'HKD'],
  ['NZ$', 'NZD'],
  ['MX$', 'MXN'],
  ['C$', 'CAD'],
  ['CA$', 'CAD'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['R$', 'BRL'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['kr.', 'DKK'],
  ['kr', 'SEK'],
  ['Fr.', 'CHF'],
  ['€', 'EUR'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['円', 'JPY'],
  ['TL', 'TRY'],
  ['Rs.', 'INR'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₩', 'KRW'],
  ['Ft', 'HUF'],
  ['lei', 'RON'],
  ['Rp', 'IDR'],
  ['₪', 'ILS'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['RMB', 'CNY'],
  ['RM', 'MYR'],
  ['₫', 'VND'],
  ['₴', 'UAH'],
];
const ISO_CODES = new Set([
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'PLN',
  'SEK',
  'DKK',
  'NOK',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'JPY',
  'CNY',
  'INR',
  'CAD',
  'AUD',
  'BRL',
  'MXN',
  'TRY',
  'RUB',
  'KRW',
  'NZD',
  'SGD',
  'HKD',
  'ZAR',
  'AED',
  'SAR',
  'ILS',
  'UAH',
  'IDR',
  'THB',
  'PHP',
  'MYR',
  'VND',
  'TWD',
  'ARS',
  'CLP',
  'COP',
  'ISK',
]);

export type PriceRefusal = 'empty' | 'no_amount' | 'no_currency' | 'ambiguous' | 'not_a_price' | 'out_of_range';

export interface ParsedPrice {
  readonly ok: true;
  readonly amountCents: number;
  /** ISO 4217; the caller's default when the text names none and `requireCurrency` is false. */
  readonly currency: string;
}
export interface RefusedPrice {
  readonly ok: false;
  readonly reason: PriceRefusal;
}
export type PriceParseResult = ParsedPrice | RefusedPrice;

export interface PriceParseOptions {
  /**
   * Refuse a bare number: visible text must name a currency to count as a price, or every
   * quantity and model number on a page would be one. Structured data (schema.org `price`,
   * OpenGraph `amount`) carries the currency beside it, so callers turn this off there.
   * @defaultValue true
   */
  readonly requireCurrency?: boolean;
  /** Currency assumed when the text names none. @defaultValue 'EUR' */
  readonly defaultCurrency?: string;
  /** The shop's country's currency (see `localCurrencyOf`): what `$`, `kr` or `¥` mean there. */
  readonly localCurrency?: string;
}

/** Anything above this is a data error (a GTIN read as a price), not a product we can resell. */
const MAX_CENTS = 100_000_000_00;

// One amount: digit groups with one kind of grouping mark, then optionally a decimal mark and
// one or two digits, or the German/Austrian `,-` / `,–` for whole euros.
const AMOUNT = /(?<![\d.,])(\d{1,3}(?:([.,' ])\d{3})(?:\2\d{3})*|\d+)(?:([.,])(\d{1,2}|[-–]{1,2})(?!\d))?(?!\d)(?![.,]\d)/gu;

/** Parses the first price in `text`; see the file comment for what is accepted. */
export function parsePrice(text: string | null | undefined, options: PriceParseOptions = {}): PriceParseResult {
  const requireCurrency = options.requireCurrency ?? true;
  if (!text) return { ok: false, reason: 'empty' };
  const normalized = text
    .replace(SPACES, ' ')
    // Typographic apostrophes group thousands in Switzerland like the plain one.
    .replace(/(?<=\d)[’ʼ](?=\d{3})/g, "'")
    // Indian lakh grouping, `1,29,999`: the groups carry no meaning for the amount.
    .replace(/\b\d{1,2}(?:,\d{2})+,\d{3}\b/g, (m) => m.replace(/,/g, ''))
    // `12€99`, `1 299€95`: the symbol, right between the digits, stands for the decimal mark;
    // not after an amount that has its decimals already (`73,99€` then text run on by broken markup).
    .replace(/(?<![.,]\d?)(\d)€(\d{2})(?!\d)/g, '$1,$2 €')
    .trim();
  if (normalized === '') return { ok: false, reason: 'empty' };
  // A price sits within a short phrase; a paragraph with a number in it is not a price.
  if (normalized.length > 80) return { ok: false, reason: 'not_a_price' };

  // The first amount that reads as a price wins: in `2 x 299,00 €` the `2` is a quantity.
  let refusal: PriceRefusal = 'no_amount';
  for (const match of normalized.matchAll(AMOUNT)) {
    const before = normalized.slice(0, match.index);
    const after = normalized.slice(match.index + match[0].length);
    // `20 %`, `4,5 su 5`, `12/2024`, `-15 %`, `2 x`: quantities that look like amounts.
    if (/^\s?(%|\/|x\b|×|von\b|su\b|sur\b|de\b|of\b)/iu.test(after) || /[-−/]\s?$/u.test(before)) {
      refusal = 'not_a_price';
      continue;
    }
    const currency = resolveShared(currencyNear(before, after, options.localCurrency), options.localCurrency);
    if (!currency && requireCurrency) {
      refusal = refusal === 'no_amount' ? 'no_currency' : refusal;
      continue;
    }
    const cents = amountCents(match[1]!, match[2], match[3], match[4]);
    if (cents === undefined) return { ok: false, reason: 'ambiguous' };
    if (cents > MAX_CENTS) return { ok: false, reason: 'out_of_range' };
    return { ok: true, amountCents: cents, currency: currency ?? options.defaultCurrency ?? 'EUR' };
  }
  return { ok: false, reason: refusal };
}

/**
 * `whole` holds the digits with any grouping mark `group`; `mark` and `tail` the decimal part.
 * A lone `.` or `,` followed by exactly three digits is a grouping mark (`1.299 €`, `$1,299`):
 * shops do not print prices to a tenth of a cent.
 */
function amountCents(whole: string, group: string | undefined, mark: string | undefined, tail: string | undefined): number | undefined {
  if (group && mark && group === mark) return undefined; // `1.299.95`: cannot tell which is which
  const euros = Number(group ? whole.split(group).join('') : whole);
  if (!Number.isSafeInteger(euros)) return undefined;
  if (!mark || tail === undefined) return euros * 100;
  if (/^[-–]+$/u.test(tail)) return euros * 100;
  const fraction = tail.length === 1 ? Number(tail) * 10 : Number(tail);
  return euros * 100 + fraction;
}

function resolveShared(currency: string | undefined, local: string | undefined): string | undefined {
  if (!currency || !local) return currency;
  return SHARED_SYMBOLS.some((group) => group[0] === currency && group.includes(local)) ? local : currency;
}

/** Letters that name a currency on their shop's own pages only: a bare `R` in South Africa. */
const LOCAL_LETTERS: Readonly<Record<string, RegExp>> = { ZAR: /(?:^|[^\p{L}])R$/u };

function currencyNear(before: string, after: string, local: string | undefined): string | undefined {
  const head = after.trimStart();
  const tail = before.trimEnd();
  // An ISO code beside the amount says more than a symbol on its other side: `$1,299.00 MXN`.
  const codeAfter = /^([A-Z]{3})\b/.exec(head)?.[1];
  if (codeAfter && ISO_CODES.has(codeAfter)) return codeAfter;
  const codeBefore = /\b([A-Z]{3})$/.exec(tail)?.[1];
  if (codeBefore && ISO_CODES.has(codeBefore)) return codeBefore;
  for (const [token, code] of CURRENCY_TOKENS) {
    if (head.startsWith(token) || tail.endsWith(token)) return code;
  }
  return local !== undefined && LOCAL_LETTERS[local]?.test(tail) ? local : undefined;
}

/**
 * A machine-readable amount as schema.org and OpenGraph carry it: `1299.95`, `1299`, `19.9`, or
 * a number. Shops that paste their display price there (`1.299,95`) are read as display text.
 */
export function parseAmount(value: unknown, currency = 'EUR'): PriceParseResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { ok: false, reason: 'not_a_price' };
    // Rounded through the decimal string, so 19.99 * 100 = 1998.9999 never becomes 1998.
    return parseAmount(value.toFixed(2), currency);
  }
  if (typeof value !== 'string') return { ok: false, reason: 'empty' };
  const text = value.trim();
  // `1.299` in a machine field is a display price pasted there (1299), not 1.299 of anything;
  // `1299.950` or `29.9900` (Magento) are decimals, as a thousands group never follows 4 digits.
  const plain = /^(\d+)(?:\.(\d{1,2})\d*)?$/.exec(/^\d{1,3}\.\d{3}$/.test(text) ? text.replace('.', '') : text);
  if (plain) {
    const cents = Number(plain[1]) * 100 + (plain[2] ? Number(plain[2].padEnd(2, '0')) : 0);
    if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false, reason: 'out_of_range' };
    return { ok: true, amountCents: cents, currency };
  }
  return parsePrice(text, { requireCurrency: false, defaultCurrency: currency });
}

/** `129995` → `"1299.95"`: the decimal string the extraction command prints. */
export function centsToDecimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Normalizes a currency as structured data writes it (`eur`, `€`, `EUR`) to an ISO code. */
export function normalizeCurrency(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^[A-Za-z]{3}$/.test(text)) return text.toUpperCase();
  return CURRENCY_TOKENS.find(([token]) => token === text)?.[1];
}
