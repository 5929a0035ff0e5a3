// A stand-in for eBay's OAuth token endpoint and Browse API, on the control API's address and in
// their wire formats, so that the application's eBay client (ebay-api) talks to it as to
// api.ebay.com once its requests' origin is rewritten:
// - `POST /identity/v1/oauth2/token`: the client-credentials grant, the app's id and secret in
//   `Authorization: Basic …`, for an application token of two hours;
// - `GET /buy/browse/v1/item/{item_id}` (getItem) with `Authorization: Bearer …`, the market in
//   `X-EBAY-C-MARKETPLACE-ID` and the item in eBay's RESTful form `v1|{legacy id}|0`, where the
//   legacy id is a shop's source id.
// Offers are the shops' own, with the market's offer faults. eBay limits Browse calls per app and
// day (5,000); the stand-in counts them (the control API's summary) but never refuses one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MARKET_CODES, MARKETS, type MarketCode } from '../../src/common/markets';
import { slugify } from '../../src/common/slug';
import { canonicalPath, type SimProduct } from './catalog-generator';
import type { ErrorFault } from './faults';
import { answer, decimalOf, headerOf, marketFaults, readFields, type PartnerContext, type PartnerOutcome } from './partner-api-common';
import { hashKey } from './seeded-random';
import { decodeSegment, json, type Reply } from './shop-routes';

/** eBay's ids of its sites in the four markets (the Browse API's X-EBAY-C-MARKETPLACE-ID). */
const EBAY_TOKEN_PATH = '/identity/v1/oauth2/token';
const EBAY_PATH_PREFIXES = ['/identity/v1/oauth2/', '/buy/browse/'];
const ITEM_PATH = /^\/buy\/browse\/v1\/item\/([^/]+)$/;
/** RESTful item ids: `v1|{legacy item id}|{variation id, 0 for an item without variations}`. */
const ITEM_ID = /^v1\|([^|]+)\|(\d+)$/;
/** What eBay assumes when a call names no marketplace; not one of ours. */
const DEFAULT_MARKETPLACE = 'EBAY_US';

const MARKET_OF_MARKETPLACE: ReadonlyMap<string, MarketCode> = new Map(MARKET_CODES.map((m) => [MARKETS[m].ebayMarketplaceId, m]));

/** The public scope, and its narrower kin (`…/api_scope/buy.item.feed`), are what an application token may carry. */
const ClientCredentialsGrant = z.object({
  grant_type: z.literal('client_credentials'),
  scope: z.string().regex(/^https:\/\/api\.ebay\.com\/oauth\/api_scope(\/\S+)?( https:\/\/api\.ebay\.com\/oauth\/api_scope(\/\S+)?)*$/),
});

interface EbayError {
  readonly errorId: number;
  readonly domain: string;
  readonly category: 'REQUEST' | 'APPLICATION';
  readonly message: string;
  readonly longMessage?: string;
}

const INVALID_TOKEN: EbayError = {
  errorId: 1001,
  domain: 'OAuth',
  category: 'REQUEST',
  message: 'Invalid access token',
  longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
};
const NOT_FOUND: EbayError = { errorId: 11001, domain: 'API_BROWSE', category: 'REQUEST', message: 'The specified item ID was not found.' };
const SYSTEM_ERROR: EbayError = {
  errorId: 10001,
  domain: 'API_BROWSE',
  category: 'APPLICATION',
  message: 'System error.',
  longMessage: 'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.',
};
/** eBay's own answer to each error fault. */
const FAULT_ERRORS: Readonly<Record<ErrorFault['status'], EbayError>> = {
  429: {
    errorId: 2001,
    domain: 'ACCESS',
    category: 'REQUEST',
    message: 'Too many requests. The request limit has been reached for the resource.',
  },
  500: SYSTEM_ERROR,
  503: SYSTEM_ERROR,
};

const ebayError = (status: number, error: EbayError, headers?: Record<string, string>): Reply => json(status, { errors: [error] }, headers);

function faultReply(error: ErrorFault): Reply {
  return ebayError(
    error.status,
    FAULT_ERRORS[error.status],
    error.status === 500 ? {} : { 'retry-after': String(error.retryAfterSeconds) },
  );
}

/** Whether the path is eBay's: the stand-in answers them all, those it does not serve with a 404 in eBay's format. */
export function isEbayPath(path: string): boolean {
  return EBAY_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
}

const DAY_MS = 86_400_000;
const LISTED_FROM_MS = Date.UTC(2023, 0, 1);

/** getItem's item: the shop's offer, its product page as the listing's page, listed on a day of 2023–2024 drawn from the product. */
function browseItem(ctx: PartnerContext, product: SimProduct): unknown {
  const offer = ctx.state.servedOffer(product);
  const shopUrl = ctx.urls[product.market];
  const listedDay = hashKey(ctx.state.settings.seed, product.market, product.index, 'listed') % 731;
  return {
    itemId: `v1|${product.sourceId}|0`,
    legacyItemId: product.sourceId,
    title: product.title,
    price: { value: decimalOf(offer.priceCents), currency: 'EUR' },
    condition: 'New',
    conditionId: '1000',
    brand: product.brand,
    mpn: product.model,
    gtin: product.gtin,
    image: { imageUrl: `${shopUrl}${product.imagePaths[0]}` },
    itemWebUrl: `${shopUrl}${canonicalPath(product)}`,
    seller: { username: slugify(product.seller) },
    shippingOptions: [{ shippingCostType: 'FIXED', shippingCost: { value: decimalOf(offer.shippingCents), currency: 'EUR' } }],
    estimatedAvailabilities: [
      {
        deliveryOptions: ['SHIP_TO_HOME'],
        estimatedAvailabilityStatus: offer.availability === 'in_stock' ? 'IN_STOCK' : 'OUT_OF_STOCK',
        estimatedAvailableQuantity: offer.stockQuantity,
      },
    ],
    itemCreationDate: new Date(LISTED_FROM_MS + listedDay * DAY_MS).toISOString(),
  };
}

function getItem(ctx: PartnerContext, req: IncomingMessage, path: string, itemId: string): PartnerOutcome {
  const now = ctx.state.now();
  const bearer = /^Bearer (\S+)$/.exec(headerOf(req, 'authorization') ?? '')?.[1];
  const check = ctx.partnerApis.ebayTokens.check(bearer, now);
  if ('refused' in check) return ebayError(401, INVALID_TOKEN);
  ctx.partnerApis.countBrowseCall(check.clientId, now);
  const marketplaceId = headerOf(req, 'x-ebay-c-marketplace-id') ?? DEFAULT_MARKETPLACE;
  const market = MARKET_OF_MARKETPLACE.get(marketplaceId);
  if (!market) {
    return ebayError(400, {
      errorId: 13022,
      domain: 'API_BROWSE',
      category: 'REQUEST',
      message: `The marketplace ${marketplaceId} is not supported.`,
      longMessage: `Send X-EBAY-C-MARKETPLACE-ID with one of ${[...MARKET_OF_MARKETPLACE.keys()].join(', ')}.`,
    });
  }
  const id = ITEM_ID.exec(itemId);
  if (!id) {
    return ebayError(400, {
      errorId: 11006,
      domain: 'API_BROWSE',
      category: 'REQUEST',
      message: 'The legacy ID is invalid.',
      longMessage: `The item ID ${itemId} is not of the form v1|{legacy item id}|0.`,
    });
  }
  // The shops' items have no variations: only variation 0 exists.
  const product = id[2] === '0' ? ctx.state.catalog.productBySourceId(market, id[1] as string) : null;
  return {
    faults: marketFaults(ctx, market, path, product?.index),
    respond: () => (product ? json(200, browseItem(ctx, product)) : ebayError(404, NOT_FOUND)),
  };
}

/** An `Authorization: Basic …` header's client id and secret, or null. */
function basicCredentials(header: string | undefined): { readonly id: string; readonly secret: string } | null {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

async function token(ctx: PartnerContext, req: IncomingMessage): Promise<Reply> {
  const client = basicCredentials(headerOf(req, 'authorization'));
  const tokens = ctx.partnerApis.ebayTokens;
  if (!client || !tokens.authenticates(client.id, client.secret)) {
    return json(401, { error: 'invalid_client', error_description: 'client authentication failed' });
  }
  const parsed = ClientCredentialsGrant.safeParse((await readFields(req)) ?? {});
  if (!parsed.success) {
    return parsed.error.issues[0]?.path[0] === 'grant_type'
      ? json(400, {
          error: 'unsupported_grant_type',
          error_description: 'grant type in request is not supported by the authorization server',
        })
      : json(400, {
          error: 'invalid_scope',
          error_description: 'The requested scope is invalid, unknown, malformed, or exceeds the scope granted to the client',
        });
  }
  return json(200, {
    access_token: tokens.issue(client.id, ctx.state.now()),
    expires_in: tokens.lifetimeSeconds,
    token_type: 'Application Access Token',
  });
}

async function route(ctx: PartnerContext, req: IncomingMessage, method: string, path: string): Promise<PartnerOutcome> {
  const notAllowed = (allowed: string) =>
    ebayError(
      405,
      { errorId: 2002, domain: 'ACCESS', category: 'REQUEST', message: `Method not allowed: ${path} accepts ${allowed} only.` },
      { allow: allowed },
    );
  if (path === EBAY_TOKEN_PATH) return method === 'POST' ? token(ctx, req) : notAllowed('POST');
  const m = ITEM_PATH.exec(path);
  const itemId = m ? decodeSegment(m[1] as string) : null;
  if (itemId !== null) return method === 'GET' ? getItem(ctx, req, path, itemId) : notAllowed('GET');
  return ebayError(404, {
    errorId: 2002,
    domain: 'ACCESS',
    category: 'REQUEST',
    message: `Resource not found: this stand-in serves getItem only, not ${path}.`,
  });
}

export async function handleEbayRequest(ctx: PartnerContext, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const arrivedAt = performance.now();
  answer(ctx, res, arrivedAt, await route(ctx, req, req.method ?? 'GET', path), faultReply);
}
