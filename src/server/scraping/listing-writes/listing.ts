// How a scraped listing becomes catalog writes: the product id (from the GTIN when it has a valid
// one, else the ASIN Amazon's European stores share, so that the same item found in several
// markets is one product; else from market, site and source id), the offer of its market, whether anything changed since the last scrape (an
// unchanged listing costs no write), the price-history point a price change appends, and the
// product document after the change, selling prices included (the margin rules are pricing's),
// and the market's own title and description (its page's text, which any translation yields to).
// Pure: no I/O; listing.store.ts runs the plans.
import { slugify } from '../../../common/slug';
import { createHash } from 'node:crypto';
import type { Offer, Product, ProductText } from '../../catalog';
import { productIdentities, productSearchTokens, nextUpdatedAt, categoryIdOf } from '../../catalog';
import { MARKETS, type MarketCode } from '../../../common/markets';
import { priceChangeTime, computeSellPrices, type MarginRules } from '../../pricing';
import type { PricePoint } from '../../pricing';
import { gtinKey } from '../extraction/gtin';
import type { Listing } from '../extraction/listing.schema';

const hash = (text: string, chars = 24) => createHash('sha256').update(text).digest('hex').slice(0, chars);

/** The listing's identity within its market and site: the shop's id, else its canonical URL. */
export function sourceIdOf(listing: Listing): string {
  return listing.sourceId ?? listing.url;
}

/** Amazon's European stores give an item one ASIN in all of them. */
const AMAZON_EU_STORE = /^amazon\.(?:it|fr|de|es|co\.uk|nl|se|pl|com\.be)$/;
const ASIN = /^[A-Z0-9]{10}$/;

/**
 * The ids the listing's product may go by, most trusted first: its GTIN's, its ASIN's (on an
 * Amazon European store), its brand and part number's (the page's field, else the title's code),
 * then its own shop's. A new product takes the first; an existing one
 * keeps the id it was stored under (a product first seen without a GTIN is not moved when one
 * appears), so the writer looks them all up (listing.store.ts).
 */
export function identityIds(listing: Listing & { market: MarketCode }): string[] {
  const ids: string[] = [];
  if (listing.gtin) ids.push(`gtin-${gtinKey(listing.gtin)}`);
  if (listing.sourceId && AMAZON_EU_STORE.test(listing.site) && ASIN.test(listing.sourceId))
    ids.push(`asin-${listing.sourceId.toLowerCase()}`);
  const maker = makerPartKey(listing.brand, listing.mpn ?? partNumberInTitle(listing.title, listing.brand));
  if (maker) ids.push(`mpn-${hash(maker)}`);
  ids.push(`src-${listing.market}-${hash(`${listing.site}\n${sourceIdOf(listing)}`)}`);
  return ids;
}

/** Characters, punctuation left out, below which a part number names a family of items, not one ("S23", "X5"). */
const MIN_PART_NUMBER = 4;

/** A brand or part number as every shop writes it alike: case, accents, spaces and punctuation dropped ("HD9867/90" = "hd 9867-90"). */
function partSpelling(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Brand and part number, each as partSpelling writes it. Null without both, or for a part number too short to name one item. */
export function makerPartKey(brand: string | null, mpn: string | null | undefined): string | null {
  if (!brand || !mpn) return null;
  const [maker, part] = [partSpelling(brand), partSpelling(mpn)];
  return maker && part.length >= MIN_PART_NUMBER && /\d/.test(part) ? `${maker}|${part}` : null;
}

/** A quantity with its unit ("500ml", "1.5L", "128GB", "2x"): many items share one, none is named by it. */
const QUANTITY = /^\d+(?:[.,]\d+)?(?:x|ml|cl|dl|l|mg|g|kg|gb|tb|mb|mah|ah|wh|kwh|w|kw|v|mm|cm|m|in|pcs|pz|pk|stk|st|tlg)$/i;

/**
 * The maker's part number as a title shows it, when the page gives none in its own field: the one
 * code of letters and digits in the title ("WH-1000XM4", "HD9867/90", "VA-2301"), which shops keep
 * when they translate or reword a title, so two shops' pages of one item share it. None when the
 * title holds no such code or several (a code and a compatible model, a bundle): a guess there
 * could join two items. Quantities, words and codes too short to name one item do not count
 * (makerPartKey decides what is long enough).
 */
export function partNumberInTitle(title: string, brand: string | null): string | null {
  const brandWords = new Set((brand ?? '').toLowerCase().split(/\s+/));
  const codes = (title.match(/[\p{L}\d]+(?:[-/.][\p{L}\d]+)*/gu) ?? []).filter(
    (code) =>
      /\p{L}/u.test(code) &&
      /\d.*\d/.test(code) &&
      // A word inside ("12-V-Anschluss") makes it a description, not a code.
      !/\p{L}{6}/u.test(code) &&
      !QUANTITY.test(code) &&
      !brandWords.has(code.toLowerCase()),
  );
  const distinct = [...new Set(codes.map(partSpelling).filter((code) => code.length >= MIN_PART_NUMBER))];
  return distinct.length === 1 ? codes.find((code) => partSpelling(code) === distinct[0])! : null;
}

/** Identities that name one item each: a product known by one of a kind is no other item of that kind. */
const EXCLUSIVE_KINDS = ['gtin-', 'asin-'] as const;

/** Stored products by the ids they answer to: `known` gives a product's ids, `owners` an id's products. */
export interface StoredIdentities {
  readonly known: ReadonlyMap<string, readonly string[]>;
  readonly owners: ReadonlyMap<string, readonly string[]>;
}

/** Indexes stored products (their id and the ids they answer to) for matchStored. */
export function storedIdentitiesOf(products: readonly { _id: string; ids: readonly string[] }[]): StoredIdentities {
  const known = new Map(products.map((p) => [p._id, p.ids]));
  const owners = new Map<string, string[]>();
  for (const p of products) for (const id of p.ids) owners.set(id, [...(owners.get(id) ?? []), p._id]);
  return { known, owners };
}

/**
 * The stored product a listing with these ids belongs to: the product answering to its most
 * trusted id, unless they contradict (the listing shows a GTIN or an ASIN, the product answers
 * to another one of that kind: two items that share a part number or a shop id). Undefined: a
 * new product.
 */
export function matchStored(ids: readonly string[], stored: StoredIdentities): string | undefined {
  const contradicts = (known: readonly string[]) =>
    EXCLUSIVE_KINDS.some((kind) => {
      const mine = ids.filter((id) => id.startsWith(kind));
      const theirs = known.filter((id) => id.startsWith(kind));
      return mine.length > 0 && theirs.length > 0 && !mine.some((id) => theirs.includes(id));
    });
  for (const id of ids) {
    // The product stored under the id first, then any product answering to it.
    const candidates = [...(stored.known.has(id) ? [id] : []), ...(stored.owners.get(id) ?? [])];
    const owner = candidates.find((candidate) => !contradicts(stored.known.get(candidate) ?? [candidate]));
    if (owner) return owner;
  }
  return undefined;
}

/** The id a new product of this listing takes. */
export function productIdFor(listing: Listing & { market: MarketCode }): string {
  return identityIds(listing)[0]!;
}

/** The title's slug (one rule with the simulator's, src/common/slug); the id's when the title has no letter or digit. */
export function slugFor(title: string, productId: string): string {
  return slugify(title) || productId.replace(/[^a-z0-9]+/g, '-');
}

/** A shop's description can run to pages; this much is what a product page shows (and what a translation costs). */
export const MAX_DESCRIPTION_CHARS = 2_000;

export type SkipReason = 'no_market' | 'no_price' | 'currency' | 'bad_url';

/** What the store knows of a product before the write: whether it exists, its offer and its text here. */
export interface ExistingProduct {
  readonly offer: Offer | undefined;
  readonly text: ProductText | undefined;
}

export type ListingPlan =
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'unchanged'; readonly productId: string }
  | {
      readonly kind: 'insert' | 'update';
      readonly productId: string;
      readonly market: MarketCode;
      readonly offer: Offer;
      /** The market's text as its page shows it now. */
      readonly text: ProductText;
      /** Every id the listing may go by (identityIds): the product answers to them from now on. */
      readonly identities: readonly string[];
      /** Fields of a product document created by this write (ignored when it exists already). */
      readonly onInsert: Omit<Product, '_id' | 'offers' | 'sellPrices' | 'texts' | 'searchTokens' | 'updatedAt'>;
      readonly pricePoint: PricePoint | undefined;
    };

function sameOffer(a: Offer, b: Offer): boolean {
  return (
    a.site === b.site &&
    a.sourceId === b.sourceId &&
    a.url === b.url &&
    a.price.amountCents === b.price.amountCents &&
    a.price.currency === b.price.currency &&
    (a.shipping?.amountCents ?? null) === (b.shipping?.amountCents ?? null) &&
    a.availability === b.availability &&
    a.seller === b.seller
  );
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^/]/i.test(url);
}

/**
 * `productId` is the product the store matched the listing to (listing.store.ts): by default
 * the id a new product of it takes.
 */
export function planListing(listing: Listing, existing: ExistingProduct | undefined, now: Date, productId?: string): ListingPlan {
  const market = listing.market;
  if (!market) return { kind: 'skip', reason: 'no_market' };
  if (!isHttpUrl(listing.url)) return { kind: 'skip', reason: 'bad_url' };
  productId ??= productIdFor({ ...listing, market });
  const previous = existing?.offer;

  let offer: Offer;
  if (listing.priceCents === null) {
    // Amazon shows no price while nobody sells the item: keep the last known price and record
    // the availability; a product never seen with a price is not one we can sell.
    if (!previous) return { kind: 'skip', reason: 'no_price' };
    offer = { ...previous, availability: listing.availability, lastScrapedAt: now };
  } else {
    if (listing.currency !== 'EUR') return { kind: 'skip', reason: 'currency' };
    offer = {
      site: listing.site,
      sourceId: sourceIdOf(listing),
      url: listing.url,
      price: { amountCents: listing.priceCents, currency: 'EUR' },
      shipping: listing.shippingCents === null ? null : { amountCents: listing.shippingCents, currency: 'EUR' },
      availability: listing.availability,
      seller: listing.seller,
      lastScrapedAt: now,
      lastRefreshedAt: previous?.lastRefreshedAt ?? null,
    };
  }
  // A page read again as it was keeps its text's date; a translation gives way to the page.
  const stored = existing?.text;
  const description = listing.description?.slice(0, MAX_DESCRIPTION_CHARS).trimEnd() ?? null;
  const text: ProductText =
    stored?.origin === 'page' && stored.title === listing.title && stored.description === description
      ? stored
      : { title: listing.title, description, language: MARKETS[market].language, origin: 'page', at: now };
  if (previous && sameOffer(previous, offer) && text === stored) return { kind: 'unchanged', productId };

  const priceMoved =
    !previous ||
    previous.price.amountCents !== offer.price.amountCents ||
    (previous.shipping?.amountCents ?? null) !== (offer.shipping?.amountCents ?? null);
  // The point's id and time name the change (from which observation, to which price), so a job
  // retried after a partial write writes the same document, refused as a duplicate on the shard
  // that holds it. A first point has no observation before it: the first sighting's time.
  const pricePoint: PricePoint | undefined = priceMoved
    ? {
        _id: `ph-${hash(`${productId}\n${market}\n${previous?.lastScrapedAt.toISOString() ?? 'first'}\n${offer.price.amountCents}\n${offer.shipping?.amountCents ?? '-'}`)}`,
        productId,
        market,
        price: offer.price,
        shipping: offer.shipping,
        at: previous ? priceChangeTime(previous) : now,
      }
    : undefined;
  return {
    kind: previous ? 'update' : 'insert',
    productId,
    market,
    offer,
    text,
    identities: identityIds({ ...listing, market }),
    onInsert: {
      slug: slugFor(listing.title, productId),
      gtin: listing.gtin,
      title: listing.title,
      brand: listing.brand,
      category: categoryIdOf(listing.category),
      images: listing.imageUrl && isHttpUrl(listing.imageUrl) ? [listing.imageUrl] : [],
      attributes: {},
      createdAt: now,
    },
    pricePoint,
  };
}

/** A plan that writes: a new offer, or a changed one. */
export type ChangePlan = Extract<ListingPlan, { kind: 'insert' | 'update' }>;

/**
 * The product as it is after a batch's changes to it: the changed offers and texts merged into
 * the stored document (or a new document named by the first listing that found it), the selling
 * prices recomputed from all its offers by the same rule the refresher applies after a refresh,
 * and the search words from all its texts.
 */
export function productAfter(before: Product | undefined, changes: readonly ChangePlan[], rules: MarginRules, now: Date): Product {
  const first = changes[0];
  if (!first) throw new RangeError('productAfter needs at least one change');
  const offers: Product['offers'] = { ...before?.offers };
  const texts: NonNullable<Product['texts']> = { ...before?.texts };
  for (const change of changes) {
    offers[change.market] = change.offer;
    texts[change.market] = change.text;
  }
  const base = before ?? { _id: first.productId, ...first.onInsert };
  // The photos stay those of the listing that named the product; one found without a photo takes the first photo a later listing brings.
  const images = base.images.length > 0 ? base.images : (changes.find((c) => c.onInsert.images.length > 0)?.onInsert.images ?? []);
  return {
    ...base,
    images,
    offers,
    texts,
    searchTokens: productSearchTokens({ ...base, texts }),
    identities: [...new Set([...productIdentities(base), ...changes.flatMap((c) => c.identities)])],
    sellPrices: computeSellPrices(offers, rules, now),
    updatedAt: nextUpdatedAt(before?.updatedAt, now),
  };
}
