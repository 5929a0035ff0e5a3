// The simulated catalogs: product `index` of a market, computed in O(1) from (seed, market,
// index) so that a million products per market are served without being held in memory.
// Pure: no I/O, no clock. How prices and stock move over time is offer-drift.ts's business.
//
// Cross-market identity: a share of each market's products are "world products" sold in two
// or more markets under the same GTIN at different prices. Each market lays its catalog out
// in slots (a seeded permutation of its indices); slot s < sharedSlots holds world product s
// in the markets that sell it, so finding a product's siblings in other markets is O(1) too.
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { slugify } from '../../src/common/slug';
import { gtin13 } from './gtin';
import { AMAZON_PRICE_STYLE, LEGACY_AMAZON_PRICE_STYLE, SHOP_PRICE_STYLES, type PriceStyle } from './price-format';
import { hashKey, mix32, SeededRandom, unmix32 } from './seeded-random';
import { SHOP_TEXTS } from './shop-texts';
import { BRANDS, CATEGORIES, COLOURS, DESCRIPTIONS, GS1_PREFIXES, SELLERS, type Category, type Colour } from './word-lists';

/** Source ids and GTIN serials stay unique and index arithmetic stays below 2^53 up to here. */
export const MAX_PRODUCTS_PER_MARKET = 10_000_000;

export const TEMPLATE_KINDS = ['amazon', 'amazon-legacy', 'json-ld', 'microdata'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** How the JSON-LD template states the offer: one Offer, an AggregateOffer, new + used, or variants. */
export const JSON_LD_SHAPES = ['offer', 'aggregate', 'offers', 'variants'] as const;
export type JsonLdShape = (typeof JSON_LD_SHAPES)[number];

/** How a shop rounds its prices: 19,99 · 19,95 · 19,49 · 19,00. */
export type PriceEnding = 'x99' | 'x95' | 'x9' | 'x00';

export type StockProfile = 'steady' | 'volatile' | 'discontinued';

export interface CatalogShape {
  readonly seed: number;
  readonly productsPerMarket: number;
  /** Share of each market's products also sold in at least one other market, 0 to 1. */
  readonly crossMarketShare: number;
  /** How many pages show each identifier, 0 to 1. @defaultValue every page shows both */
  readonly identifiers?: IdentifierShares;
}

/**
 * Shares of product pages showing the GTIN, and the maker's model (in the title, the specs and
 * the structured data). Real shops show fewer than every page: 17 of 60 real EU pages showed a
 * GTIN. A page that shows neither is matched across markets by its words alone (src/server/matching).
 */
export interface IdentifierShares {
  readonly gtin: number;
  readonly model: number;
}

export interface Variant {
  readonly sku: string;
  readonly colour: Colour;
  /** Price difference from the product's own price, in basis points (−1500 = 15 % cheaper). */
  readonly priceDeltaBasisPoints: number;
}

/** How the product's page is marked up; fixed per product so that a page never changes layout. */
export interface Markup {
  readonly template: TemplateKind;
  readonly priceStyle: PriceStyle;
  readonly vatNote: boolean;
  readonly jsonLdShape: JsonLdShape;
  /** Wrap the JSON-LD in an `@graph` with a BreadcrumbList, as WordPress and Shopify themes do. */
  readonly jsonLdGraph: boolean;
  /** `"price": 19.99` rather than `"price": "19.99"`; shops emit both. */
  readonly jsonLdNumericPrice: boolean;
  /** `product:price:amount` (Facebook's spelling) or the older `og:price:amount`. */
  readonly openGraphPrefix: 'product' | 'og';
  readonly variants: readonly Variant[];
  /** For AggregateOffer: how many sellers, and the highest price in basis points of ours. */
  readonly offerCount: number;
  readonly highPriceBasisPoints: number;
  /** For the new + used shape: the used offer's price in basis points of ours. */
  readonly usedPriceBasisPoints: number;
}

export interface SimProduct {
  readonly market: MarketCode;
  /** Position in the market's catalog: sitemap and listing order. */
  readonly index: number;
  /** ASIN-like: `B0` and 8 characters of [0-9A-Z]. */
  readonly sourceId: string;
  /** The world product this is an offer of, or null when only this market sells it. */
  readonly worldId: number | null;
  /** Every market that sells this product, this one included. */
  readonly markets: readonly MarketCode[];
  /** The item's GTIN, whether its page shows it or not (the control API's truth). */
  readonly gtin: string;
  readonly brand: string;
  readonly model: string;
  /** What the page shows of them: null where it leaves one out (IdentifierShares). */
  readonly pageGtin: string | null;
  readonly pageModel: string | null;
  readonly category: Category;
  readonly colour: Colour;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly bullets: readonly string[];
  /** Site-relative paths; the server makes them absolute. */
  readonly imagePaths: readonly string[];
  readonly seller: string;
  /** Before drift and overrides. */
  readonly basePriceCents: number;
  readonly listPriceCents: number | null;
  readonly priceEnding: PriceEnding;
  readonly shippingCents: number;
  readonly stockProfile: StockProfile;
  /** Its price changes every `driftPeriods` drift intervals, shifted by `driftPhase` of one period. */
  readonly driftPeriods: number;
  readonly driftPhase: number;
  readonly markup: Markup;
}

/** Rounds a price the way the product's shop does; never below one ending step. */
export function snapPrice(cents: number, ending: PriceEnding): number {
  const euros = Math.max(1, Math.floor(cents / 100));
  switch (ending) {
    case 'x99':
      return euros * 100 - 1 + 100 * Number(cents % 100 >= 50);
    case 'x95':
      return euros * 100 - 5 + 100 * Number(cents % 100 >= 50);
    case 'x9':
      return Math.max(9, Math.round(cents / 10) * 10 - 1);
    case 'x00':
      return Math.max(100, Math.round(cents / 100) * 100);
  }
}

export function canonicalPath(product: SimProduct): string {
  return product.markup.template === 'amazon' || product.markup.template === 'amazon-legacy'
    ? `/dp/${product.sourceId}`
    : `/p/${product.slug}-${product.sourceId}`;
}

// Brands and product types come from a fixed vocabulary: slugify each once, not once per product
// (Unicode normalisation is the costliest step of generating a product).
const vocabularySlugs = new Map<string, string>();
function vocabularySlug(text: string): string {
  let slug = vocabularySlugs.get(text);
  if (slug === undefined) {
    slug = slugify(text);
    vocabularySlugs.set(text, slug);
  }
  return slug;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function modInverse(a: number, modulus: number): number {
  let [oldR, r] = [a, modulus];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

/** index → slot as (a·index + b) mod n; a near n/φ spreads the shared slots evenly over the indices. */
interface Permutation {
  readonly a: number;
  readonly b: number;
  readonly aInverse: number;
}

const TWO_POW_32 = 0x1_0000_0000;
/** 36^8 / 2^32 ≈ 656 tags fit in the 8 characters: market and a seed-dependent salt. */
const SALTS = 164;
const GTIN_SCRAMBLE = 7_368_787;
const TEMPLATE_WEIGHTS: readonly (readonly [TemplateKind, number])[] = [
  ['amazon', 0.4],
  ['amazon-legacy', 0.15],
  ['json-ld', 0.25],
  ['microdata', 0.2],
];

function weighted<T>(random: SeededRandom, options: readonly (readonly [T, number])[]): T {
  let roll = random.next();
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = options[options.length - 1];
  if (!last) throw new Error('no options');
  return last[0];
}

export class Catalog {
  readonly size: number;
  /** Slots [0, sharedSlots) hold world products in the markets that sell them. */
  readonly sharedSlots: number;
  /** Probability that a given market sells a given world product. */
  private readonly presence: number;
  private readonly permutations: Readonly<Record<MarketCode, Permutation>>;
  private readonly idKeys: Readonly<Record<MarketCode, number>>;
  private readonly salt: number;
  private readonly gtinOffset: number;

  constructor(readonly shape: CatalogShape) {
    const { seed, productsPerMarket: n, crossMarketShare: share } = shape;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PRODUCTS_PER_MARKET) {
      throw new Error(`productsPerMarket must be an integer from 1 to ${MAX_PRODUCTS_PER_MARKET}, got ${n}`);
    }
    if (!(share >= 0 && share <= 1)) throw new Error(`crossMarketShare must be from 0 to 1, got ${share}`);
    this.size = n;
    // A world product is sold in 2, 3 or 4 markets, 3 on average (presence 0.75); above a 75 %
    // share, more of them are sold everywhere so that the slots still suffice.
    this.presence = Math.max(0.75, share);
    this.sharedSlots = Math.min(n, Math.round((n * share) / this.presence));
    this.permutations = Object.fromEntries(MARKET_CODES.map((m) => [m, this.permutation(m)])) as Record<MarketCode, Permutation>;
    this.idKeys = Object.fromEntries(MARKET_CODES.map((m) => [m, hashKey(seed, 'source-id', m)])) as Record<MarketCode, number>;
    this.salt = hashKey(seed, 'salt') % SALTS;
    this.gtinOffset = hashKey(seed, 'gtin') % 1_000_000_000;
  }

  private permutation(market: MarketCode): Permutation {
    const n = this.size;
    const jitter = hashKey(this.shape.seed, 'permutation', market) % Math.max(1, Math.floor(n / 50));
    let a = (Math.floor(n * 0.6180339887) + jitter) % n || 1;
    while (gcd(a, n) !== 1) a = (a + 1) % n || 1;
    return { a, b: hashKey(this.shape.seed, 'offset', market) % n, aInverse: modInverse(a, n) };
  }

  slotOf(market: MarketCode, index: number): number {
    const { a, b } = this.permutations[market];
    return (a * index + b) % this.size;
  }

  indexOfSlot(market: MarketCode, slot: number): number {
    const { b, aInverse } = this.permutations[market];
    return (aInverse * ((slot - b + this.size) % this.size)) % this.size;
  }

  /** How many markets sell world product `worldId` (2 to 4), and the first of them in MARKET_CODES order. */
  private presenceOf(worldId: number): { readonly count: number; readonly start: number } {
    const random = new SeededRandom(hashKey(this.shape.seed, 'presence', worldId));
    // P(2) = P(3) = p, P(4) = 1 − 2p gives a mean of 4 − 3p markets = 4 × presence.
    const p = (4 - 4 * this.presence) / 3;
    const roll = random.next();
    return { count: roll < p ? 2 : roll < 2 * p ? 3 : 4, start: random.int(0, 3) };
  }

  /** The markets selling world product `worldId`: 2 to 4 consecutive ones from a seeded start. */
  marketsOfWorldProduct(worldId: number): readonly MarketCode[] {
    const { count, start } = this.presenceOf(worldId);
    return Array.from({ length: count }, (_, i) => MARKET_CODES[(start + i) % 4] as MarketCode);
  }

  /** The world product at this index, or null when only this market sells it. */
  worldIdOf(market: MarketCode, index: number): number | null {
    const slot = this.slotOf(market, index);
    if (slot >= this.sharedSlots) return null;
    const { count, start } = this.presenceOf(slot);
    return (MARKET_CODES.indexOf(market) - start + 4) % 4 < count ? slot : null;
  }

  /** Where the same product sits in each market that sells it. */
  siblings(market: MarketCode, index: number): Partial<Record<MarketCode, number>> {
    const worldId = this.worldIdOf(market, index);
    if (worldId === null) return { [market]: index };
    return Object.fromEntries(this.marketsOfWorldProduct(worldId).map((m) => [m, this.indexOfSlot(m, worldId)]));
  }

  sourceIdOf(market: MarketCode, index: number): string {
    const tag = MARKET_CODES.indexOf(market) + 4 * this.salt;
    const scrambled = mix32((index ^ this.idKeys[market]) >>> 0);
    return `B0${(tag * TWO_POW_32 + scrambled).toString(36).toUpperCase().padStart(8, '0')}`;
  }

  /** The index a source id stands for in this market, or null if it names no product here. */
  indexOfSourceId(market: MarketCode, sourceId: string): number | null {
    if (!/^B0[0-9A-Z]{8}$/.test(sourceId)) return null;
    const value = parseInt(sourceId.slice(2), 36);
    const tag = Math.floor(value / TWO_POW_32);
    if (tag !== MARKET_CODES.indexOf(market) + 4 * this.salt) return null;
    const index = (unmix32(value - tag * TWO_POW_32) ^ this.idKeys[market]) >>> 0;
    return index < this.size ? index : null;
  }

  /** The key world-level traits (name, brand, GTIN, category) are drawn from. */
  private traitsKey(market: MarketCode, index: number): { readonly key: number; readonly worldId: number | null; readonly unique: number } {
    const worldId = this.worldIdOf(market, index);
    if (worldId !== null) return { key: hashKey(this.shape.seed, 'world', worldId), worldId, unique: worldId };
    const slot = this.slotOf(market, index);
    return {
      key: hashKey(this.shape.seed, 'local', market, slot),
      worldId: null,
      unique: this.size + MARKET_CODES.indexOf(market) * this.size + slot,
    };
  }

  /** The category alone: cheap enough to scan a million products for the listing pages. */
  categoryIndexOf(market: MarketCode, index: number): number {
    return new SeededRandom(this.traitsKey(market, index).key).int(0, CATEGORIES.length - 1);
  }

  product(market: MarketCode, index: number): SimProduct {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new Error(`no product ${index} in ${market}`);
    const { key, worldId, unique } = this.traitsKey(market, index);
    const world = new SeededRandom(key);
    // Draw order is part of the catalog: categoryIndexOf relies on the category coming first.
    const category = CATEGORIES[world.int(0, CATEGORIES.length - 1)] as Category;
    const type = world.pick(category.types);
    const [f1, f2, f3] = world.sample(category.features, 3) as [
      Category['features'][number],
      Category['features'][number],
      Category['features'][number],
    ];
    const colour = world.pick(COLOURS);
    const brand = world.pick(BRANDS);
    const model = `${brand.slice(0, 1).toUpperCase()}${String.fromCharCode(65 + world.int(0, 25))}-${world.int(100, 9999)}`;
    const titlePattern = world.int(0, 2);
    const descriptionPattern = world.int(0, DESCRIPTIONS[market].length - 1);
    const gtinPrefix = world.pick(GS1_PREFIXES);
    const worldPriceCents = Math.round(
      Math.exp(Math.log(category.minPriceCents) + world.next() * (Math.log(category.maxPriceCents) - Math.log(category.minPriceCents))),
    );
    const imageCount = world.int(1, 4);

    const local = new SeededRandom(hashKey(this.shape.seed, 'offer', market, index));
    const sourceId = this.sourceIdOf(market, index);
    const typeText = type[market];
    const [feature1, feature2, feature3] = [f1[market], f2[market], f3[market]];
    const colourText = colour.name[market];
    // Drawn apart from the other traits, so the shares change nothing else of the catalog.
    const shows = new SeededRandom(hashKey(this.shape.seed, 'identifiers', market, index));
    const shares = this.shape.identifiers ?? { gtin: 1, model: 1 };
    const showsGtin = shows.chance(shares.gtin);
    const showsModel = shows.chance(shares.model);
    const gtin = gtin13(gtinPrefix, (unique * GTIN_SCRAMBLE + this.gtinOffset) % 1_000_000_000);
    const fullTitle =
      titlePattern === 0
        ? `${brand} ${typeText} ${model}, ${feature1}, ${feature2}, ${colourText}`
        : titlePattern === 1
          ? `${typeText} ${brand} ${model} ${feature1} - ${colourText}`
          : `${brand} ${model} - ${typeText} ${feature1}, ${feature2}`;
    const title = showsModel ? fullTitle : fullTitle.replace(` ${model}`, '');
    const description = (DESCRIPTIONS[market][descriptionPattern] as string)
      .replace('{brand}', brand)
      .replace('{type}', typeText)
      .replace('{f1}', feature1)
      .replace('{f2}', feature2);
    const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

    const priceEnding = weighted<PriceEnding>(local, [
      ['x99', 0.5],
      ['x95', 0.15],
      ['x9', 0.15],
      ['x00', 0.2],
    ]);
    // The same product costs 15 % less to 20 % more from one market to the next: the margin.
    const basePriceCents = snapPrice(Math.round((worldPriceCents * local.int(8_500, 12_000)) / 10_000), priceEnding);
    const listPriceCents = local.chance(0.35) ? snapPrice(Math.round((basePriceCents * local.int(11_000, 16_000)) / 10_000), 'x00') : null;
    const shippingCents = basePriceCents >= 3_900 || local.chance(0.3) ? 0 : local.pick([299, 349, 399, 499, 599]);
    const stockProfile = weighted<StockProfile>(local, [
      ['steady', 0.7],
      ['volatile', 0.25],
      ['discontinued', 0.05],
    ]);
    const seller = local.chance(0.4) ? SHOP_TEXTS[market].shopName : local.pick(SELLERS[market]);
    const template = weighted(local, TEMPLATE_WEIGHTS);
    const jsonLdShape = weighted<JsonLdShape>(local, [
      ['offer', 0.55],
      ['aggregate', 0.15],
      ['offers', 0.15],
      ['variants', 0.15],
    ]);
    const otherColours = COLOURS.filter((c) => c !== colour);
    const variants: Variant[] =
      jsonLdShape === 'variants'
        ? local
            .sample(otherColours, 2)
            .map((c, i) => ({ sku: `${sourceId}-${i + 2}`, colour: c, priceDeltaBasisPoints: local.int(-1_500, 1_500) }))
        : [];
    const priceStyle =
      template === 'amazon'
        ? AMAZON_PRICE_STYLE[market]
        : template === 'amazon-legacy'
          ? LEGACY_AMAZON_PRICE_STYLE[market]
          : local.pick(SHOP_PRICE_STYLES[market]);

    return {
      market,
      index,
      sourceId,
      worldId,
      markets: worldId === null ? [market] : this.marketsOfWorldProduct(worldId),
      gtin,
      brand,
      model,
      pageGtin: showsGtin ? gtin : null,
      pageModel: showsModel ? model : null,
      category,
      colour,
      title,
      slug: `${vocabularySlug(brand)}-${vocabularySlug(typeText)}-${model.toLowerCase()}`,
      description,
      bullets: [capitalise(feature1), capitalise(feature2), capitalise(feature3), SHOP_TEXTS[market].colourLine(colourText)],
      imagePaths: Array.from({ length: imageCount }, (_, i) => `/images/${sourceId}/${i + 1}.jpg`),
      seller,
      basePriceCents,
      listPriceCents: listPriceCents !== null && listPriceCents > basePriceCents ? listPriceCents : null,
      priceEnding,
      shippingCents,
      stockProfile,
      driftPeriods: local.int(1, 4),
      driftPhase: local.next(),
      markup: {
        template,
        priceStyle,
        vatNote: local.chance(0.6),
        jsonLdShape,
        jsonLdGraph: local.chance(0.4),
        jsonLdNumericPrice: local.chance(0.5),
        openGraphPrefix: local.chance(0.7) ? 'product' : 'og',
        variants,
        offerCount: local.int(2, 6),
        highPriceBasisPoints: local.int(10_500, 14_000),
        usedPriceBasisPoints: local.int(6_000, 9_000),
      },
    };
  }

  productBySourceId(market: MarketCode, sourceId: string): SimProduct | null {
    const index = this.indexOfSourceId(market, sourceId);
    return index === null ? null : this.product(market, index);
  }
}
