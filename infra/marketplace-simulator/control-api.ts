// The control API, on an address of its own so that no crawler of the shops can stumble on it:
// tests and demos use it to set a product's price, stock or faults, set faults per market and
// route, move the simulator's clock, read and reset request counts, and reset everything.
// Input is validated with zod; a 400 names the field at fault. The same address answers the
// stand-ins of the outside APIs, likewise no shop's business, each by its own path prefix, as
// their real EU endpoints serve the four markets from one host: DeepL under /v2/ (deepl-api.ts),
// SP-API and Login with Amazon (sp-api.ts), eBay's OAuth and Browse API (ebay-browse-api.ts).
// PUT /__control/signals starts pushing offer changes to a platform (signal-sender.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { MARKET_CODES, MarketCode } from '../../src/common/markets';
import { canonicalPath, type SimProduct } from './catalog-generator';
import { DEEPL_PATH_PREFIX, handleDeeplRequest, type DeeplUsage } from './deepl-api';
import { handleEbayRequest, isEbayPath } from './ebay-browse-api';
import { FaultPatch } from './faults';
import type { PartnerContext } from './partner-api-common';
import { ProductPatch } from './simulator-state';
import { handleSpApiRequest, isSpApiPath } from './sp-api';
import { SignalSettings, type SignalSender } from './signal-sender';

export const MarketFaultPatch = z.strictObject({
  /** The markets to change; all four when left out. */
  markets: z.array(MarketCode).min(1).optional(),
  ...FaultPatch.shape,
});
export type MarketFaultPatch = z.infer<typeof MarketFaultPatch>;

export const ClockAdvance = z.strictObject({
  advanceMs: z
    .int()
    .min(-86_400_000 * 365)
    .max(86_400_000 * 365),
});
export type ClockAdvance = z.infer<typeof ClockAdvance>;

export interface ControlContext extends PartnerContext {
  readonly deeplUsage: DeeplUsage;
  readonly signals: SignalSender;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

class BadRequest extends Error {
  constructor(
    message: string,
    readonly issues: readonly { readonly field: string; readonly message: string }[] = [],
  ) {
    super(message);
    this.name = 'BadRequest';
  }
}

const MAX_BODY_BYTES = 64 * 1024;
const PRODUCT_PATH = /^\/__control\/markets\/([a-z]{2})\/products\/([^/]+)$/;
const PRODUCTS_PATH = /^\/__control\/markets\/([a-z]{2})\/products$/;

async function readJson<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(`the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BadRequest(
      z.prettifyError(parsed.error),
      parsed.error.issues.map((i) => ({
        field: i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(body)'),
        message: i.message,
      })),
    );
  }
  return parsed.data;
}

function marketOf(code: string): MarketCode {
  const parsed = MarketCode.safeParse(code);
  if (!parsed.success)
    throw new BadRequest(`market: expected one of ${MARKET_CODES.join(', ')}`, [{ field: 'market', message: 'unknown market' }]);
  return parsed.data;
}

function productInfo(ctx: ControlContext, product: SimProduct): unknown {
  const { state, urls } = ctx;
  const offer = state.servedOffer(product);
  const siblings = Object.entries(state.catalog.siblings(product.market, product.index))
    .filter(([m]) => m !== product.market)
    .map(([m, index]) => {
      const sibling = state.catalog.product(m as MarketCode, index as number);
      return [m, { index: sibling.index, sourceId: sibling.sourceId, url: `${urls[sibling.market]}${canonicalPath(sibling)}` }];
    });
  return {
    market: product.market,
    index: product.index,
    sourceId: product.sourceId,
    worldId: product.worldId,
    gtin: product.gtin,
    title: product.title,
    brand: product.brand,
    category: product.category.key,
    template: product.markup.template,
    priceStyle: product.markup.priceStyle,
    url: `${urls[product.market]}${canonicalPath(product)}`,
    offerUrl: `${urls[product.market]}/api/offers/${product.sourceId}`,
    offer: { ...offer, updatedAt: new Date(offer.updatedAtMs).toISOString() },
    override: state.override(product) ?? null,
    siblings: Object.fromEntries(siblings),
  };
}

function findProduct(ctx: ControlContext, market: MarketCode, sourceId: string): SimProduct | null {
  return ctx.state.catalog.productBySourceId(market, sourceId);
}

function summary(ctx: ControlContext): unknown {
  const { state } = ctx;
  const { seed, productsPerMarket, crossMarketShare } = state.settings;
  return {
    seed,
    productsPerMarket,
    crossMarketShare,
    urls: ctx.urls,
    now: new Date(state.now()).toISOString(),
    faults: Object.fromEntries(MARKET_CODES.map((m) => [m, state.marketFaults(m)])),
    overriddenProducts: Object.fromEntries(MARKET_CODES.map((m) => [m, state.overrideCount(m)])),
    orders: Object.fromEntries(MARKET_CODES.map((m) => [m, state.orders[m].size])),
    partnerApis: ctx.partnerApis.toJSON(),
    signals: signalsSummary(ctx),
  };
}

/** Whether offer changes are pushed, where, and what became of the messages (the key is not shown). */
function signalsSummary(ctx: ControlContext): unknown {
  const settings = ctx.signals.enabled;
  return { on: settings !== null, targetUrl: settings?.targetUrl ?? null, faults: settings?.faults ?? null, ...ctx.signals.counts };
}

async function route(ctx: ControlContext, req: IncomingMessage, method: string, path: string, query: URLSearchParams): Promise<Reply> {
  const { state } = ctx;
  const notAllowed = { status: 405, body: { error: 'method_not_allowed' } };
  let m: RegExpExecArray | null;
  if (path === '/__control' || path === '/__control/') return method === 'GET' ? { status: 200, body: summary(ctx) } : notAllowed;
  if (path === '/__control/faults') {
    if (method === 'PATCH') {
      const patch = await readJson(req, MarketFaultPatch);
      state.patchFaults(patch.markets ?? MARKET_CODES, patch);
      return { status: 200, body: summary(ctx) };
    }
    if (method === 'DELETE') {
      state.resetFaults();
      return { status: 200, body: summary(ctx) };
    }
    return notAllowed;
  }
  if ((m = PRODUCTS_PATH.exec(path))) {
    const market = marketOf(m[1] as string);
    if (method !== 'GET') return notAllowed;
    const index = Number(query.get('index'));
    if (!Number.isInteger(index) || index < 0 || index >= state.catalog.size || query.get('index') === null) {
      throw new BadRequest(`index: expected an integer from 0 to ${state.catalog.size - 1}`, [{ field: 'index', message: 'out of range' }]);
    }
    return { status: 200, body: productInfo(ctx, state.catalog.product(market, index)) };
  }
  if ((m = PRODUCT_PATH.exec(path))) {
    const market = marketOf(m[1] as string);
    const product = findProduct(ctx, market, m[2] as string);
    if (!product) return { status: 404, body: { error: 'not_found', message: `no product ${m[2]} in ${market}` } };
    if (method === 'GET') return { status: 200, body: productInfo(ctx, product) };
    if (method === 'PATCH') {
      state.patchProduct(product, await readJson(req, ProductPatch));
      return { status: 200, body: productInfo(ctx, product) };
    }
    if (method === 'DELETE') {
      state.clearProduct(product);
      return { status: 200, body: productInfo(ctx, product) };
    }
    return notAllowed;
  }
  if (path === '/__control/requests') {
    const counts = () => Object.fromEntries(MARKET_CODES.map((market) => [market, state.counts[market].toJSON()]));
    if (method === 'GET') return { status: 200, body: counts() };
    if (method === 'DELETE') {
      state.resetCounts();
      return { status: 200, body: counts() };
    }
    return notAllowed;
  }
  if (path === '/__control/clock') {
    if (method === 'POST') state.advanceClock((await readJson(req, ClockAdvance)).advanceMs);
    else if (method !== 'GET') return notAllowed;
    return { status: 200, body: { now: new Date(state.now()).toISOString(), nowMs: state.now() } };
  }
  if (path === '/__control/signals') {
    if (method === 'PUT') ctx.signals.start(await readJson(req, SignalSettings));
    else if (method === 'DELETE') ctx.signals.stop();
    else if (method !== 'GET') return notAllowed;
    return { status: 200, body: signalsSummary(ctx) };
  }
  if (path === '/__control/reset') {
    if (method !== 'POST') return notAllowed;
    state.reset();
    return { status: 200, body: summary(ctx) };
  }
  return { status: 404, body: { error: 'not_found' } };
}

export async function handleControlRequest(ctx: ControlContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const [path = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
  if (isSpApiPath(path)) return handleSpApiRequest(ctx, req, res, path, new URLSearchParams(rawQuery));
  if (isEbayPath(path)) return handleEbayRequest(ctx, req, res, path);
  let reply: Reply;
  try {
    reply = path.startsWith(DEEPL_PATH_PREFIX)
      ? await handleDeeplRequest(ctx.deeplUsage, req, req.method ?? 'GET', path)
      : await route(ctx, req, req.method ?? 'GET', path, new URLSearchParams(rawQuery));
  } catch (error) {
    if (!(error instanceof BadRequest)) throw error;
    reply = { status: 400, body: { error: 'invalid_request', message: error.message, issues: error.issues } };
  }
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
