// Every table of words a shopper reads has every entry in every market's language, none left
// empty: walked whole (nested tables too), functions called with sample values, so a key added
// to one language and forgotten, or filled with nothing, fails here rather than on a page.
import { describe, expect, it } from 'vitest';
import { CART_TEXTS } from '../cart/cart-texts';
import { PRODUCT_PAGE_TEXTS } from '../product-page/product-page-texts';
import { MARKET_CODES } from '../../common/markets';
import { SHOP_TEXTS } from './shop-texts';

const TABLES = { SHOP_TEXTS, CART_TEXTS, PRODUCT_PAGE_TEXTS } as const;

/** Each entry's path and what it shows: functions called with sample values of each kind they take. */
function entries(value: unknown, path: string): [string, unknown][] {
  if (typeof value === 'function')
    return [[path, (value as (...args: unknown[]) => unknown)(...Array.from({ length: value.length }, (_, i) => (i === 0 ? 3 : `x${i}`)))]];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => entries(inner, `${path}.${key}`));
  return [[path, value]];
}

describe.each(Object.entries(TABLES))('%s', (_name, table) => {
  const reference = entries(table.it, '').map(([path]) => path);

  it.each(MARKET_CODES)('has every entry in %s, each a non-empty text', (language) => {
    const found = entries(table[language], '');
    expect(found.map(([path]) => path)).toEqual(reference);
    for (const [path, text] of found) {
      expect(typeof text, `${language}${path}`).toBe('string');
      expect((text as string).trim(), `${language}${path}`).not.toBe('');
      expect(text, `${language}${path}`).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('speaks each market’s own language, not a copy of another’s', () => {
    const whole = (language: (typeof MARKET_CODES)[number]) => JSON.stringify(entries(table[language], ''));
    expect(new Set(MARKET_CODES.map(whole)).size).toBe(MARKET_CODES.length);
  });
});
