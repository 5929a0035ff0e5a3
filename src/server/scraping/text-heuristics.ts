// The last resort of the generic extractor: what a shopper would read on the page when the shop
// publishes no structured data. Headline, the price next to it (not the struck-through one),
// the availability sentence, the detail table's EAN/brand/SKU rows, "Sold by …".
// Less trusted than structured data (see listing-merge). Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import { availabilityFromText } from './availability';
import { gtinIn } from './gtin';
import { absoluteUrl, collapse, firstAttr, labelledValues, textOf, valueFor } from './html-text';
import type { Candidate } from './listing-merge';
import { parsePrice } from './price-parse';

export const GTIN_LABELS = ['ean', 'ean-13', 'ean13', 'gtin', 'gtin-13', 'gtin13', 'upc', 'codice ean', 'code ean', 'ean-code', 'ean code', 'codigo ean', 'isbn-13'];
export const BRAND_LABELS = ['marca', 'marque', 'marke', 'brand', 'hersteller', 'fabricant', 'produttore', 'fabricante', 'manufacturer'];
export const SKU_LABELS = ['asin', 'sku', 'art.-nr.', 'artikelnummer', 'artikel-nr.', 'reference', 'ref.', 'referencia', 'codice articolo', 'codice prodotto', 'item number', 'item model number'];

/** "Venduto da X", "Vendu par X", "Verkauf durch X", "Vendido por X", "Sold by X". */
const SOLD_BY = /(?:venduto da|vendu (?:et expédié )?par|verkauf(?:t)? (?:und versand )?durch|vendido por|sold by|verkäufer:?)\s+(.+)$/iu;
const FREE_SHIPPING = /spedizione gratuita|livraison gratuite|kostenlose lieferung|kostenloser versand|versandkostenfrei|env[ií]o gratis|env[ií]o gratuito|free (?:shipping|delivery)/iu;
const SHIPPING_LABEL = /spedizione|livraison|versand|lieferung|env[ií]o|shipping|delivery/iu;

const PRICE_SELECTORS = [
  '[data-price-type="finalPrice"]',
  '.price-box .price',
  '.product-price',
  '.current-price',
  '.price--current',
  '.price-current',
  '.sale-price',
  '.price',
  '#price',
  '[class*="price"]',
];
/** Prices a shop shows struck through or as a reference: never the price to pay. */
const OLD_PRICE = 'del, s, strike, .old-price, .price-old, .was-price, .price--compare, .compare-at-price, [class*="strike"], [class*="regular-price"], [data-price-type="oldPrice"]';

function sellerFrom(text: string): string | undefined {
  const match = SOLD_BY.exec(text);
  if (!match) return undefined;
  // "Venduto da X e spedito da Amazon": keep the seller.
  const seller = collapse(match[1]!.split(/\s+(?:e spedito|et expédié|und versand|y enviado|and (?:shipped|fulfilled))\b/iu)[0]!);
  return seller && seller.length <= 80 ? seller : undefined;
}

export function shippingFrom(text: string): number | undefined {
  if (FREE_SHIPPING.test(text)) return 0;
  const label = SHIPPING_LABEL.exec(text);
  if (!label) return undefined;
  // The amount after the word: in "Prezzo: 26,99 € Spedizione: 3,99 €" the first is the price.
  const price = parsePrice(text.slice(label.index + label[0].length));
  return price.ok ? price.amountCents : undefined;
}

export function textCandidate($: CheerioAPI, pageUrl: string): Candidate {
  const candidate: Candidate = {};
  const h1 = $('h1').first()[0];
  const title = h1 ? textOf($, h1) : collapse($('title').first().text()).split(/\s+[|–-]\s+/)[0];
  if (title) candidate.title = title;

  for (const selector of PRICE_SELECTORS) {
    const found = $(selector)
      .toArray()
      .slice(0, 20)
      .find((el) => $(el).closest(OLD_PRICE).length === 0 && $(el).find(OLD_PRICE).length === 0 && parsePrice(textOf($, el)).ok);
    if (found) {
      const price = parsePrice(textOf($, found));
      if (price.ok) {
        candidate.priceCents = price.amountCents;
        candidate.currency = price.currency;
      }
      break;
    }
  }
  const old = $(OLD_PRICE).toArray().slice(0, 10).map((el) => parsePrice(textOf($, el))).find((p) => p.ok);
  if (old?.ok && candidate.priceCents !== undefined && old.amountCents > candidate.priceCents) candidate.listPriceCents = old.amountCents;

  for (const el of $('#availability, .availability, .stock, [class*="availability"], [class*="stock"], [id*="availability"], [class*="dispon"], [class*="lieferbar"]').toArray().slice(0, 20)) {
    const availability = availabilityFromText(textOf($, el));
    if (availability) {
      candidate.availability = availability;
      break;
    }
  }

  const pairs = labelledValues($);
  const gtin = gtinIn(valueFor(pairs, GTIN_LABELS));
  if (gtin) candidate.gtin = gtin;
  const brand = valueFor(pairs, BRAND_LABELS);
  if (brand) candidate.brand = brand;
  const sku = valueFor(pairs, SKU_LABELS);
  if (sku && /^[\w.-]{3,40}$/.test(sku)) candidate.sourceId = sku;

  for (const el of $('p, span, div, li').toArray()) {
    if ($(el).children('p, div, li').length > 0) continue;
    const text = textOf($, el);
    if (text.length > 120) continue;
    candidate.seller ??= sellerFrom(text);
    candidate.shippingCents ??= shippingFrom(text);
    if (candidate.seller !== undefined && candidate.shippingCents !== undefined) break;
  }

  const canonical = absoluteUrl($('link[rel="canonical"]').attr('href'), pageUrl);
  if (canonical) candidate.url = canonical;
  const image = absoluteUrl(firstAttr($, [['main img, .product img, [class*="product"] img, [class*="gallery"] img', 'src']]), pageUrl);
  if (image) candidate.imageUrl = image;
  const crumbs = $('nav.breadcrumb a, .breadcrumb a, .breadcrumbs a, [class*="breadcrumb"] a').toArray().map((el) => textOf($, el)).filter(Boolean);
  if (crumbs.length >= 2) candidate.category = crumbs[crumbs.length - 1];
  return candidate;
}

