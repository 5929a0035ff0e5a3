// Which title and description a market shows, which markets still need a translation, and the
// search words of everything shown. A market shows its own text (its page's, or a translation
// made once); until it has one, the original it is translated from, marked with its language so
// the page can say so (`lang`) rather than pass German off as Italian. Pure: no I/O.
import { nextUpdatedAt } from './product-version';
import { MARKET_CODES, MARKETS, type MarketCode } from '../../common/markets';
import type { Product, ProductText, TextLanguage } from './product.schema';
import { searchTokens } from './search-tokens';
import { sellingPrice } from './selling';

type Texts = Pick<Product, 'title' | 'texts' | 'sellPrices'>;

export interface ShownText {
  readonly title: string;
  readonly description: string | null;
  /** The text's language when it is not the market's (the element's `lang`); null when it is, or unknown. */
  readonly lang: TextLanguage | null;
}

/**
 * What a market without a text of its own is translated from: a page, not a translation (no
 * translation of a translation), preferably the page of the market the product is bought from
 * for this one, else the first in market order. Undefined when no page text is stored.
 */
export function originalText(product: Texts, market: MarketCode): ProductText | undefined {
  const pages = MARKET_CODES.flatMap((m) => {
    const text = product.texts?.[m];
    return text?.origin === 'page' ? [[m, text] as const] : [];
  });
  const source = product.sellPrices[market]?.sourceMarket;
  return (pages.find(([m]) => m === source) ?? pages[0])?.[1];
}

export function textFor(product: Texts, market: MarketCode): ShownText {
  const language = MARKETS[market].language;
  const text = product.texts?.[market] ?? originalText(product, market);
  // A product stored before texts were kept per market: its title, language unknown.
  if (!text) return { title: product.title, description: null, lang: null };
  return { title: text.title, description: text.description, lang: text.language === language ? null : text.language };
}

/**
 * The markets where the product is for sale without a text of its own but with an original to
 * translate: what the translation jobs are for.
 */
export function marketsToTranslate(product: Texts & Pick<Product, 'priceOverrides' | 'salesStop'>, now = new Date()): MarketCode[] {
  return MARKET_CODES.filter(
    (m) => !product.texts?.[m] && sellingPrice(product, m, now) !== null && originalText(product, m) !== undefined,
  );
}

/** The search words of the brand with every title some market shows, the first-scraped one included. */
export function productSearchTokens(product: Pick<Product, 'title' | 'brand' | 'texts'>): string[] {
  const titles = [product.title, ...MARKET_CODES.flatMap((m) => product.texts?.[m]?.title ?? [])];
  return [...new Set(titles.flatMap((title) => searchTokens(title, product.brand)))];
}

/** The product with a market's text set, its search words following; `updatedAt` moves past the copy's. */
export function withText(product: Product, market: MarketCode, text: ProductText, now: Date): Product {
  const texts = { ...product.texts, [market]: text };
  return { ...product, texts, searchTokens: productSearchTokens({ ...product, texts }), updatedAt: nextUpdatedAt(product.updatedAt, now) };
}
