// The SP-API, Login with Amazon and eBay stand-ins driven by the clients the application uses
// (@sp-api-sdk/product-pricing-api-v0 over axios, ebay-api with its own token handling): offers
// exact from the shops' cents, out of stock as each API says it, unknown items, tokens refused,
// expired and renewed, batches answered part by part, Amazon's throttling, and the market's
// offer faults in each API's own error format.
import { ProductPricingApi, type GetOffersResult } from '@sp-api-sdk/product-pricing-api-v0';
import axios from 'axios';
import eBayApi from 'ebay-api';
import { AxiosRequest } from 'ebay-api/lib/request.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { MARKET_CODES, MARKETS, type MarketCode } from '../../src/common/markets';
import { canonicalPath, type SimProduct } from './catalog-generator';
import type { RunningSimulator } from './simulator';
import { control, findProduct, useSimulator } from './simulator-testing';

const { sim, clock } = useSimulator();

interface ProductInfo {
  offer: { priceCents: number; shippingCents: number; stockQuantity: number };
}

interface Failure {
  status: number;
  data: unknown;
  headers: Record<string, unknown>;
}

const steady = (market: MarketCode, skip = 0): SimProduct => {
  let seen = 0;
  return findProduct(sim(), market, (p) => p.stockProfile === 'steady' && seen++ === skip);
};

async function offerNow(product: SimProduct): Promise<ProductInfo['offer']> {
  return ((await control(sim(), 'GET', `/markets/${product.market}/products/${product.sourceId}`)).body as ProductInfo).offer;
}

/** The app will have a small LWA client of its own: this is the form it posts. */
async function lwaToken(running: RunningSimulator, clientId = 'amzn1.application-oa2-client.test', secret = 'lwa-secret'): Promise<string> {
  const response = await fetch(`${running.partnerApiUrl}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'Atzr|refresh', client_id: clientId, client_secret: secret }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const pricingApi = (running: RunningSimulator, token?: string) =>
  new ProductPricingApi(
    undefined,
    running.partnerApiUrl,
    axios.create({ headers: token === undefined ? {} : { 'x-amz-access-token': token } }),
  );

async function itemOffers(api: ProductPricingApi, product: SimProduct): Promise<GetOffersResult> {
  const response = await api.getItemOffers({
    marketplaceId: MARKETS[product.market].amazonMarketplaceId,
    itemCondition: 'New',
    asin: product.sourceId,
  });
  expect(response.status).toBe(200);
  return response.data.payload as GetOffersResult;
}

async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    if (axios.isAxiosError(error) && error.response) {
      const { status, data, headers } = error.response;
      return { status, data, headers: headers as Record<string, unknown> };
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

const EBAY_ORIGIN = 'https://api.ebay.com';

/** ebay-api's own request object, sent to the simulator instead of api.ebay.com (the app will have its own). */
function ebayApi(market: MarketCode, appId = 'Shop-Refresh-PRD-0123456789-abcdef01', certId = 'PRD-0123456789ab-cdef'): eBayApi {
  const req = new AxiosRequest();
  req.instance.interceptors.request.use((config) => {
    config.url = config.url?.replace(EBAY_ORIGIN, sim().partnerApiUrl);
    return config;
  });
  // The library's own constant for the simulator's id: a mismatch would send eBay's default, EBAY_US.
  const marketplaceId = eBayApi.MarketplaceId[MARKETS[market].ebayMarketplaceId as keyof typeof eBayApi.MarketplaceId];
  return new eBayApi({ appId, certId, marketplaceId, sandbox: false }, req);
}

/** What ebay-api throws: the answer's status and eBay's first error. */
async function ebayFailure(call: Promise<unknown>): Promise<{ status: number; errorCode: unknown }> {
  const error = (await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  )) as { meta?: { res?: { status: number } }; errorCode?: unknown };
  return { status: error.meta?.res?.status ?? 0, errorCode: error.errorCode };
}

const partnerSummary = async (running = sim()) =>
  ((await control(running, 'GET', '')).body as { partnerApis: Record<string, unknown> }).partnerApis;

describe('Login with Amazon', () => {
  const post = (body: Record<string, string>, json = false) =>
    fetch(`${sim().partnerApiUrl}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(body) : new URLSearchParams(body),
    });
  const grant = {
    grant_type: 'refresh_token',
    refresh_token: 'Atzr|r',
    client_id: 'amzn1.application-oa2-client.lwa',
    client_secret: 's1',
  };

  it('issues an hour-long bearer token for a refresh token, from a form or JSON, and counts it', async () => {
    const before = (await partnerSummary())['lwaTokens'] as number;
    for (const json of [false, true]) {
      const response = await post(grant, json);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        access_token: expect.stringMatching(/^Atza\|/),
        refresh_token: 'Atzr|r',
        token_type: 'bearer',
        expires_in: 3600,
      });
    }
    expect((await partnerSummary())['lwaTokens']).toBe(before + 2);
  });

  it('names a missing or invalid parameter (400) and refuses a client without its secret (401)', async () => {
    const { client_secret: _secret, ...withoutSecret } = grant;
    const missing = await post(withoutSecret);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('client_secret') });
    const wrongGrant = await post({ ...grant, grant_type: 'password' });
    expect(wrongGrant.status).toBe(400);
    expect(await wrongGrant.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('grant_type') });
    for (const refused of [
      { ...grant, client_secret: '' },
      { ...grant, client_id: '' },
      { ...grant, client_secret: 'another secret' },
    ]) {
      const response = await post(refused);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    }
  });
});

describe('SP-API getItemOffers', () => {
  it.each(MARKET_CODES)("%s: the shop's price and shipping in EUR, exact from its cents", async (market) => {
    const product = steady(market);
    const offer = await offerNow(product);
    const api = pricingApi(sim(), await lwaToken(sim()));
    const response = await api.getItemOffers({
      marketplaceId: MARKETS[market].amazonMarketplaceId,
      itemCondition: 'New',
      asin: product.sourceId,
    });
    expect(response.headers['x-amzn-ratelimit-limit']).toBe('0.5');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['server-timing']).toMatch(/^app;dur=[\d.]+$/);
    const payload = response.data.payload as GetOffersResult;
    const listing = { CurrencyCode: 'EUR', Amount: offer.priceCents / 100 };
    const shipping = { CurrencyCode: 'EUR', Amount: offer.shippingCents / 100 };
    const landed = { CurrencyCode: 'EUR', Amount: (offer.priceCents + offer.shippingCents) / 100 };
    expect(payload).toMatchObject({
      ASIN: product.sourceId,
      status: 'Success',
      ItemCondition: 'New',
      marketplaceId: MARKETS[market].amazonMarketplaceId,
      Identifier: { MarketplaceId: MARKETS[market].amazonMarketplaceId, ASIN: product.sourceId, ItemCondition: 'New' },
      Summary: {
        TotalOfferCount: 1,
        LowestPrices: [
          { condition: 'new', fulfillmentChannel: 'Merchant', LandedPrice: landed, ListingPrice: listing, Shipping: shipping },
        ],
        BuyBoxPrices: [{ condition: 'New', LandedPrice: landed, ListingPrice: listing, Shipping: shipping }],
      },
      Offers: [{ SubCondition: 'new', ListingPrice: listing, Shipping: shipping, IsFulfilledByAmazon: false, IsBuyBoxWinner: true }],
    });
    expect(payload.Offers[0]?.SellerId).toMatch(/^A[0-9A-Z]{14}$/);
    expect(Math.round((payload.Offers[0]?.ListingPrice.Amount ?? 0) * 100)).toBe(offer.priceCents);
  });

  it('says NoBuyableOffers, with no offer and no Buy Box, for a product out of stock', async () => {
    const product = steady('fr', 1);
    await control(sim(), 'PATCH', `/markets/fr/products/${product.sourceId}`, { stockQuantity: 0 });
    const payload = await itemOffers(pricingApi(sim(), await lwaToken(sim())), product);
    expect(payload).toMatchObject({ status: 'NoBuyableOffers', Offers: [], Summary: { TotalOfferCount: 0 } });
    expect(payload.Summary.BuyBoxPrices).toBeUndefined();
    await control(sim(), 'DELETE', `/markets/fr/products/${product.sourceId}`);
    expect((await itemOffers(pricingApi(sim(), await lwaToken(sim())), product)).status).toBe('Success');
  });

  it('answers 404 NotFound for an ASIN the marketplace does not sell, and 400 InvalidInput naming a bad parameter', async () => {
    const token = await lwaToken(sim());
    const api = pricingApi(sim(), token);
    const foreign = steady('it');
    for (const asin of ['B0ZZZZZZZZ', foreign.sourceId]) {
      const { status, data } = await failure(
        api.getItemOffers({ marketplaceId: MARKETS.de.amazonMarketplaceId, itemCondition: 'New', asin }),
      );
      expect(status).toBe(404);
      expect(data).toEqual({ errors: [{ code: 'NotFound', message: expect.stringContaining(asin), details: '' }] });
    }
    const us = await failure(api.getItemOffers({ marketplaceId: 'ATVPDKIKX0DER', itemCondition: 'New', asin: foreign.sourceId }));
    expect(us.status).toBe(400);
    expect(us.data).toMatchObject({ errors: [{ code: 'InvalidInput', message: expect.stringMatching(/^MarketplaceId must be/) }] });
    const noCondition = await fetch(
      `${sim().partnerApiUrl}/products/pricing/v0/items/${foreign.sourceId}/offers?MarketplaceId=APJ6JRA9NG5V4`,
      {
        headers: { 'x-amz-access-token': token },
      },
    );
    expect(noCondition.status).toBe(400);
    expect(await noCondition.json()).toEqual({ errors: [{ code: 'InvalidInput', message: 'ItemCondition is required', details: '' }] });
  });

  it('refuses a call without a live token with 403 Unauthorized, an expired one saying so', async () => {
    const product = steady('es');
    const missing = await failure(
      pricingApi(sim()).getItemOffers({ marketplaceId: MARKETS.es.amazonMarketplaceId, itemCondition: 'New', asin: product.sourceId }),
    );
    expect(missing.status).toBe(403);
    expect(missing.data).toEqual({
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: expect.stringContaining('invalid') }],
    });
    const api = pricingApi(sim(), await lwaToken(sim()));
    await itemOffers(api, product);
    clock.advance(3_600_000);
    const expired = await failure(
      api.getItemOffers({ marketplaceId: MARKETS.es.amazonMarketplaceId, itemCondition: 'New', asin: product.sourceId }),
    );
    expect(expired.status).toBe(403);
    expect(expired.data).toMatchObject({ errors: [{ code: 'Unauthorized', details: 'The access token you provided has expired.' }] });
  });

  it("counts each call as its market's offer route", async () => {
    await control(sim(), 'DELETE', '/requests');
    const product = steady('de');
    await itemOffers(pricingApi(sim(), await lwaToken(sim())), product);
    const counts = (await control(sim(), 'GET', '/requests')).body as Record<
      MarketCode,
      { byRoute: Record<string, number>; byPath: Record<string, number> }
    >;
    expect(counts.de.byRoute).toEqual({ offer: 1 });
    expect(counts.de.byPath).toEqual({ [`/products/pricing/v0/items/${product.sourceId}/offers`]: 1 });
    expect(counts.it.byRoute).toEqual({});
  });
});

describe('SP-API getItemOffersBatch', () => {
  it('answers each request with its own status, an unknown ASIN with a 404 of its own', async () => {
    const [it1, de1] = [steady('it'), steady('de')];
    const api = pricingApi(sim(), await lwaToken(sim()));
    const request = (market: MarketCode, asin: string) => ({
      uri: `/products/pricing/v0/items/${asin}/offers`,
      method: 'GET' as const,
      MarketplaceId: MARKETS[market].amazonMarketplaceId,
      ItemCondition: 'New' as const,
    });
    const response = await api.getItemOffersBatch({
      getItemOffersBatchRequestBody: { requests: [request('it', it1.sourceId), request('de', de1.sourceId), request('de', 'B0ZZZZZZZZ')] },
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-amzn-ratelimit-limit']).toBe('0.1');
    const responses = response.data.responses ?? [];
    expect(responses.map((r) => r.status)).toEqual([
      { statusCode: 200, reasonPhrase: 'OK' },
      { statusCode: 200, reasonPhrase: 'OK' },
      { statusCode: 404, reasonPhrase: 'Not Found' },
    ]);
    expect(responses.map((r) => r.request)).toEqual([
      { MarketplaceId: MARKETS.it.amazonMarketplaceId, ItemCondition: 'New', Asin: it1.sourceId },
      { MarketplaceId: MARKETS.de.amazonMarketplaceId, ItemCondition: 'New', Asin: de1.sourceId },
      { MarketplaceId: MARKETS.de.amazonMarketplaceId, ItemCondition: 'New', Asin: 'B0ZZZZZZZZ' },
    ]);
    expect(responses[1]?.body.payload?.Offers[0]?.ListingPrice.Amount).toBe((await offerNow(de1)).priceCents / 100);
    expect(responses[2]?.body).toEqual({ errors: [{ code: 'NotFound', message: expect.stringContaining('B0ZZZZZZZZ'), details: '' }] });
  });

  it('refuses more than 20 requests, naming `requests`', async () => {
    const asin = steady('it').sourceId;
    const requests = Array.from({ length: 21 }, () => ({
      uri: `/products/pricing/v0/items/${asin}/offers`,
      method: 'GET' as const,
      MarketplaceId: MARKETS.it.amazonMarketplaceId,
      ItemCondition: 'New' as const,
    }));
    const { status, data } = await failure(
      pricingApi(sim(), await lwaToken(sim())).getItemOffersBatch({ getItemOffersBatchRequestBody: { requests } }),
    );
    expect(status).toBe(400);
    expect(data).toEqual({ errors: [{ code: 'InvalidInput', message: 'requests must hold 1 to 20 requests', details: '' }] });
  });
});

describe('SP-API throttling', () => {
  const limited = useSimulator({ partnerRateLimits: true });

  it("refuses a second call within Amazon's rate with 429 QuotaExceeded, per selling account and operation", async () => {
    const product = findProduct(limited.sim(), 'it', (p) => p.stockProfile === 'steady');
    const call = (api: ProductPricingApi) =>
      api.getItemOffers({ marketplaceId: MARKETS.it.amazonMarketplaceId, itemCondition: 'New', asin: product.sourceId });
    const api = pricingApi(limited.sim(), await lwaToken(limited.sim(), 'amzn1.application-oa2-client.one'));
    expect((await call(api)).status).toBe(200);
    const throttled = await failure(call(api));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['x-amzn-ratelimit-limit']).toBe('0.5');
    expect(throttled.data).toEqual({
      errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }],
    });
    // Another selling account has its own quota, and so has the batch operation.
    expect((await call(pricingApi(limited.sim(), await lwaToken(limited.sim(), 'amzn1.application-oa2-client.two')))).status).toBe(200);
    const batch = await api.getItemOffersBatch({
      getItemOffersBatchRequestBody: {
        requests: [
          {
            uri: `/products/pricing/v0/items/${product.sourceId}/offers`,
            method: 'GET',
            MarketplaceId: MARKETS.it.amazonMarketplaceId,
            ItemCondition: 'New',
          },
        ],
      },
    });
    expect(batch.status).toBe(200);
    expect((await partnerSummary(limited.sim()))['spApiThrottled']).toBe(1);
  });
});

describe('eBay Browse getItem, through ebay-api', () => {
  it.each(MARKET_CODES)("%s: the shop's price and shipping as decimal strings, the library fetching its own token", async (market) => {
    const product = steady(market);
    const offer = await offerNow(product);
    const before = (await partnerSummary())['ebayTokens'] as number;
    const api = ebayApi(market);
    const item = (await api.buy.browse.getItem(`v1|${product.sourceId}|0`)) as Record<string, unknown>;
    expect(item).toMatchObject({
      itemId: `v1|${product.sourceId}|0`,
      legacyItemId: product.sourceId,
      title: product.title,
      price: { value: (offer.priceCents / 100).toFixed(2), currency: 'EUR' },
      condition: 'New',
      conditionId: '1000',
      itemWebUrl: `${sim().urls[market]}${canonicalPath(product)}`,
      shippingOptions: [{ shippingCostType: 'FIXED', shippingCost: { value: (offer.shippingCents / 100).toFixed(2), currency: 'EUR' } }],
      estimatedAvailabilities: [
        { deliveryOptions: ['SHIP_TO_HOME'], estimatedAvailabilityStatus: 'IN_STOCK', estimatedAvailableQuantity: offer.stockQuantity },
      ],
      itemCreationDate: expect.stringMatching(/^202[34]-\d\d-\d\dT00:00:00\.000Z$/),
    });
    // A second call reuses the application token the library obtained.
    await api.buy.browse.getItem(`v1|${product.sourceId}|0`);
    expect((await partnerSummary())['ebayTokens']).toBe(before + 1);
  });

  it('says OUT_OF_STOCK with a quantity of 0 for a product out of stock', async () => {
    const product = steady('it', 2);
    await control(sim(), 'PATCH', `/markets/it/products/${product.sourceId}`, { stockQuantity: 0 });
    const item = (await ebayApi('it').buy.browse.getItem(`v1|${product.sourceId}|0`)) as { estimatedAvailabilities: unknown[] };
    expect(item.estimatedAvailabilities).toEqual([
      { deliveryOptions: ['SHIP_TO_HOME'], estimatedAvailabilityStatus: 'OUT_OF_STOCK', estimatedAvailableQuantity: 0 },
    ]);
    await control(sim(), 'DELETE', `/markets/it/products/${product.sourceId}`);
  });

  it('answers 404 (11001) for an unknown item, 400 (11006) for an id not in the v1 form', async () => {
    const api = ebayApi('de');
    expect(await ebayFailure(api.buy.browse.getItem('v1|B0ZZZZZZZZ|0'))).toEqual({ status: 404, errorCode: 11001 });
    expect(await ebayFailure(api.buy.browse.getItem(`v1|${steady('fr').sourceId}|0`))).toEqual({ status: 404, errorCode: 11001 });
    expect(await ebayFailure(api.buy.browse.getItem(steady('de').sourceId))).toEqual({ status: 400, errorCode: 11006 });
  });

  it('refuses a wrong client secret (401), and renews an expired token by itself', async () => {
    const product = steady('es');
    const appId = 'Shop-Secret-PRD-0000000001-00000001';
    const api = ebayApi('es', appId, 'PRD-first-secret');
    await api.buy.browse.getItem(`v1|${product.sourceId}|0`);
    expect((await ebayFailure(ebayApi('es', appId, 'PRD-other-secret').buy.browse.getItem(`v1|${product.sourceId}|0`))).status).toBe(401);

    const before = (await partnerSummary())['ebayTokens'] as number;
    clock.advance(7_200_000);
    await api.buy.browse.getItem(`v1|${product.sourceId}|0`);
    expect((await partnerSummary())['ebayTokens']).toBe(before + 1);
  });

  it('answers eBay errors on the wire: a bad token, a marketplace not served, a wrong grant', async () => {
    const tokenReply = await fetch(`${sim().partnerApiUrl}/identity/v1/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('Wire-Test-PRD-1:secret').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' }),
    });
    expect(tokenReply.status).toBe(200);
    const token = ((await tokenReply.json()) as { access_token: string; token_type: string; expires_in: number }).access_token;
    const path = `${sim().partnerApiUrl}/buy/browse/v1/item/${encodeURIComponent(`v1|${steady('it').sourceId}|0`)}`;

    const badToken = await fetch(path, { headers: { authorization: 'Bearer nope', 'x-ebay-c-marketplace-id': 'EBAY_IT' } });
    expect(badToken.status).toBe(401);
    expect(await badToken.json()).toEqual({
      errors: [
        {
          errorId: 1001,
          domain: 'OAuth',
          category: 'REQUEST',
          message: 'Invalid access token',
          longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
        },
      ],
    });
    const noMarketplace = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
    expect(noMarketplace.status).toBe(400);
    expect(await noMarketplace.json()).toMatchObject({ errors: [{ errorId: 13022, message: expect.stringContaining('EBAY_US') }] });
    expect((await fetch(path, { headers: { authorization: `Bearer ${token}`, 'x-ebay-c-marketplace-id': 'EBAY_IT' } })).status).toBe(200);

    const wrongGrant = await fetch(`${sim().partnerApiUrl}/identity/v1/oauth2/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('Wire-Test-PRD-1:secret').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'password' }),
    });
    expect(wrongGrant.status).toBe(400);
    expect(await wrongGrant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const noAuth = await fetch(`${sim().partnerApiUrl}/identity/v1/oauth2/token`, {
      method: 'POST',
      body: 'grant_type=client_credentials',
    });
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ error: 'invalid_client', error_description: 'client authentication failed' });
  });
});

describe("the market's offer faults", () => {
  beforeEach(async () => {
    expect((await control(sim(), 'DELETE', '/faults')).status).toBe(200);
  });

  it("answer in each API's error format, in the faulty market only", async () => {
    await control(sim(), 'PATCH', '/faults', { markets: ['de'], routes: ['offer'], error: { status: 503, retryAfterSeconds: 5 } });
    const api = pricingApi(sim(), await lwaToken(sim()));
    const unavailable = await failure(itemOffers(api, steady('de')));
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('5');
    expect(unavailable.data).toEqual({
      errors: [{ code: 'ServiceUnavailable', message: 'Service temporarily unavailable. Please try again.', details: '' }],
    });
    expect((await itemOffers(api, steady('it'))).status).toBe('Success');
    expect(await ebayFailure(ebayApi('de').buy.browse.getItem(`v1|${steady('de').sourceId}|0`))).toEqual({ status: 503, errorCode: 10001 });
  });

  it("stay with their part of a batch, a product's own fault included", async () => {
    const [faulty, fine] = [steady('fr'), steady('fr', 1)];
    await control(sim(), 'PATCH', `/markets/fr/products/${faulty.sourceId}`, { faults: { routes: ['offer'], error: { status: 500 } } });
    const request = (asin: string) => ({
      uri: `/products/pricing/v0/items/${asin}/offers`,
      method: 'GET' as const,
      MarketplaceId: MARKETS.fr.amazonMarketplaceId,
      ItemCondition: 'New' as const,
    });
    const response = await pricingApi(sim(), await lwaToken(sim())).getItemOffersBatch({
      getItemOffersBatchRequestBody: { requests: [request(faulty.sourceId), request(fine.sourceId)] },
    });
    expect(response.status).toBe(200);
    expect(response.data.responses?.map((r) => [r.status?.statusCode, r.body.errors?.[0] ?? r.body.payload?.status])).toEqual([
      [500, { code: 'InternalFailure', message: 'We encountered an internal error. Please try again.', details: '' }],
      [200, 'Success'],
    ]);
    await control(sim(), 'DELETE', `/markets/fr/products/${faulty.sourceId}`);
  });

  it('delay the answer by the latency asked for, said in Server-Timing', async () => {
    await control(sim(), 'PATCH', '/faults', { markets: ['it'], routes: ['offer'], latency: { medianMs: 150, p99Ms: 150 } });
    const api = pricingApi(sim(), await lwaToken(sim()));
    const started = performance.now();
    const response = await api.getItemOffers({
      marketplaceId: MARKETS.it.amazonMarketplaceId,
      itemCondition: 'New',
      asin: steady('it').sourceId,
    });
    const elapsed = performance.now() - started;
    // A lower bound only: timers never fire early, but a busy machine may make them late.
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(Number(/^app;dur=([\d.]+)$/.exec(String(response.headers['server-timing']))?.[1])).toBeGreaterThanOrEqual(140);
  });

  it('hang, or damage the JSON', async () => {
    const token = await lwaToken(sim());
    const url = `${sim().partnerApiUrl}/products/pricing/v0/items/${steady('es').sourceId}/offers?MarketplaceId=${MARKETS.es.amazonMarketplaceId}&ItemCondition=New`;
    await control(sim(), 'PATCH', '/faults', { markets: ['es'], routes: ['offer'], hang: { share: 1 } });
    await expect(fetch(url, { headers: { 'x-amz-access-token': token }, signal: AbortSignal.timeout(200) })).rejects.toThrow(
      /aborted|timeout/i,
    );
    await control(sim(), 'PATCH', '/faults', { markets: ['es'], routes: ['offer'], hang: null, content: { kind: 'truncated' } });
    const truncated = await fetch(url, { headers: { 'x-amz-access-token': token } });
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow(SyntaxError);
  });
});
