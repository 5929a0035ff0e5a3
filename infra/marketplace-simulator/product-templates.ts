// Product pages as the simulated shops serve them, one pure function per layout: the Amazon-like
// page of today, the older Amazon layout, a shop that states its offer in schema.org JSON-LD, and
// one that uses microdata with OpenGraph tags. Plus the robot-check page that replaces a product
// under the captcha fault, and the product images. The markup follows what the real sites emit,
// because the extractors are written against that: Amazon splits the price into whole and
// fraction spans and hides the full string in `.a-offscreen`; it shows no price at all when the
// product is unavailable; JSON-LD prices are dot-decimal, sometimes strings, sometimes numbers.
import { MARKETS, type MarketCode } from '../../src/common/markets';
import { canonicalPath, type SimProduct } from './catalog-generator';
import { productImageSize } from './product-image';
import { escapeHtml, jsonForScript } from './html';
import type { OfferState } from './offer-drift';
import { decimalAmount, formatPrice, priceParts } from './price-format';
import { SHOP_TEXTS } from './shop-texts';

/** A part of the page that shows an identifier, or nothing on a page that does not show it. */
function shown(value: string | null, part: (value: string) => string): string {
  return value === null ? '' : part(value);
}

/** Everything a product page shows. Title, description and seller are HTML already (see productView). */
export interface ProductView {
  readonly product: SimProduct;
  readonly offer: OfferState;
  /** `http://host:port` as the client addressed the shop. */
  readonly baseUrl: string;
  readonly titleHtml: string;
  readonly descriptionHtml: string;
  readonly sellerHtml: string;
  /** The same three as plain data, for JSON-LD (which is data, escaped for its script block). */
  readonly title: string;
  readonly description: string;
  readonly seller: string;
}

/** Markup a malicious seller might type; under the hostile-content fault it reaches the page raw. */
export const HOSTILE_SNIPPETS = {
  title: `<script>document.documentElement.dataset.xss='title'</script><img src="x" onerror="document.documentElement.dataset.xss='img'">`,
  description: `<a href="javascript:alert('xss')" onclick="alert('xss')">info</a><svg onload="alert('xss')"></svg>`,
  seller: `"><script>alert('xss')</script>`,
} as const;

export function productView(product: SimProduct, offer: OfferState, baseUrl: string, hostile: boolean): ProductView {
  if (hostile) {
    const title = `${product.title} ${HOSTILE_SNIPPETS.title}`;
    const description = `${product.description} ${HOSTILE_SNIPPETS.description}`;
    const seller = `${product.seller}${HOSTILE_SNIPPETS.seller}`;
    return { product, offer, baseUrl, title, description, seller, titleHtml: title, descriptionHtml: description, sellerHtml: seller };
  }
  return {
    product,
    offer,
    baseUrl,
    title: product.title,
    description: product.description,
    seller: product.seller,
    titleHtml: escapeHtml(product.title),
    descriptionHtml: escapeHtml(product.description),
    sellerHtml: escapeHtml(product.seller),
  };
}

export function renderProductPage(view: ProductView): string {
  switch (view.product.markup.template) {
    case 'amazon':
      return amazonPage(view);
    case 'amazon-legacy':
      return legacyAmazonPage(view);
    case 'json-ld':
      return jsonLdPage(view);
    case 'microdata':
      return microdataPage(view);
  }
}

const SCHEMA_AVAILABILITY = { in_stock: 'https://schema.org/InStock', out_of_stock: 'https://schema.org/OutOfStock' } as const;

function availabilitySentence({ product, offer }: ProductView): string {
  const texts = SHOP_TEXTS[product.market];
  if (offer.stockQuantity === 0) return texts.outOfStock;
  return offer.stockQuantity <= 5 ? texts.lowStock(offer.stockQuantity) : texts.inStock;
}

function shippingSentence({ product, offer }: ProductView): string {
  const texts = SHOP_TEXTS[product.market];
  return offer.shippingCents === 0 ? texts.freeShipping : texts.shippingCost(formatPrice(offer.shippingCents, product.markup.priceStyle));
}

/** "Venduto da {seller}" with the sentence escaped and the seller's markup (escaped or hostile) put in. */
function soldByHtml(view: ProductView, sellerMarkup: string): string {
  const placeholder = '\u0000';
  return escapeHtml(SHOP_TEXTS[view.product.market].soldBy(placeholder)).replace(placeholder, sellerMarkup);
}

function absolute(view: ProductView, path: string): string {
  return `${view.baseUrl}${path}`;
}

function head(view: ProductView, title: string, extra = ''): string {
  const { product } = view;
  return `<!DOCTYPE html>
<html lang="${MARKETS[product.market].locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="canonical" href="${escapeHtml(absolute(view, canonicalPath(product)))}">
${extra}</head>`;
}

function bulletsHtml(view: ProductView, itemClass: string): string {
  return view.product.bullets.map((b) => `<li><span class="${itemClass}">${escapeHtml(b)}</span></li>`).join('\n');
}

function amazonPage(view: ProductView): string {
  const { product, offer } = view;
  const texts = SHOP_TEXTS[product.market];
  const style = product.markup.priceStyle;
  const asin = product.sourceId;
  const inStock = offer.availability === 'in_stock';
  const parts = priceParts(offer.priceCents, style);
  const savings =
    offer.listPriceCents === null
      ? ''
      : `<span class="a-size-large a-color-price savingPriceOverride savingsPercentage">-${Math.round(((offer.listPriceCents - offer.priceCents) * 100) / offer.listPriceCents)}%</span>`;
  const listPrice =
    offer.listPriceCents === null
      ? ''
      : `<div class="a-section a-spacing-small aok-align-center"><span class="a-size-small a-color-secondary aok-align-center basisPrice">${escapeHtml(texts.listPriceLabel)} <span class="a-price a-text-price" data-a-size="s" data-a-strike="true" data-a-color="secondary"><span class="a-offscreen">${escapeHtml(formatPrice(offer.listPriceCents, style))}</span><span aria-hidden="true">${escapeHtml(formatPrice(offer.listPriceCents, style))}</span></span></span></div>`;
  // Amazon drops the whole price block when nobody sells the item right now.
  const priceBlock = inStock
    ? `<div id="corePriceDisplay_desktop_feature_div" class="celwidget">
<div class="a-section a-spacing-none aok-align-center aok-relative">${savings}
<span class="a-price aok-align-center reinventPricePriceToPayMargin priceToPay" data-a-size="xl" data-a-color="base"><span class="a-offscreen">${escapeHtml(formatPrice(offer.priceCents, style))}</span><span aria-hidden="true"><span class="a-price-whole">${escapeHtml(parts.whole)}<span class="a-price-decimal">${parts.decimalMark}</span></span><span class="a-price-fraction">${parts.fraction}</span><span class="a-price-symbol">${parts.symbol}</span></span></span>
</div>
${listPrice}${product.markup.vatNote ? `<div id="taxInclusiveMessage" class="a-section a-spacing-none"><span class="a-size-small a-color-secondary">${escapeHtml(texts.vatNote)}</span></div>` : ''}
</div>`
    : '';
  const images = product.imagePaths.map((p) => escapeHtml(absolute(view, p)));
  return `${head(view, `${escapeHtml(texts.shopName)}: ${view.titleHtml} : ${escapeHtml(product.category.name[product.market])}`)}
<body>
<div id="a-page">
<header id="navbar" role="banner"><a href="/" id="nav-logo-sprites" aria-label="${escapeHtml(texts.shopName)}">${escapeHtml(texts.shopName)}</a></header>
<div id="dp" class="${escapeHtml(product.category.key)}" data-asin="${asin}">
<div id="wayfinding-breadcrumbs_feature_div"><ul class="a-unordered-list a-horizontal"><li><a class="a-link-normal a-color-tertiary" href="/c/${escapeHtml(product.category.slug[product.market])}">${escapeHtml(product.category.name[product.market])}</a></li></ul></div>
<div id="leftCol">
<div id="imgTagWrapperId" class="imgTagWrapper"><img id="landingImage" alt="${view.titleHtml}" src="${images[0]}" data-old-hires="${images[0]}" data-a-dynamic-image="${escapeHtml(JSON.stringify({ [absolute(view, product.imagePaths[0] ?? '')]: [productImageSize(product).width, productImageSize(product).height] }))}"></div>
<ul id="altImages" class="a-unordered-list a-nostyle a-vertical">${images.map((src) => `<li class="a-spacing-small item imageThumbnail"><img src="${src}" alt=""></li>`).join('')}</ul>
</div>
<div id="centerCol">
<div id="titleSection"><h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large product-title-word-break">        ${view.titleHtml}       </span></h1></div>
<div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="/s?k=${encodeURIComponent(product.brand)}">${escapeHtml(texts.visitStore(product.brand))}</a></div>
${priceBlock}
<div id="feature-bullets" class="a-section a-spacing-medium a-spacing-top-small"><ul class="a-unordered-list a-vertical a-spacing-mini">
${bulletsHtml(view, 'a-list-item')}
</ul></div>
</div>
<div id="rightCol">
<div id="buybox" data-asin="${asin}">
<div id="availability" class="a-section a-spacing-base"><span class="a-size-medium ${inStock ? 'a-color-success' : 'a-color-price'}">${escapeHtml(availabilitySentence(view))}</span></div>
${inStock ? `<div id="mir-layout-DELIVERY_BLOCK" class="a-spacing-base"><span data-csa-c-delivery-price="${escapeHtml(offer.shippingCents === 0 ? '0' : formatPrice(offer.shippingCents, style))}">${escapeHtml(shippingSentence(view))}</span></div>` : ''}
<div id="merchantInfoFeature_feature_div"><span class="a-size-small offer-display-feature-text-message">${soldByHtml(view, view.sellerHtml)}</span></div>
<form id="addToCart" method="post" action="/cart/add-to-cart"><input type="hidden" id="ASIN" name="ASIN" value="${asin}"><input type="submit" id="add-to-cart-button" name="submit.add-to-cart" value="${escapeHtml(texts.addToCart)}"${inStock ? '' : ' disabled'}></form>
</div>
</div>
<div id="productDescription_feature_div"><h2>${escapeHtml(texts.productDescription)}</h2><div id="productDescription" class="a-section a-spacing-small"><p><span>${view.descriptionHtml}</span></p></div></div>
<div id="prodDetails"><h2>${escapeHtml(texts.productDetails)}</h2>
<table id="productDetails_detailBullets_sections1" class="a-keyvalue prodDetTable" role="presentation">
<tr><th class="a-color-secondary a-size-base prodDetSectionEntry">ASIN</th><td class="a-size-base prodDetAttrValue">${asin}</td></tr>
<tr><th class="a-color-secondary a-size-base prodDetSectionEntry">${escapeHtml(texts.brand)}</th><td class="a-size-base prodDetAttrValue">${escapeHtml(product.brand)}</td></tr>
${shown(product.pageModel, (model) => `<tr><th class="a-color-secondary a-size-base prodDetSectionEntry">${escapeHtml(texts.model)}</th><td class="a-size-base prodDetAttrValue">${escapeHtml(model)}</td></tr>`)}
${shown(product.pageGtin, (gtin) => `<tr><th class="a-color-secondary a-size-base prodDetSectionEntry">EAN</th><td class="a-size-base prodDetAttrValue">${gtin}</td></tr>`)}
</table></div>
</div>
</div>
</body>
</html>
`;
}

function legacyAmazonPage(view: ProductView): string {
  const { product, offer } = view;
  const texts = SHOP_TEXTS[product.market];
  const style = product.markup.priceStyle;
  const asin = product.sourceId;
  const inStock = offer.availability === 'in_stock';
  const listRow =
    offer.listPriceCents === null
      ? ''
      : `<tr><td class="a-color-secondary a-size-base a-text-right a-nowrap">${escapeHtml(texts.listPriceLabel)}</td><td class="a-span12 a-color-secondary a-size-base"><span class="a-text-strike">${escapeHtml(formatPrice(offer.listPriceCents, style))}</span></td></tr>`;
  const price = inStock
    ? `<div id="price" class="a-section a-spacing-small">
<table class="a-lineitem">
${listRow}
<tr id="priceblock_ourprice_row"><td id="priceblock_ourprice_lbl" class="a-color-secondary a-size-base a-text-right a-nowrap">${escapeHtml(texts.priceLabel)}</td><td class="a-span12"><span id="priceblock_ourprice" class="a-size-medium a-color-price priceBlockBuyingPriceString">${escapeHtml(formatPrice(offer.priceCents, style))}</span>
<span id="ourprice_shippingmessage"><span class="a-size-base a-color-secondary">${escapeHtml(shippingSentence(view))}</span></span></td></tr>
${product.markup.vatNote ? `<tr><td></td><td><span id="vatMessage" class="a-size-small a-color-secondary">${escapeHtml(texts.vatNote)}</span></td></tr>` : ''}
</table>
</div>`
    : '';
  const detail = (label: string, value: string) =>
    `<li><span class="a-list-item"><span class="a-text-bold">${escapeHtml(label)} &rlm; : &lrm;</span> <span>${escapeHtml(value)}</span></span></li>`;
  return `${head(view, `${escapeHtml(texts.shopName)}: ${view.titleHtml}`)}
<body class="dp">
<div id="dp-container" class="a-container" data-asin="${asin}">
<div id="wayfinding-breadcrumbs_feature_div"><ul class="a-unordered-list a-horizontal"><li><a class="a-link-normal a-color-tertiary" href="/c/${escapeHtml(product.category.slug[product.market])}">${escapeHtml(product.category.name[product.market])}</a></li></ul></div>
<div id="imageBlock"><img id="imgBlkFront" src="${escapeHtml(absolute(view, product.imagePaths[0] ?? ''))}" alt="${view.titleHtml}"></div>
<div id="centerCol" class="centerColAlign">
<h1 id="title" class="a-size-large a-spacing-none"><span id="productTitle" class="a-size-large">
${view.titleHtml}
</span></h1>
<a id="brand" class="a-link-normal" href="/s?k=${encodeURIComponent(product.brand)}">${escapeHtml(product.brand)}</a>
${price}
<div id="availability" class="a-section a-spacing-none"><span class="a-size-medium ${inStock ? 'a-color-success' : 'a-color-state'}">
${escapeHtml(availabilitySentence(view))}
</span></div>
<div id="merchant-info" class="a-section a-spacing-mini">${soldByHtml(view, view.sellerHtml)}</div>
<div id="feature-bullets" class="a-section a-spacing-medium"><ul class="a-unordered-list a-vertical a-spacing-none">
${bulletsHtml(view, 'a-list-item')}
</ul></div>
</div>
<div id="averageCustomerReviews" data-asin="${asin}"></div>
<div id="detailBullets_feature_div"><ul class="a-unordered-list a-nostyle a-vertical a-spacing-none detail-bullet-list">
${detail('ASIN', asin)}
${detail(texts.brand, product.brand)}
${shown(product.pageModel, (model) => detail(texts.model, model))}
${shown(product.pageGtin, (gtin) => detail('EAN', gtin))}
</ul></div>
<div id="productDescription" class="a-section a-spacing-small"><p>${view.descriptionHtml}</p></div>
</div>
</body>
</html>
`;
}

function jsonLdPrice(view: ProductView, cents: number): string | number {
  return view.product.markup.jsonLdNumericPrice ? Number(decimalAmount(cents)) : decimalAmount(cents);
}

function jsonLdOffer(view: ProductView, priceCents: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { product, offer } = view;
  return {
    '@type': 'Offer',
    url: absolute(view, canonicalPath(product)),
    priceCurrency: 'EUR',
    price: jsonLdPrice(view, priceCents),
    availability: SCHEMA_AVAILABILITY[offer.availability],
    itemCondition: 'https://schema.org/NewCondition',
    seller: { '@type': 'Organization', name: view.seller },
    shippingDetails: {
      '@type': 'OfferShippingDetails',
      shippingRate: { '@type': 'MonetaryAmount', value: jsonLdPrice(view, offer.shippingCents), currency: 'EUR' },
      shippingDestination: { '@type': 'DefinedRegion', addressCountry: product.market.toUpperCase() },
    },
    ...extra,
  };
}

function jsonLdProduct(view: ProductView): Record<string, unknown> {
  const { product, offer } = view;
  const markup = product.markup;
  const base = {
    name: view.title,
    description: view.description,
    image: product.imagePaths.map((p) => absolute(view, p)),
    brand: { '@type': 'Brand', name: product.brand },
    category: product.category.name[product.market],
  };
  const identity = {
    sku: product.sourceId,
    ...(product.pageGtin !== null && { gtin13: product.pageGtin }),
    ...(product.pageModel !== null && { mpn: product.pageModel }),
  };
  switch (markup.jsonLdShape) {
    case 'offer':
      return { '@type': 'Product', ...base, ...identity, offers: jsonLdOffer(view, offer.priceCents) };
    case 'aggregate':
      return {
        '@type': 'Product',
        ...base,
        ...identity,
        offers: {
          '@type': 'AggregateOffer',
          priceCurrency: 'EUR',
          lowPrice: jsonLdPrice(view, offer.priceCents),
          highPrice: jsonLdPrice(view, Math.round((offer.priceCents * markup.highPriceBasisPoints) / 10_000)),
          offerCount: markup.offerCount,
          availability: SCHEMA_AVAILABILITY[offer.availability],
        },
      };
    case 'offers':
      return {
        '@type': 'Product',
        ...base,
        ...identity,
        offers: [
          jsonLdOffer(view, offer.priceCents),
          jsonLdOffer(view, Math.round((offer.priceCents * markup.usedPriceBasisPoints) / 10_000), {
            itemCondition: 'https://schema.org/UsedCondition',
            name: SHOP_TEXTS[product.market].usedLikeNew,
            availability: SCHEMA_AVAILABILITY.in_stock,
          }),
        ],
      };
    case 'variants':
      return {
        '@type': 'ProductGroup',
        ...base,
        productGroupID: product.sourceId,
        variesBy: ['https://schema.org/color'],
        hasVariant: [
          {
            '@type': 'Product',
            name: view.title,
            ...identity,
            color: product.colour.name[product.market],
            offers: jsonLdOffer(view, offer.priceCents),
          },
          ...markup.variants.map((v) => ({
            '@type': 'Product',
            name: [product.brand, product.pageModel, v.colour.name[product.market]].filter(Boolean).join(' '),
            sku: v.sku,
            color: v.colour.name[product.market],
            offers: jsonLdOffer(view, Math.max(1, Math.round((offer.priceCents * (10_000 + v.priceDeltaBasisPoints)) / 10_000))),
          })),
        ],
      };
  }
}

function jsonLdDocument(view: ProductView): unknown {
  const { product } = view;
  const productNode = jsonLdProduct(view);
  if (!product.markup.jsonLdGraph) return { '@context': 'https://schema.org', ...productNode };
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'BreadcrumbList',
        itemListElement: [
          { '@type': 'ListItem', position: 1, name: SHOP_TEXTS[product.market].shopName, item: absolute(view, '/') },
          {
            '@type': 'ListItem',
            position: 2,
            name: product.category.name[product.market],
            item: absolute(view, `/c/${product.category.slug[product.market]}`),
          },
        ],
      },
      productNode,
    ],
  };
}

/** The visible price line of the non-Amazon shops: price, struck list price, VAT note. */
function shopPriceHtml(view: ProductView, priceAttributes: string): string {
  const { product, offer } = view;
  const style = product.markup.priceStyle;
  return `<span class="price"${priceAttributes}>${escapeHtml(formatPrice(offer.priceCents, style))}</span>${
    offer.listPriceCents === null ? '' : ` <del class="price-old">${escapeHtml(formatPrice(offer.listPriceCents, style))}</del>`
  }${product.markup.vatNote ? ` <small class="tax-info">${escapeHtml(SHOP_TEXTS[product.market].vatNote)}</small>` : ''}`;
}

function jsonLdPage(view: ProductView): string {
  const { product, offer } = view;
  const texts = SHOP_TEXTS[product.market];
  const variants = product.markup.variants;
  const variantPicker =
    variants.length === 0
      ? ''
      : `<label class="variant-picker">${escapeHtml(texts.colour)} <select name="variant"><option value="${product.sourceId}" selected>${escapeHtml(product.colour.name[product.market])}</option>${variants
          .map((v) => `<option value="${escapeHtml(v.sku)}">${escapeHtml(v.colour.name[product.market])}</option>`)
          .join('')}</select></label>`;
  return `${head(
    view,
    `${view.titleHtml} | ${escapeHtml(texts.shopName)}`,
    `<meta name="description" content="${view.descriptionHtml}">
<script type="application/ld+json">${jsonForScript(jsonLdDocument(view))}</script>
`,
  )}
<body class="product-template">
<header class="site-header"><a class="logo" href="/">${escapeHtml(texts.shopName)}</a></header>
<nav class="breadcrumb"><a href="/">${escapeHtml(texts.shopName)}</a> › <a href="/c/${escapeHtml(product.category.slug[product.market])}">${escapeHtml(product.category.name[product.market])}</a></nav>
<main class="product" data-product-id="${product.sourceId}">
<div class="product-gallery">${product.imagePaths.map((p) => `<img src="${escapeHtml(absolute(view, p))}" alt="${view.titleHtml}" loading="lazy">`).join('')}</div>
<div class="product-info">
<h1 class="product-title">${view.titleHtml}</h1>
<div class="product-brand">${escapeHtml(product.brand)}</div>
<div class="price-box">${shopPriceHtml(view, '')}</div>
<p class="stock ${offer.availability === 'in_stock' ? 'in-stock' : 'out-of-stock'}">${escapeHtml(availabilitySentence(view))}</p>
<p class="shipping">${escapeHtml(shippingSentence(view))}</p>
<p class="seller">${soldByHtml(view, view.sellerHtml)}</p>
${variantPicker}
<button class="add-to-cart" type="button"${offer.availability === 'in_stock' ? '' : ' disabled'}>${escapeHtml(texts.addToCart)}</button>
<div class="description">${view.descriptionHtml}</div>
<ul class="features">
${bulletsHtml(view, 'feature')}
</ul>
<dl class="specs"><dt>${escapeHtml(texts.brand)}</dt><dd>${escapeHtml(product.brand)}</dd>${shown(product.pageModel, (model) => `<dt>${escapeHtml(texts.model)}</dt><dd>${escapeHtml(model)}</dd>`)}${shown(product.pageGtin, (gtin) => `<dt>EAN</dt><dd>${gtin}</dd>`)}<dt>SKU</dt><dd>${product.sourceId}</dd></dl>
</div>
</main>
</body>
</html>
`;
}

function microdataPage(view: ProductView): string {
  const { product, offer } = view;
  const texts = SHOP_TEXTS[product.market];
  const og = product.markup.openGraphPrefix;
  const url = escapeHtml(absolute(view, canonicalPath(product)));
  const image = escapeHtml(absolute(view, product.imagePaths[0] ?? ''));
  const amount = decimalAmount(offer.priceCents);
  // Facebook's catalogue spells availability "in stock"; the older og: tags used "instock".
  const ogAvailability =
    og === 'product' ? (offer.availability === 'in_stock' ? 'in stock' : 'out of stock') : offer.availability.replace('_', '');
  const openGraph = `<meta property="og:type" content="${og === 'product' ? 'product' : 'og:product'}">
<meta property="og:site_name" content="${escapeHtml(texts.shopName)}">
<meta property="og:title" content="${view.titleHtml}">
<meta property="og:description" content="${view.descriptionHtml}">
<meta property="og:url" content="${url}">
<meta property="og:image" content="${image}">
<meta property="${og}:price:amount" content="${amount}">
<meta property="${og}:price:currency" content="EUR">
<meta property="${og}:availability" content="${ogAvailability}">
${
  og === 'product'
    ? `<meta property="product:brand" content="${escapeHtml(product.brand)}">
<meta property="product:retailer_item_id" content="${product.sourceId}">
<meta property="product:condition" content="new">
`
    : ''
}`;
  return `${head(view, `${view.titleHtml} - ${escapeHtml(texts.shopName)}`, openGraph)}
<body>
<header class="header"><a href="/" class="header__logo">${escapeHtml(texts.shopName)}</a></header>
<div class="product-page" itemscope itemtype="https://schema.org/Product">
<div class="product-page__media"><img itemprop="image" src="${image}" alt="${view.titleHtml}"></div>
<div class="product-page__main">
<h1 class="product-page__title" itemprop="name">${view.titleHtml}</h1>
<meta itemprop="sku" content="${product.sourceId}">
${shown(product.pageGtin, (gtin) => `<meta itemprop="gtin13" content="${gtin}">`)}
${shown(product.pageModel, (model) => `<meta itemprop="mpn" content="${escapeHtml(model)}">`)}
<div itemprop="brand" itemscope itemtype="https://schema.org/Brand">${escapeHtml(texts.brand)}: <span itemprop="name">${escapeHtml(product.brand)}</span></div>
<div class="product-page__offer" itemprop="offers" itemscope itemtype="https://schema.org/Offer">
<meta itemprop="priceCurrency" content="EUR">
<link itemprop="url" href="${url}">
<div class="product-page__price">${shopPriceHtml(view, ` itemprop="price" content="${amount}"`)}</div>
<link itemprop="availability" href="${SCHEMA_AVAILABILITY[offer.availability]}">
<link itemprop="itemCondition" href="https://schema.org/NewCondition">
<p class="product-page__availability">${escapeHtml(availabilitySentence(view))}</p>
<p class="product-page__shipping">${escapeHtml(shippingSentence(view))}</p>
<p class="product-page__seller" itemprop="seller" itemscope itemtype="https://schema.org/Organization">${soldByHtml(view, `<span itemprop="name">${view.sellerHtml}</span>`)}</p>
</div>
<div class="product-page__description" itemprop="description">${view.descriptionHtml}</div>
<ul class="product-page__features">
${bulletsHtml(view, 'feature')}
</ul>
<table class="product-page__specs">${shown(product.pageModel, (model) => `<tr><th>${escapeHtml(texts.model)}</th><td>${escapeHtml(model)}</td></tr>`)}${shown(product.pageGtin, (gtin) => `<tr><th>EAN</th><td>${gtin}</td></tr>`)}<tr><th>${escapeHtml(texts.category)}</th><td>${escapeHtml(product.category.name[product.market])}</td></tr></table>
</div>
</div>
</body>
</html>
`;
}

/** The robot check that Amazon-like shops show instead of the page asked for, with status 200. */
export function renderCaptchaPage(market: MarketCode, requestedPath: string, token: string): string {
  const texts = SHOP_TEXTS[market];
  return `<!DOCTYPE html>
<html lang="${MARKETS[market].locale}">
<head><meta charset="utf-8"><title>${escapeHtml(texts.shopName)}</title></head>
<body>
<div class="a-container a-padding-double-large">
<h1 class="a-spacing-small">${escapeHtml(texts.captchaTitle)}</h1>
<div class="a-box a-alert a-alert-info a-spacing-base"><h4>${escapeHtml(texts.captchaPrompt)}</h4></div>
<form method="get" action="/errors/validateCaptcha" name="captcha">
<input type="hidden" name="amzn" value="${escapeHtml(token)}"><input type="hidden" name="amzn-r" value="${escapeHtml(requestedPath)}">
<div class="a-row a-text-center"><img src="/captcha/${escapeHtml(token)}.jpg" alt=""></div>
<input autocomplete="off" spellcheck="false" placeholder="${escapeHtml(texts.captchaPrompt)}" id="captchacharacters" name="field-keywords" type="text">
<button type="submit" class="a-button-text">${escapeHtml(texts.captchaButton)}</button>
</form>
</div>
</body>
</html>
`;
}
