// The last resort of the generic extractor: what a shopper would read on the page when the shop
// publishes no structured data. Headline, the price next to it (not the struck-through one),
// the availability sentence, the detail table's EAN/brand/SKU rows, "Sold by …".
// Less trusted than structured data (see listing-merge). Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { availabilityFromText, isBuyButton } from './availability';
import { brandFromByline, cleanId } from './field-cleaning';
import { gtinIn, validGtin } from './gtin';
import { absoluteUrl, collapse, firstAttr, labelledValues, shortText, textOf, valueFor } from './html-text';
import type { Candidate } from './listing-merge';
import { localCurrencyOf, parsePrice } from './price-parse';

export const GTIN_LABELS = [
  'ean',
  'ean-13',
  'ean13',
  'gtin',
  'gtin-13',
  'gtin13',
  'upc',
  'codice ean',
  'code ean',
  'ean-code',
  'ean code',
  'codigo ean',
  'isbn-13',
];
/** A spec table's category row, where a shop prints no breadcrumb. */
export const CATEGORY_LABELS = [
  'categoria',
  'categorie',
  'kategorie',
  'category',
  'reparto',
  'rayon',
  'abteilung',
  'departamento',
  'department',
];
export const BRAND_LABELS = ['marca', 'marque', 'marke', 'brand', 'hersteller', 'fabricant', 'produttore', 'fabricante', 'manufacturer'];
/** Labels of the maker's part number (not a model name: "iPhone 15" names several items). */
export const MPN_LABELS = [
  'mpn',
  'manufacturer part number',
  'part number',
  'item model number',
  'herstellernummer',
  'hersteller-artikelnummer',
  'herstellerartikelnummer',
  'modellnummer',
  'codice produttore',
  'numero modello articolo',
  'reference fabricant',
  "numero du modele de l'article",
  'referencia del fabricante',
  'numero de pieza',
  'numero de modelo del producto',
];
export const SKU_LABELS = [
  'asin',
  'sku',
  'art.-nr.',
  'artikelnummer',
  'artikel-nr.',
  'reference',
  'ref.',
  'referencia',
  'codice articolo',
  'codice prodotto',
  'cod.',
  'item number',
  'item model number',
  // eBay's item number, the id of a listing, in each of its languages
  'kod',
  'ebay-artikelnummer',
  'ebay item number',
  'numero oggetto ebay',
  "numero de l'objet ebay",
  'numero de articulo de ebay',
  'numero del articulo',
];

/** "Venduto da X", "Vendu par X", "Verkauf durch X", "Vendido por X", "Sold by X". */
const SOLD_BY = /(?:venduto da|vendu (?:et expédié )?par|verkauf(?:t)? (?:und versand )?durch|vendido por|sold by|verkäufer:?)\s+(.+)$/iu;
const FREE_SHIPPING =
  /spedizione gratuita|livraison gratuite|kostenlose lieferung|kostenloser versand|versandkostenfrei|env[ií]o gratis|env[ií]o gratuito|free (?:shipping|delivery)/iu;
const SHIPPING_LABEL = /spedizione|livraison|versand|lieferung|env[ií]o|shipping|delivery/iu;

const PRICE_SELECTORS = [
  '[data-price-type="finalPrice"]',
  '.price-box .price',
  '.product-price',
  '.current-price',
  '.price--current',
  '.price-current',
  '.sale-price',
  'ins .woocommerce-Price-amount',
  '.price',
  '#price',
  '[itemprop="price"]',
  // Class names in the shop's language, in any case: `fpPrice`, `precio-actual`, `prezzo`, `prix`, `Preis`.
  '[class*="price" i]',
  '[class*="precio" i]',
  '[class*="prezzo" i]',
  '[class*="prix" i]',
  '[class*="preis" i]',
  '[data-test*="price" i]',
];
/** Prices a shop shows struck through or as a reference: never the price to pay. */
const OLD_PRICE = [
  'del, s, strike, .old-price, .price-old, .was-price, .price--compare, .compare-at-price, [data-price-type="oldPrice"]',
  '[class*="strike" i], [class*="regular-price" i], [class*="oldprice" i], [class*="old-price" i], [class*="price-old" i], [class*="list-price" i]',
  '[class*="retail-price" i], [class*="uvp" i], [class*="crossed" i], [class*="antes" i], [class*="before" i], [class*="ancien" i], [class*="statt" i]',
].join(', ');

/** Widgets of other products (related, recommended, a carousel): their prices are not this product's. */
const OTHER_PRODUCTS = [
  '[class*="related" i], [id*="related" i], [class*="recommend" i], [id*="recommend" i], [class*="similar" i]',
  '[class*="upsell" i], [class*="cross-sell" i], [class*="crosssell" i], [class*="carousel" i], [class*="also-bought" i]',
].join(', ');

const AVAILABILITY_SELECTORS = [
  '#availability, .availability, .stock, [class*="availability" i], [id*="availability" i], [class*="stock" i], [class*="dispon" i], [class*="lieferbar" i]',
  '[class*="delivery" i], [class*="lieferzeit" i], [class*="statusmessage" i], [data-test*="availability" i], [data-test*="delivery" i]',
].join(', ');

/** Where shops put the GTIN as data for their scripts. */
const GTIN_ATTRIBUTES = ['data-ean', 'data-gtin', 'data-gtin13', 'data-ean13', 'data-barcode', 'data-upc'];

function sellerFrom(text: string): string | undefined {
  const match = SOLD_BY.exec(text);
  if (!match) return undefined;
  // "Venduto da X e spedito da Amazon": keep the seller.
  const seller = collapse(match[1]!.split(/\s+(?:e spedito|et expédié|und versand|y enviado|and (?:shipped|fulfilled))\b/iu)[0]!);
  return seller && seller.length <= 80 ? seller : undefined;
}

export function shippingFrom(text: string, localCurrency?: string): number | undefined {
  if (FREE_SHIPPING.test(text)) return 0;
  const label = SHIPPING_LABEL.exec(text);
  if (!label) return undefined;
  // The amount after the word: in "Prezzo: 26,99 € Spedizione: 3,99 €" the first is the price.
  const price = parsePrice(text.slice(label.index + label[0].length), { localCurrency });
  return price.ok ? price.amountCents : undefined;
}

/**
 * A short line that is nothing but a stock statement ("Sofort lieferbar", "I lager"), for shops
 * whose class names say nothing: the first such line of the page.
 */
function statedAvailability($: CheerioAPI) {
  for (const el of $('body p, body span, body div, body li, body strong').toArray().slice(0, 1500)) {
    if ((el as Element).children.some((c) => c.type === 'tag' && !['i', 'b', 'strong', 'span', 'em'].includes((c as Element).name)))
      continue;
    const text = shortText(el, 60);
    if (!text || text.length > 60) continue;
    const availability = availabilityFromText(text);
    if (
      availability &&
      availabilityFromText(
        text
          .split(/[\s,.:–-]+/)
          .slice(0, 4)
          .join(' '),
      ) === availability
    )
      return availability;
  }
  return undefined;
}

/** The first hundred elements matching `selector` with their label (text, else an input's value). */
function labelled($: CheerioAPI, selector: string): { el: Element; label: string }[] {
  return $(selector)
    .toArray()
    .slice(0, 100)
    .map((el) => ({ el: el as Element, label: textOf($, el) || ($(el).attr('value') ?? '') }));
}

/** An enabled buy button ("Add to cart", "In den Warenkorb"): the last sign of stock a page without a stock line gives. */
function buyButtonShown($: CheerioAPI): boolean {
  return labelled($, 'button, input[type="submit"], input[type="button"], a[class*="cart" i], a[class*="buy" i], a[role="button"]').some(
    ({ el, label }) => $(el).attr('disabled') === undefined && $(el).attr('aria-disabled') !== 'true' && isBuyButton(label),
  );
}

/** A button that offers to tell the shopper when the product is back, where the buy button would be. */
function notifyButtonShown($: CheerioAPI): boolean {
  return labelled($, 'button, input[type="submit"], input[type="button"], a[role="button"]').some(
    ({ label }) => availabilityFromText(label) === 'out_of_stock',
  );
}

/** Where shops show the brand outside any table: a brand element or a link to the brand's page. */
const BRAND_ELEMENTS = [
  '[class*="product-brand" i], [class*="productbrand" i], [class*="brand-name" i], [class*="brandname" i], [data-brand]',
  '.brand, .product__vendor, .product-vendor, .manufacturer, .byline, [class*="byline" i]',
  'a[href*="/brand/" i], a[href*="/brands/" i], a[href*="/marke/" i], a[href*="/marken/" i], a[href*="/marque/" i], a[href*="/marques/" i], a[href*="/marca/" i], a[href*="/marcas/" i], a[href*="/marchi/" i]',
];

function brandShown($: CheerioAPI): string | undefined {
  for (const selector of BRAND_ELEMENTS) {
    for (const el of $(selector).toArray().slice(0, 5)) {
      // A brand shown as its logo names itself in the image's alt text.
      const shown = $(el).attr('data-brand') || textOf($, el) || $(el).find('img[alt]').first().attr('alt') || $(el).attr('title');
      const brand = brandFromByline(shown);
      if (brand && brand.length <= 40) return brand;
    }
  }
  return undefined;
}

/** GTIN keys in the JSON shops give their own scripts (product JSON, a data layer), quoted or not. */
const SCRIPT_GTIN = /["']?\b(?:gtin(?:8|12|13|14)?|ean(?:13)?|barcode|upc)["']?\s*[:=]\s*["']?(\d{8,14})\b/giu;

/** A valid GTIN in the page's inline scripts (not JSON-LD, read on its own). */
function gtinInScripts($: CheerioAPI): string | undefined {
  for (const el of $('script:not([src]):not([type="application/ld+json"])').toArray().slice(0, 50)) {
    const code = $(el).text();
    if (code.length > 500_000) continue;
    for (const match of code.matchAll(SCRIPT_GTIN)) {
      const gtin = validGtin(match[1]);
      if (gtin) return gtin;
    }
  }
  return undefined;
}

/** eBay's item number, which its item pages carry in their address (`/itm/234987654321`, `/itm/title/234987654321`). */
function ebayItemNumber(pageUrl: string): string | undefined {
  try {
    const url = new URL(pageUrl);
    return /(?:^|\.)ebay\.[a-z.]+$/.test(url.hostname)
      ? /\/itm\/(?:[^/]+\/)?(\d{9,15})(?:[/?]|$)/.exec(url.pathname + url.search)?.[1]
      : undefined;
  } catch {
    return undefined;
  }
}

/** Paths and queries of category and search pages on common shop software. */
const LISTING_URL =
  /[?&](?:q|k|s|query|search|keywords?)=|\/(?:s|search|suche|recherche|ricerca|buscar|busqueda|c|category|categories|categoria|categorie|kategorie|catalogo|collections\/[^/]+$|b)(?:\/|$|\?)/i;

/**
 * Without structured data, a category or search page looks like a product page with many
 * prices: repeated result tiles, or four prices and more with no headline or on a listing URL.
 */
export function looksLikeListing($: CheerioAPI, pageUrl: string): boolean {
  if ($('[data-component-type="s-search-result"], .s-result-item[data-asin]').length >= 3) return true;
  const prices = new Set<number>();
  for (const el of $('[class*="price" i]').toArray().slice(0, 200)) {
    if ((el as Element).children.some((c) => c.type === 'tag')) continue;
    const price = parsePrice(textOf($, el));
    if (price.ok) prices.add(price.amountCents);
  }
  let path = '';
  try {
    const url = new URL(pageUrl);
    path = `${url.pathname}${url.search}`;
  } catch {
    // a page without a URL: judged by its markup alone
  }
  return prices.size >= 4 && ($('h1').length === 0 || LISTING_URL.test(path));
}

export function textCandidate($: CheerioAPI, pageUrl: string): Candidate {
  const candidate: Candidate = {};
  const h1 = $('h1').first()[0];
  const title = h1 ? textOf($, h1) : collapse($('title').first().text()).split(/\s+[|–-]\s+/)[0];
  if (title) candidate.title = title;

  const localCurrency = localCurrencyOf(pageUrl);
  const priceOf = (el: AnyNode) => parsePrice(textOf($, el), { localCurrency });
  // Old prices found once; an element inside one, or holding one, is not the price to pay.
  const oldPrices = $(OLD_PRICE).toArray();
  const nearOld = new Set<AnyNode>();
  for (const el of oldPrices) for (let node: AnyNode | null = el; node; node = node.parent) nearOld.add(node);
  const insideOld = (el: AnyNode) => {
    for (let node: AnyNode | null = el; node; node = node.parent) if (oldPrices.includes(node as Element)) return true;
    return false;
  };
  const others = new Set<AnyNode>($(OTHER_PRODUCTS).toArray());
  const ofOtherProduct = (el: AnyNode) => {
    for (let node: AnyNode | null = el; node; node = node.parent) if (others.has(node)) return true;
    return false;
  };
  for (const selector of PRICE_SELECTORS) {
    const found = $(selector)
      .toArray()
      .filter((el) => !ofOtherProduct(el))
      .slice(0, 20)
      .find((el) => !nearOld.has(el) && !insideOld(el) && priceOf(el).ok);
    if (found) {
      const price = priceOf(found);
      if (price.ok) {
        candidate.priceCents = price.amountCents;
        candidate.currency = price.currency;
      }
      break;
    }
  }
  const old = oldPrices
    .slice(0, 10)
    .map(priceOf)
    .find((p) => p.ok);
  if (old?.ok && candidate.priceCents !== undefined && old.amountCents > candidate.priceCents) candidate.listPriceCents = old.amountCents;

  const availability =
    $(AVAILABILITY_SELECTORS)
      .toArray()
      .slice(0, 20)
      .map((el) => availabilityFromText(textOf($, el)))
      .find((a) => a !== undefined) ??
    statedAvailability($) ??
    (buyButtonShown($) ? 'in_stock' : notifyButtonShown($) ? 'out_of_stock' : undefined);
  if (availability) candidate.availability = availability;

  const pairs = labelledValues($);
  const gtin =
    gtinIn(valueFor(pairs, GTIN_LABELS)) ??
    GTIN_ATTRIBUTES.map((name) => validGtin($(`[${name}]`).first().attr(name))).find(Boolean) ??
    gtinInScripts($);
  if (gtin) candidate.gtin = gtin;
  const brand = valueFor(pairs, BRAND_LABELS) ?? brandShown($);
  if (brand) candidate.brand = brand;
  const mpn = cleanId(valueFor(pairs, MPN_LABELS));
  if (mpn && mpn.length <= 40) candidate.mpn = mpn;
  const sku = cleanId(valueFor(pairs, SKU_LABELS)) ?? ebayItemNumber(pageUrl);
  if (sku && /^[\w./-]{3,40}$/.test(sku)) candidate.sourceId = sku;

  for (const el of $('p, span, div, li').toArray()) {
    if ($(el).children('p, div, li').length > 0) continue;
    const text = textOf($, el);
    if (text.length > 120) continue;
    candidate.seller ??= sellerFrom(text);
    candidate.shippingCents ??= shippingFrom(text, localCurrency);
    if (candidate.seller !== undefined && candidate.shippingCents !== undefined) break;
  }

  const canonical = absoluteUrl($('link[rel="canonical"]').attr('href'), pageUrl);
  if (canonical) candidate.url = canonical;
  const image = absoluteUrl(firstAttr($, [['main img, .product img, [class*="product"] img, [class*="gallery"] img', 'src']]), pageUrl);
  if (image) candidate.imageUrl = image;
  const crumbs = $('nav.breadcrumb a, .breadcrumb a, .breadcrumbs a, [class*="breadcrumb"] a')
    .toArray()
    .map((el) => textOf($, el))
    .filter(Boolean);
  if (crumbs.length >= 2) candidate.category = crumbs[crumbs.length - 1];
  else {
    const category = valueFor(pairs, CATEGORY_LABELS);
    if (category) candidate.category = category;
  }
  return candidate;
}
