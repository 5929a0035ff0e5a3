// A stand-in for Amazon's Selling Partner API (the EU endpoint, one host for the four markets)
// and its Login with Amazon token endpoint, on the control API's address and in their wire
// formats, so that the application's SP-API client (@sp-api-sdk/product-pricing-api-v0) and its
// LWA client talk to it as to sellingpartnerapi-eu.amazon.com and api.amazon.com:
// - `POST /auth/o2/token`: a refresh-token grant (form or JSON) for an access token of an hour;
// - `GET /products/pricing/v0/items/{Asin}/offers` (getItemOffers) with the token in
//   `x-amz-access-token`, and `POST /batches/products/pricing/v0/itemOffers` (getItemOffersBatch,
//   1 to 20 of them, each answered with its own status).
// Offers are the shops' own, with the market's offer faults; throttled per selling account and
// operation at Amazon's published rates unless the partnerRateLimits setting is off. An ASIN no
// shop of that marketplace sells gets a 404 NotFound (the real API's answer for an unknown ASIN
// varies between a 400 and an empty payload; a 404 tells a client plainly that the item is gone).
import type {
  GetOffersResult,
  ItemOffersRequestParams,
  ItemOffersResponse,
  ModelError,
  MoneyType,
} from '@sp-api-sdk/product-pricing-api-v0';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { MARKET_CODES, MARKETS, type MarketCode } from '../../src/common/markets';
import type { SimProduct } from './catalog-generator';
import type { ErrorFault, FaultDecision } from './faults';
import type { OfferState } from './offer-drift';
import {
  amountOf,
  answer,
  batchFaults,
  headerOf,
  marketFaults,
  readFields,
  type PartnerContext,
  type PartnerOutcome,
  type UsagePlan,
} from './partner-api-common';
import { hashKey } from './seeded-random';
import { decodeSegment, json, type Reply } from './shop-routes';

/** Amazon's ids of its stores in the four markets (SP-API's MarketplaceId). */
const LWA_TOKEN_PATH = '/auth/o2/token';
const SP_API_PATH_PREFIXES = ['/auth/o2/', '/products/pricing/', '/batches/products/pricing/'];
const ITEM_OFFERS_PATH = /^\/products\/pricing\/v0\/items\/([^/]+)\/offers$/;
const ITEM_OFFERS_BATCH_PATH = '/batches/products/pricing/v0/itemOffers';
const MAX_BATCH_REQUESTS = 20;

const GET_ITEM_OFFERS: UsagePlan = { operation: 'getItemOffers', rate: 0.5, burst: 1 };
const GET_ITEM_OFFERS_BATCH: UsagePlan = { operation: 'getItemOffersBatch', rate: 0.1, burst: 1 };

const MARKET_OF_MARKETPLACE: ReadonlyMap<string, MarketCode> = new Map(MARKET_CODES.map((m) => [MARKETS[m].amazonMarketplaceId, m]));
const ITEM_CONDITIONS = ['New', 'Used', 'Collectible', 'Refurbished', 'Club'] as const;

/** Whether the path is SP-API's or LWA's: the stand-in answers them all, those it does not serve with a 404 in SP-API's format. */
export function isSpApiPath(path: string): boolean {
  return SP_API_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
}

// Parameter errors say `{parameter} {message}`, so each message reads on from its parameter's name.
const required = (expected: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${expected}`);

const OfferParams = z.object({
  MarketplaceId: z.enum([...MARKET_OF_MARKETPLACE.keys()], {
    error: required(`the id of a marketplace this endpoint serves: ${[...MARKET_OF_MARKETPLACE.keys()].join(', ')}`),
  }),
  ItemCondition: z.enum(ITEM_CONDITIONS, { error: required(`one of ${ITEM_CONDITIONS.join(', ')}`) }),
  CustomerType: z.enum(['Consumer', 'Business'], { error: required('Consumer or Business') }).optional(),
});
type OfferParams = z.infer<typeof OfferParams>;

const ItemOffersBatchRequest = z.object({
  requests: z
    .array(
      OfferParams.extend({
        uri: z
          .string({ error: required('a string') })
          .regex(ITEM_OFFERS_PATH, { error: 'must be /products/pricing/v0/items/{Asin}/offers' }),
        method: z.literal('GET', { error: required('GET') }),
        headers: z.record(z.string(), z.string()).optional(),
      }),
      { error: required('a list') },
    )
    .min(1, { error: `must hold 1 to ${MAX_BATCH_REQUESTS} requests` })
    .max(MAX_BATCH_REQUESTS, { error: `must hold 1 to ${MAX_BATCH_REQUESTS} requests` }),
});

const LwaTokenRequest = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string().min(1),
  client_id: z.string(),
  client_secret: z.string(),
});

type ErrorsBody = { readonly errors: readonly ModelError[] };
const errorsBody = (code: string, message: string, details = ''): ErrorsBody => ({ errors: [{ code, message, details }] });

const QUOTA_EXCEEDED = errorsBody('QuotaExceeded', 'You exceeded your quota for the requested resource.');
/** Amazon's own answer to each error fault. */
const FAULT_ERRORS: Readonly<Record<ErrorFault['status'], ErrorsBody>> = {
  429: QUOTA_EXCEEDED,
  500: errorsBody('InternalFailure', 'We encountered an internal error. Please try again.'),
  503: errorsBody('ServiceUnavailable', 'Service temporarily unavailable. Please try again.'),
};

const spJson = (status: number, body: unknown, plan?: UsagePlan, headers?: Record<string, string>): Reply =>
  json(status, body, {
    'x-amzn-RequestId': randomUUID(),
    ...(plan && { 'x-amzn-RateLimit-Limit': String(plan.rate) }),
    ...headers,
  });

/** getItemOffers' answer to an error fault; a batch meets none as a whole, its parts' errors stay with them. */
function faultReply(error: ErrorFault): Reply {
  const retryAfter: Record<string, string> = error.status === 500 ? {} : { 'retry-after': String(error.retryAfterSeconds) };
  return spJson(error.status, FAULT_ERRORS[error.status], GET_ITEM_OFFERS, retryAfter);
}

/** `{parameter} {message}` for the first parameter at fault, as SP-API's InvalidInput names it. */
function invalidInput(error: z.ZodError, plan: UsagePlan): Reply {
  const issue = error.issues[0];
  const parameter = issue?.path.join('.') || 'body';
  return spJson(400, errorsBody('InvalidInput', `${parameter} ${issue?.message ?? 'is invalid'}`), plan);
}

/** The 403 (no live token) or 429 (throttled) SP-API answers before looking at the request, or null. */
function admit(ctx: PartnerContext, req: IncomingMessage, plan: UsagePlan): Reply | null {
  const check = ctx.partnerApis.lwaTokens.check(headerOf(req, 'x-amz-access-token'), ctx.state.now());
  if ('refused' in check) {
    const details =
      check.refused === 'expired'
        ? 'The access token you provided has expired.'
        : 'The access token you provided is revoked, malformed or invalid.';
    return spJson(403, errorsBody('Unauthorized', 'Access to requested resource is denied.', details), plan);
  }
  if (ctx.state.settings.partnerRateLimits && !ctx.partnerApis.spApiThrottle.take(`${check.clientId} ${plan.operation}`, plan)) {
    return spJson(429, QUOTA_EXCEEDED, plan);
  }
  return null;
}

const money = (cents: number): MoneyType => ({ CurrencyCode: 'EUR', Amount: amountOf(cents) });

/** Amazon-like (A and 14 letters or digits), the same for a seller in every market. */
const sellerIdOf = (seller: string): string =>
  `A${[hashKey('seller', seller), hashKey(seller, 'seller')].map((h) => h.toString(36).toUpperCase().padStart(7, '0')).join('')}`;

/**
 * The shop's one offer as getItemOffers describes it. The shops sell new items only, shipped by
 * themselves: another condition, or a product out of stock, has no offer to buy, which SP-API
 * says with the status NoBuyableOffers, no offers and no Buy Box.
 */
function offersPayload(
  product: SimProduct,
  offer: OfferState,
  marketplaceId: string,
  condition: OfferParams['ItemCondition'],
): GetOffersResult {
  const head = {
    ASIN: product.sourceId,
    ItemCondition: condition,
    marketplaceId,
    Identifier: { MarketplaceId: marketplaceId, ASIN: product.sourceId, ItemCondition: condition },
  };
  if (condition !== 'New' || offer.availability === 'out_of_stock') {
    return { ...head, status: 'NoBuyableOffers', Summary: { TotalOfferCount: 0 }, Offers: [] };
  }
  const ListingPrice = money(offer.priceCents);
  const Shipping = money(offer.shippingCents);
  const LandedPrice = money(offer.priceCents + offer.shippingCents);
  const count = [{ condition: 'new', fulfillmentChannel: 'Merchant' as const, OfferCount: 1 }];
  return {
    ...head,
    status: 'Success',
    Summary: {
      TotalOfferCount: 1,
      NumberOfOffers: count,
      LowestPrices: [{ condition: 'new', fulfillmentChannel: 'Merchant', LandedPrice, ListingPrice, Shipping }],
      BuyBoxPrices: [{ condition: 'New', LandedPrice, ListingPrice, Shipping }],
      BuyBoxEligibleOffers: count,
      ...(offer.listPriceCents !== null && { ListPrice: money(offer.listPriceCents) }),
    },
    Offers: [
      {
        SellerId: sellerIdOf(product.seller),
        SubCondition: 'new',
        ListingPrice,
        Shipping,
        ShippingTime: { minimumHours: 24, maximumHours: 48, availabilityType: 'NOW' },
        IsFulfilledByAmazon: false,
        IsBuyBoxWinner: true,
        IsFeaturedMerchant: true,
      },
    ],
  };
}

/** One item's look-up in a marketplace, for a call on its own or in a batch. */
interface ItemLookup {
  readonly params: OfferParams;
  readonly asin: string;
  readonly product: SimProduct | null;
  readonly faults: FaultDecision;
}

function lookUp(ctx: PartnerContext, params: OfferParams, asin: string, path: string): ItemLookup {
  const market = MARKET_OF_MARKETPLACE.get(params.MarketplaceId) as MarketCode;
  const product = ctx.state.catalog.productBySourceId(market, asin);
  return { params, asin, product, faults: marketFaults(ctx, market, path, product?.index) };
}

/** The status and body of a look-up once answered (its error fault, if any, included). */
function lookUpAnswer(ctx: PartnerContext, lookup: ItemLookup): { status: number; body: { payload: GetOffersResult } | ErrorsBody } {
  const { params, asin, product, faults } = lookup;
  if (faults.error) return { status: faults.error.status, body: FAULT_ERRORS[faults.error.status] };
  if (!product)
    return { status: 404, body: errorsBody('NotFound', `Item not found for ASIN ${asin} in marketplace ${params.MarketplaceId}`) };
  return {
    status: 200,
    body: { payload: offersPayload(product, ctx.state.servedOffer(product), params.MarketplaceId, params.ItemCondition) },
  };
}

function getItemOffers(ctx: PartnerContext, req: IncomingMessage, path: string, asin: string, query: URLSearchParams): PartnerOutcome {
  const refused = admit(ctx, req, GET_ITEM_OFFERS);
  if (refused) return refused;
  const parsed = OfferParams.safeParse(Object.fromEntries(query));
  if (!parsed.success) return invalidInput(parsed.error, GET_ITEM_OFFERS);
  const lookup = lookUp(ctx, parsed.data, asin, path);
  return {
    faults: lookup.faults,
    respond: () => {
      const { status, body } = lookUpAnswer(ctx, lookup);
      return spJson(status, body, GET_ITEM_OFFERS);
    },
  };
}

type BatchElement = Omit<ItemOffersResponse, 'body'> & { body: ReturnType<typeof lookUpAnswer>['body'] };

async function getItemOffersBatch(ctx: PartnerContext, req: IncomingMessage): Promise<PartnerOutcome> {
  const refused = admit(ctx, req, GET_ITEM_OFFERS_BATCH);
  if (refused) return refused;
  const body = await readFields(req);
  if (body === null) {
    return spJson(400, errorsBody('InvalidInput', 'The request body must be a JSON object of at most 64 KiB'), GET_ITEM_OFFERS_BATCH);
  }
  const parsed = ItemOffersBatchRequest.safeParse(body);
  if (!parsed.success) return invalidInput(parsed.error, GET_ITEM_OFFERS_BATCH);
  ctx.partnerApis.spApiBatches += 1;
  const lookups = parsed.data.requests.map((r) => {
    const segment = (ITEM_OFFERS_PATH.exec(r.uri) as RegExpExecArray)[1] as string;
    return lookUp(ctx, r, decodeSegment(segment) ?? segment, r.uri);
  });
  return {
    faults: batchFaults(lookups.map((l) => l.faults)),
    respond: () => {
      const responses = lookups.map((lookup): BatchElement => {
        const { status, body } = lookUpAnswer(ctx, lookup);
        const { MarketplaceId, ItemCondition, CustomerType } = lookup.params;
        const request: ItemOffersRequestParams = { MarketplaceId, ItemCondition, ...(CustomerType && { CustomerType }), Asin: lookup.asin };
        return {
          status: { statusCode: status, reasonPhrase: STATUS_CODES[status] ?? '' },
          headers: { 'x-amzn-RequestId': randomUUID() },
          body,
          request,
        };
      });
      return spJson(200, { responses }, GET_ITEM_OFFERS_BATCH);
    },
  };
}

async function lwaToken(ctx: PartnerContext, req: IncomingMessage): Promise<Reply> {
  const fields = (await readFields(req)) ?? {};
  const parsed = LwaTokenRequest.safeParse(fields);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'grant_type');
    const problem = fields[field] === undefined ? 'is missing a required parameter' : 'has an invalid parameter';
    return json(400, { error: 'invalid_request', error_description: `The request ${problem} : ${field}` });
  }
  const { client_id, client_secret, refresh_token } = parsed.data;
  const tokens = ctx.partnerApis.lwaTokens;
  if (!tokens.authenticates(client_id, client_secret)) {
    return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
  }
  return json(200, {
    access_token: tokens.issue(client_id, ctx.state.now()),
    refresh_token,
    token_type: 'bearer',
    expires_in: tokens.lifetimeSeconds,
  });
}

async function route(
  ctx: PartnerContext,
  req: IncomingMessage,
  method: string,
  path: string,
  query: URLSearchParams,
): Promise<PartnerOutcome> {
  const only = (allowed: string, outcome: () => PartnerOutcome | Promise<PartnerOutcome>) =>
    method === allowed
      ? outcome()
      : spJson(405, errorsBody('MethodNotAllowed', `${path} accepts ${allowed} only`), undefined, { allow: allowed });
  if (path === LWA_TOKEN_PATH) return only('POST', () => lwaToken(ctx, req));
  if (path === ITEM_OFFERS_BATCH_PATH) return only('POST', () => getItemOffersBatch(ctx, req));
  const m = ITEM_OFFERS_PATH.exec(path);
  const asin = m ? decodeSegment(m[1] as string) : null;
  if (asin !== null) return only('GET', () => getItemOffers(ctx, req, path, asin, query));
  return spJson(404, errorsBody('NotFound', `This stand-in serves getItemOffers and getItemOffersBatch only, not ${path}`));
}

export async function handleSpApiRequest(
  ctx: PartnerContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const arrivedAt = performance.now();
  answer(ctx, res, arrivedAt, await route(ctx, req, req.method ?? 'GET', path, query), faultReply);
}
