// Amazon product pages (amazon.it/.fr/.de/.es and shops copying the layout), current and older.
// Amazon publishes no structured data, so everything comes from its element ids: the title in
// #productTitle; the price split into whole and fraction spans with the full string hidden in
// `.a-offscreen` (current) or in #priceblock_ourprice (older); the strike-through list price;
// the availability sentence in #availability; the ASIN in data-asin, the form and the detail
// table. When nobody sells the item, Amazon shows no price at all. Pure: works on a parsed page.
import type { CheerioAPI } from 'cheerio';
import { availabilityFromText } from './availability';
import { gtinIn } from './gtin';
import { absoluteUrl, collapse, firstAttr, firstText, labelledValues, textOf, valueFor } from './html-text';
import type { Candidate } from './listing-merge';
import { localCurrencyOf, parsePrice } from './price-parse';
import { BRAND_LABELS, GTIN_LABELS, MPN_LABELS, shippingFrom } from './text-heuristics';

const ASIN = /^[A-Z0-9]{10}$/;

export function looksLikeAmazon($: CheerioAPI): boolean {
  return $('#productTitle').length > 0 && ($('#dp, #dp-container, #ppd, #centerCol').length > 0 || $('input#ASIN').length > 0);
}

const PRICE_SELECTORS = [
  '#corePriceDisplay_desktop_feature_div .priceToPay .a-offscreen',
  '#corePrice_feature_div .a-price:not(.a-text-price) .a-offscreen',
  '#corePrice_desktop .a-price:not(.a-text-price) .a-offscreen',
  '#apex_desktop .priceToPay .a-offscreen',
  '#apex_desktop .apexPriceToPay .a-offscreen',
  '#tp_price_block_total_price_ww .a-offscreen',
  '.priceToPay .a-offscreen',
  '#priceblock_dealprice',
  '#priceblock_saleprice',
  '#priceblock_ourprice',
  '#price_inside_buybox',
  '#newBuyBoxPrice',
  // Media pages (films, music, books) of the older layout: the "buy new" box's price.
  '#buyNewSection .offer-price',
  '#kindle-price',
];
const LIST_PRICE_SELECTORS = [
  '.basisPrice .a-offscreen',
  '#corePriceDisplay_desktop_feature_div .a-text-price[data-a-strike="true"] .a-offscreen',
  '.a-price.a-text-price[data-a-strike="true"] .a-offscreen',
  '#price .a-text-strike',
  '#listPrice',
  '.priceBlockStrikePriceString',
];

function firstPrice($: CheerioAPI, selectors: readonly string[], localCurrency: string | undefined) {
  for (const selector of selectors) {
    for (const el of $(selector).toArray()) {
      const price = parsePrice(textOf($, el), { localCurrency });
      if (price.ok) return price;
    }
  }
  return undefined;
}

/**
 * `<span class="a-price-whole">1.299<span class="a-price-decimal">,</span></span><span
 * class="a-price-fraction">95</span>`: whatever marks the country groups thousands with
 * (`1,299` on amazon.com, `1.299` on amazon.de), the whole part is its digits; amazon.co.jp
 * shows no fraction at all.
 */
function splitPrice($: CheerioAPI, localCurrency: string | undefined) {
  const box = $('.priceToPay, .apexPriceToPay, #corePrice_feature_div .a-price, #corePriceDisplay_desktop_feature_div .a-price').first();
  const whole = collapse(box.find('.a-price-whole').first().text()).replace(/\D/g, '');
  const fraction = collapse(box.find('.a-price-fraction').first().text()).replace(/\D/g, '');
  const symbol = collapse(box.find('.a-price-symbol').first().text()) || '€';
  if (!whole) return undefined;
  const price = parsePrice(`${whole}${fraction ? `,${fraction.padEnd(2, '0').slice(0, 2)}` : ''} ${symbol}`, { localCurrency });
  return price.ok ? price : undefined;
}

/** "Visita lo Store di X", "Visit the X Store", "Besuche den X-Store", "Marca: X". */
function brandFromByline(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const patterns = [
    /^Visita lo Store di (.+)$/i,
    /^Visit the (.+?) Store$/i,
    /^Besuche den (.+?)-Store$/i,
    /^Visiter la boutique (.+)$/i,
    /^Visita la tienda de (.+)$/i,
    /^Besuchen Sie den (.+?)-Store$/i,
    /^Visite a loja (?:da|de|do) (.+)$/i,
    /^Bezoek de (.+?)-winkel$/i,
    /^(?:Marca|Marque|Marke|Brand|Merk|Marka|Märke|ブランド)\s*[:：]\s*(.+)$/i,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[1]!.trim();
  }
  return undefined;
}

export function amazonCandidate($: CheerioAPI, pageUrl: string): Candidate {
  const candidate: Candidate = {};
  const title = firstText($, ['#productTitle', '#title']);
  if (title) candidate.title = title;
  const description = firstText($, ['#productDescription']);
  if (description) candidate.description = description;

  const pairs = labelledValues($);
  const asin = [
    $('input#ASIN').attr('value'),
    $('#dp').attr('data-asin'),
    $('#dp-container').attr('data-asin'),
    $('#buybox').attr('data-asin'),
    valueFor(pairs, ['asin']),
    /\/(?:dp|gp\/product)\/([A-Z0-9]{10})/.exec(pageUrl)?.[1],
  ].find((v): v is string => typeof v === 'string' && ASIN.test(v.trim()));
  if (asin) candidate.sourceId = asin.trim();

  const localCurrency = localCurrencyOf(pageUrl);
  const price = firstPrice($, PRICE_SELECTORS, localCurrency) ?? splitPrice($, localCurrency);
  if (price) {
    candidate.priceCents = price.amountCents;
    candidate.currency = price.currency;
  }
  const list = firstPrice($, LIST_PRICE_SELECTORS, localCurrency);
  if (list && price && list.amountCents > price.amountCents) candidate.listPriceCents = list.amountCents;

  const availabilityText = firstText($, ['#availability', '#outOfStock', '#availability_feature_div']);
  const availability = availabilityFromText(availabilityText);
  if (availability) candidate.availability = availability;
  else if ($('#outOfStock').length > 0) candidate.availability = 'out_of_stock';

  const brand = valueFor(pairs, BRAND_LABELS) ?? brandFromByline(firstText($, ['#bylineInfo'])) ?? firstText($, ['a#brand', '#brand']);
  if (brand) candidate.brand = brand;
  const gtin = gtinIn(valueFor(pairs, GTIN_LABELS));
  if (gtin) candidate.gtin = gtin;
  const mpn = valueFor(pairs, MPN_LABELS);
  if (mpn && mpn.length <= 40) candidate.mpn = mpn;

  const sellerText = firstText($, [
    '#merchantInfoFeature_feature_div',
    '#merchant-info',
    '#sellerProfileTriggerId',
    '#tabular-buybox .tabular-buybox-text',
  ]);
  const seller = sellerText
    ? /(?:venduto da|vendu par|verkauf durch|vendido por|sold by)\s+(.+?)(?:\s+(?:e spedito|et expédié|und versand|y enviado|and (?:shipped|fulfilled)).*)?$/iu.exec(
        sellerText,
      )?.[1]
    : undefined;
  if (seller) candidate.seller = seller.trim();
  else if ($('#sellerProfileTriggerId').length > 0) candidate.seller = textOf($, $('#sellerProfileTriggerId')[0]);

  const deliveryPrice = $('[data-csa-c-delivery-price]').first().attr('data-csa-c-delivery-price');
  if (deliveryPrice !== undefined) {
    const parsed = parsePrice(deliveryPrice, { localCurrency });
    if (parsed.ok) candidate.shippingCents = parsed.amountCents;
    else if (/^\s*0\s*$|gratuit|gratis|kostenlos|free/i.test(deliveryPrice)) candidate.shippingCents = 0;
  }
  if (candidate.shippingCents === undefined) {
    const shippingText = firstText($, ['#ourprice_shippingmessage', '#price-shipping-message', '#mir-layout-DELIVERY_BLOCK']);
    const shipping = shippingText ? shippingFrom(shippingText, localCurrency) : undefined;
    if (shipping !== undefined) candidate.shippingCents = shipping;
  }

  const image = firstAttr($, [
    ['#landingImage', 'data-old-hires'],
    ['#landingImage', 'src'],
    ['#imgBlkFront', 'src'],
    ['#main-image', 'src'],
  ]);
  const imageUrl = absoluteUrl(image, pageUrl);
  if (imageUrl) candidate.imageUrl = imageUrl;
  const crumbs = $('#wayfinding-breadcrumbs_feature_div a')
    .toArray()
    .map((el) => textOf($, el))
    .filter(Boolean);
  if (crumbs.length > 0) candidate.category = crumbs[crumbs.length - 1];
  const canonical = absoluteUrl($('link[rel="canonical"]').attr('href'), pageUrl);
  if (canonical) candidate.url = canonical;
  else if (asin) candidate.url = new URL(`/dp/${asin}`, pageUrl).href;
  return candidate;
}
