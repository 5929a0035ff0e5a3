// Combining what each source on a page says about a product into one listing. Sources are tried
// in order of trust (structured data before the visible page); for each field the first one that
// has it wins, the others that say the same are recorded beside it and raise the confidence,
// those that say otherwise lower it. Pure: no I/O.
import type { Availability } from '../../catalog';
import type { MarketCode } from '../../../common/markets';
import { fold } from './availability';
import type { FieldSource, Listing, ListingField, ListingVariant } from './listing.schema';

/** What one source says; every field optional. */
export interface Candidate {
  title?: string;
  description?: string;
  brand?: string;
  gtin?: string;
  mpn?: string;
  sourceId?: string;
  url?: string;
  priceCents?: number;
  listPriceCents?: number;
  currency?: string;
  availability?: Availability;
  shippingCents?: number;
  imageUrl?: string;
  category?: string;
  seller?: string;
  variants?: ListingVariant[];
}

export type SourcedCandidate = readonly [FieldSource, Candidate];

const FIELD_KEYS: Readonly<Record<ListingField, keyof Candidate>> = {
  title: 'title',
  description: 'description',
  brand: 'brand',
  gtin: 'gtin',
  mpn: 'mpn',
  sourceId: 'sourceId',
  url: 'url',
  price: 'priceCents',
  listPrice: 'listPriceCents',
  currency: 'currency',
  availability: 'availability',
  shipping: 'shippingCents',
  imageUrl: 'imageUrl',
  category: 'category',
  seller: 'seller',
};

/** How far one source alone is trusted for a field. */
const SOURCE_TRUST: Readonly<Record<FieldSource, number>> = {
  'json-ld': 0.9,
  microdata: 0.85,
  amazon: 0.9,
  opengraph: 0.75,
  text: 0.5,
};

/** What the confidence is made of; price matters most, since a wrong price loses money. */
const FIELD_WEIGHTS: Partial<Record<ListingField, number>> = {
  price: 0.4,
  title: 0.2,
  availability: 0.15,
  sourceId: 0.1,
  gtin: 0.05,
  currency: 0.05,
  brand: 0.05,
};

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') {
    const norm = (s: string) => fold(s).replace(/\/+$/, '');
    return norm(a) === norm(b);
  }
  return a === b;
}

export interface MergeContext {
  readonly market: MarketCode | null;
  readonly site: string;
  readonly pageUrl: string;
}

/** The listing the sources make together, or undefined when they have no title (not a product). */
export function mergeCandidates(candidates: readonly SourcedCandidate[], context: MergeContext): Listing | undefined {
  const values: Partial<Record<keyof Candidate, unknown>> = {};
  const sources: Partial<Record<ListingField, FieldSource[]>> = {};
  let weighted = 0;
  for (const [field, key] of Object.entries(FIELD_KEYS) as [ListingField, keyof Candidate][]) {
    const said = candidates.filter(([, c]) => c[key] !== undefined && !(key === 'availability' && c[key] === 'unknown'));
    const first = said[0];
    if (!first) continue;
    const value = first[1][key];
    values[key] = value;
    const agreeing = said.filter(([, c]) => same(c[key], value)).map(([s]) => s);
    const disagreeing = said.length - agreeing.length;
    sources[field] = [...new Set(agreeing)];
    const score = Math.max(
      0,
      Math.min(1, SOURCE_TRUST[first[0]] + 0.1 * (agreeing.length - 1) - (field === 'price' ? 0.4 : 0.25) * disagreeing),
    );
    weighted += (FIELD_WEIGHTS[field] ?? 0) * score;
  }
  const title = values.title as string | undefined;
  if (!title) return undefined;
  const variants = candidates.find(([, c]) => c.variants && c.variants.length > 0)?.[1].variants ?? [];
  return {
    market: context.market,
    site: context.site,
    sourceId: (values.sourceId as string | undefined) ?? null,
    url: (values.url as string | undefined) ?? context.pageUrl,
    title,
    description: (values.description as string | undefined) ?? null,
    brand: (values.brand as string | undefined) ?? null,
    gtin: (values.gtin as string | undefined) ?? null,
    mpn: (values.mpn as string | undefined) ?? null,
    priceCents: (values.priceCents as number | undefined) ?? null,
    listPriceCents: (values.listPriceCents as number | undefined) ?? null,
    currency: (values.currency as string | undefined) ?? (values.priceCents !== undefined ? 'EUR' : null),
    availability: (values.availability as Availability | undefined) ?? 'unknown',
    shippingCents: (values.shippingCents as number | undefined) ?? null,
    imageUrl: (values.imageUrl as string | undefined) ?? null,
    category: (values.category as string | undefined) ?? null,
    seller: (values.seller as string | undefined) ?? null,
    variants,
    confidence: Math.round(weighted * 100) / 100,
    sources,
  };
}
