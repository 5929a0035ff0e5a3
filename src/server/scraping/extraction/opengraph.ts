// OpenGraph product tags (Facebook's `product:` spelling and the older `og:` one): the last
// resort when a page has neither JSON-LD nor microdata. Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import type { Availability } from '../../catalog';
import { availabilityFromSchemaOrg } from './availability';
import { absoluteUrl } from './html-text';
import type { Candidate } from './listing-merge';
import { normalizeCurrency, parseAmount } from './price-parse';
import { gtinFrom, str } from './schema-org';

const OG_AVAILABILITY: Readonly<Record<string, Availability>> = {
  'in stock': 'in_stock',
  instock: 'in_stock',
  'available for order': 'in_stock',
  'out of stock': 'out_of_stock',
  oos: 'out_of_stock',
  outofstock: 'out_of_stock',
  discontinued: 'out_of_stock',
  preorder: 'out_of_stock',
  pending: 'unknown',
};

/** OpenGraph product tags (Facebook's `product:` spelling and the older `og:` one). */
export function openGraphCandidate($: CheerioAPI, pageUrl: string): Candidate | undefined {
  const tags = new Map<string, string>();
  $('meta[property], meta[name]').each((_, el) => {
    const key = ($(el).attr('property') ?? $(el).attr('name') ?? '').toLowerCase();
    const content = $(el).attr('content');
    if ((key.startsWith('og:') || key.startsWith('product:')) && content !== undefined && !tags.has(key)) tags.set(key, content.trim());
  });
  const get = (...keys: string[]) => keys.map((k) => tags.get(k)).find((v) => v !== undefined && v !== '');
  const type = get('og:type');
  const amount = get('product:price:amount', 'og:price:amount', 'product:sale_price:amount');
  if (!amount && !(type && /product/i.test(type))) return undefined;
  const currency = normalizeCurrency(get('product:price:currency', 'og:price:currency', 'product:sale_price:currency')) ?? undefined;
  const price = amount ? parseAmount(amount, currency ?? 'EUR') : undefined;
  const availability = get('product:availability', 'og:availability');
  return {
    title: str(get('og:title')),
    description: str(get('og:description')),
    brand: str(get('product:brand', 'og:brand')),
    gtin: gtinFrom(get('product:ean', 'product:gtin', 'product:upc', 'product:isbn')),
    sourceId: str(get('product:retailer_item_id', 'product:retailer_part_no', 'product:sku')),
    url: absoluteUrl(get('og:url'), pageUrl),
    priceCents: price?.ok ? price.amountCents : undefined,
    listPriceCents: (() => {
      const list = get('product:original_price:amount');
      const parsed = list ? parseAmount(list, currency ?? 'EUR') : undefined;
      return parsed?.ok ? parsed.amountCents : undefined;
    })(),
    currency: price?.ok ? price.currency : currency,
    availability: availability
      ? (OG_AVAILABILITY[availability.toLowerCase().replace(/_/g, ' ')] ?? availabilityFromSchemaOrg(availability))
      : undefined,
    imageUrl: absoluteUrl(get('og:image', 'og:image:url', 'og:image:secure_url'), pageUrl),
    category: str(get('product:category')),
  };
}
