// Data of a market's listing page, /{market}: its home (newest products), a category, or the
// results of a keyword search, with the filters and the sort of the query string, one keyset
// page at a time. The router is called in-process. Input the shopper must fix becomes a message
// next to its field (400); an unknown market 404; a database outage 503. load() never throws.
import type { PageServerLoad } from '@analogjs/router';
import { TRPCError } from '@trpc/server';
import { getQuery } from 'h3';
import { z } from 'zod';
import { loadConfig } from '../../server/platform/config';
import { MARKETS, isMarketCode, type MarketCode } from '../../common/markets';
import { formatMoney } from '../../common/money';
import { SEARCH_SORTS, categoryName, isCategoryId, OTHER_CATEGORY, type CategoryId, type ListingItem } from '../../server/catalog';
import { productImageView } from '../../server/images';
import { createContext } from '../../server/trpc/context';
import { appRouter } from '../../server/trpc/routers/_app';
import { productPath, alternatesFor } from '../../server/storefront';
import {
  LISTING_FIELDS,
  listingHref,
  type CategoryOption,
  type ListingCard,
  type ListingField,
  type ListingLoad,
} from '../shop/listing-view';
import type { PageSeo } from '../shop/page-seo';
import { SHOP_TEXTS } from '../shop/shop-texts';
import { visitorMarket } from '../shop/visitor-market.server';

/** The search input's fields as the form names them. */
const FORM_FIELD: Readonly<Record<string, ListingField>> = {
  minPriceCents: 'min',
  maxPriceCents: 'max',
  q: 'q',
  category: 'category',
  brand: 'brand',
  sort: 'sort',
  cursor: 'cursor',
};
const WHOLE_EUROS = /^\d{1,7}$/;

function card(item: ListingItem, market: MarketCode, addedText: (iso: string) => string): ListingCard {
  return {
    id: item.id,
    title: item.title,
    titleLang: item.titleLang,
    brand: item.brand,
    href: productPath(market, item),
    image: productImageView(item.id, item.imageUrl ? 1 : 0, 320),
    priceText: formatMoney(item.price, MARKETS[market].locale),
    availability: item.availability,
    addedText: addedText(item.createdAt),
  };
}

function withValue(options: readonly string[], value: string | undefined): readonly string[] {
  return value === undefined || options.includes(value) ? options : [value, ...options];
}

/** The taxonomy's categories the catalog has, named in the market's language and sorted by that name. */
function categoryOptions(ids: readonly CategoryId[], language: MarketCode, locale: string): readonly CategoryOption[] {
  const collator = new Intl.Collator(locale);
  // "Other" is what is left: last, whatever its name.
  const rank = (id: CategoryId) => (id === OTHER_CATEGORY ? 1 : 0);
  return ids
    .map((id) => ({ id, name: categoryName(id, language) }))
    .sort((a, b) => rank(a.id) - rank(b.id) || collator.compare(a.name, b.name));
}

function seoFor(market: MarketCode, origin: string, filters: Partial<Record<ListingField, string>>): PageSeo {
  const { language } = MARKETS[market];
  const t = SHOP_TEXTS[language];
  const { q, category } = filters;
  const named = category && isCategoryId(category) ? categoryName(category, language) : null;
  // Filtered and re-sorted lists repeat the category's products: they point search engines to it.
  const refined = Boolean(filters.brand || filters.min || filters.max || filters.stock || (filters.sort && filters.sort !== 'relevance'));
  const canonical = listingHref(market, { q, category, cursor: refined ? undefined : filters.cursor });
  const shared = listingHref('', { q, category }).slice(1);
  return {
    language,
    title: q ? t.searchTitle(q) : named ? t.categoryTitle(named) : t.homeTitle,
    description: named ? t.categoryDescription(named) : t.homeDescription,
    canonical: `${origin}${canonical}`,
    alternates: alternatesFor(origin, shared),
    robots: q || refined ? 'noindex, follow' : null,
    image: null,
    jsonLd: null,
  };
}

export async function load({ params, event }: PageServerLoad): Promise<ListingLoad> {
  const market = params?.['market'];
  if (!isMarketCode(market)) return { status: 'not-found', language: visitorMarket(event) };
  const { language, locale, timeZone } = MARKETS[market];
  const t = SHOP_TEXTS[language];
  const query = getQuery(event);
  const filters: Partial<Record<ListingField, string>> = {};
  for (const field of LISTING_FIELDS) {
    const value = query[field];
    if (typeof value === 'string' && value.trim() !== '') filters[field] = value.trim();
  }
  const fieldErrors: Partial<Record<ListingField, string>> = {};
  const cents = (field: 'min' | 'max') => {
    const value = filters[field];
    if (value === undefined) return undefined;
    if (WHOLE_EUROS.test(value)) return Number(value) * 100;
    fieldErrors[field] = t.wholeEuros;
    return undefined;
  };
  const input = {
    market,
    q: filters.q ?? '',
    // An unknown id is refused by the router's schema, which becomes the field's message below.
    category: filters.category as CategoryId | undefined,
    brand: filters.brand,
    minPriceCents: cents('min'),
    maxPriceCents: cents('max'),
    inStock: filters.stock === '1',
    sort: (filters.sort ?? 'relevance') as never,
    cursor: filters.cursor,
  };
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const origin = loadConfig().PUBLIC_URL;
  const caller = appRouter.createCaller(createContext(event));
  try {
    const facets = await caller.catalog.facets();
    let cards: ListingCard[] = [];
    let nextCursor: string | null = null;
    if (Object.keys(fieldErrors).length === 0) {
      try {
        const page = await caller.catalog.search(input);
        cards = page.items.map((item) => card(item, market, (iso) => t.added(dates.format(new Date(iso)))));
        nextCursor = page.nextCursor;
      } catch (error) {
        if (!(error instanceof TRPCError && error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError)) throw error;
        for (const name of new Set(error.cause.issues.map((issue) => String(issue.path[0])))) {
          const field = FORM_FIELD[name];
          if (field) fieldErrors[field] = field === 'sort' ? t.invalidSort : field === 'cursor' ? t.invalidPage : t.invalidValue;
        }
      }
    }
    const { cursor, ...withoutCursor } = filters;
    return {
      status: 'ok',
      httpStatus: Object.keys(fieldErrors).length > 0 ? 400 : 200,
      view: {
        market,
        language,
        filters,
        fieldErrors,
        // The facets are cached for minutes: the value in the URL is always offered, so that
        // submitting the form again keeps it.
        categories: categoryOptions(
          filters.category && isCategoryId(filters.category) && !facets.categories.includes(filters.category)
            ? [filters.category, ...facets.categories]
            : facets.categories,
          language,
          locale,
        ),
        brands: withValue(facets.brands, filters.brand),
        sorts: SEARCH_SORTS,
        cards,
        nextHref: nextCursor ? listingHref(market, { ...withoutCursor, cursor: nextCursor }) : null,
        firstHref: cursor ? listingHref(market, withoutCursor) : null,
        seo: seoFor(market, origin, filters),
      },
    };
  } catch (error) {
    console.error(`listing /${market} could not be read`, error);
    return { status: 'unavailable', language };
  }
}
