// One simulated shop's HTTP surface: which path is which route, the faults each request meets,
// and the answer. Pages come from the template modules, offers and orders from the state; this
// file only routes, applies faults in a fixed order (hang, latency, error, captcha, then the body
// and its damage) and writes responses. Orders are placed only if the request got that far, so a
// truncated answer to a placed order is what a client retrying with its idempotency key meets.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { MarketCode } from '../../src/common/markets';
import { canonicalPath, type SimProduct } from './catalog-generator';
import {
  categoryIndexBySlug,
  categoryPath,
  productSitemapCount,
  renderErrorPage,
  renderHomePage,
  renderListingPage,
  renderRobotsTxt,
  renderSitemapIndex,
  renderUrlSet,
  type SitemapEntry,
} from './discovery-pages';
import {
  decideFaults,
  ELSEWHERE_SITEMAP_PATH,
  elsewhereLocation,
  malformBody,
  pointElsewhere,
  truncateBody,
  type BodyType,
  type ErrorFault,
  type RouteKind,
} from './faults';
import { renderProductPhoto } from './product-image';
import { productView, renderCaptchaPage, renderProductPage, HOSTILE_SNIPPETS } from './product-templates';
import type { CountedRoute, SimulatorState } from './simulator-state';
import { IdempotencyKey, PlaceOrderRequest } from './supplier-orders';
import { CATEGORIES } from './word-lists';

export interface ShopContext {
  readonly state: SimulatorState;
  readonly market: MarketCode;
  /** Used when a request carries no usable Host header. */
  readonly fallbackBaseUrl: string;
  /** setTimeout that the simulator can cancel all at once when it stops. */
  readonly schedule: (run: () => void, delayMs: number) => void;
}

type ReplyType = BodyType | 'jpeg';

/** An answer before it is written; the partner API stand-ins (partner-api-common.ts) build them too. */
export interface Reply {
  readonly status: number;
  readonly type: ReplyType;
  /** Bytes for the photos, text for everything else. */
  readonly body: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

interface Route {
  readonly counted: CountedRoute;
  /** The faults that apply; none for images, redirects and unknown paths. */
  readonly faults?: RouteKind;
  readonly productIndex?: number;
  readonly type: ReplyType;
  readonly respond: (hostile: boolean) => Reply | Promise<Reply>;
}

const CONTENT_TYPES: Readonly<Record<ReplyType, string>> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  jpeg: 'image/jpeg',
};

const MAX_BODY_BYTES = 64 * 1024;
const SOURCE_ID = 'B0[0-9A-Z]{8}';
const PRODUCT_PATH = new RegExp(`^/p/([a-z0-9-]+)-(${SOURCE_ID})$`);
const AMAZON_PATH = new RegExp(`^/dp/(${SOURCE_ID})$`);
const IMAGE_PATH = new RegExp(`^/images/(${SOURCE_ID})/(\\d)\\.jpg$`);
const OFFER_PATH = /^\/api\/offers\/([^/]+)$/;
const ORDER_PATH = /^\/api\/supplier\/orders\/([^/]+)$/;
const PRODUCT_SITEMAP_PATH = /^\/sitemaps\/products-(\d+)\.xml$/;
const CATEGORY_PATH = /^\/c\/([a-z0-9-]+)$/;
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export const json = (status: number, value: unknown, headers?: Record<string, string>): Reply => ({
  status,
  type: 'json',
  body: JSON.stringify(value),
  headers,
});
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function notFound(ctx: ShopContext, path: string): Route {
  const api = path.startsWith('/api/');
  return {
    counted: 'unknown',
    type: api ? 'json' : 'html',
    respond: () => (api ? json(404, { error: 'not_found' }) : { status: 404, type: 'html', body: renderErrorPage(ctx.market, 404) }),
  };
}

function methodNotAllowed(allow: string): Route {
  return { counted: 'unknown', type: 'json', respond: () => json(405, { error: 'method_not_allowed' }, { allow }) };
}

function productPage(ctx: ShopContext, product: SimProduct | null, requestedPath: string, baseUrl: string): Route {
  if (!product) return { ...notFound(ctx, requestedPath), counted: 'product', faults: 'product' };
  const canonical = canonicalPath(product);
  if (requestedPath !== canonical) {
    // Shops answer an outdated slug or the other URL scheme with a permanent redirect.
    return { counted: 'product', type: 'html', respond: () => ({ status: 301, type: 'html', body: '', headers: { location: canonical } }) };
  }
  return {
    counted: 'product',
    faults: 'product',
    productIndex: product.index,
    type: 'html',
    respond: (hostile) => ({
      status: 200,
      type: 'html',
      body: renderProductPage(productView(product, ctx.state.servedOffer(product), baseUrl, hostile)),
      headers: { 'cache-control': 'no-cache' },
    }),
  };
}

function offerApi(ctx: ShopContext, sourceId: string, baseUrl: string): Route {
  const product = ctx.state.catalog.productBySourceId(ctx.market, sourceId);
  if (!product) return { counted: 'offer', faults: 'offer', type: 'json', respond: () => json(404, { error: 'not_found', sourceId }) };
  return {
    counted: 'offer',
    faults: 'offer',
    productIndex: product.index,
    type: 'json',
    respond: (hostile) => {
      const offer = ctx.state.servedOffer(product);
      return json(
        200,
        {
          sourceId: product.sourceId,
          market: product.market,
          gtin: product.gtin,
          priceCents: offer.priceCents,
          listPriceCents: offer.listPriceCents,
          shippingCents: offer.shippingCents,
          currency: 'EUR',
          availability: offer.availability,
          stockQuantity: offer.stockQuantity,
          seller: hostile ? `${product.seller}${HOSTILE_SNIPPETS.seller}` : product.seller,
          url: `${baseUrl}${canonicalPath(product)}`,
          updatedAt: new Date(offer.updatedAtMs).toISOString(),
        },
        { 'cache-control': 'no-store' },
      );
    },
  };
}

function placeOrder(ctx: ShopContext, headers: IncomingMessage['headers'], rawBody: string): Route {
  const { state, market } = ctx;
  const invalid = (message: string, field?: string): Route => ({
    counted: 'order',
    faults: 'order',
    type: 'json',
    respond: () => json(400, { error: 'invalid_request', message, ...(field ? { field } : {}) }),
  });
  const key = headers['idempotency-key'];
  if (key === undefined) return invalid('the Idempotency-Key header is required', 'Idempotency-Key');
  const parsedKey = IdempotencyKey.safeParse(key);
  if (!parsedKey.success) return invalid(`Idempotency-Key: ${parsedKey.error.issues[0]?.message ?? 'invalid'}`, 'Idempotency-Key');
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return invalid('the body is not valid JSON');
  }
  const parsed = PlaceOrderRequest.safeParse(body);
  if (!parsed.success) return invalid(z.prettifyError(parsed.error), parsed.error.issues[0]?.path.join('.'));
  const request = parsed.data;
  const product = state.catalog.productBySourceId(market, request.sourceId);
  if (!product) {
    return {
      counted: 'order',
      faults: 'order',
      type: 'json',
      respond: () => json(422, { error: 'unknown_product', sourceId: request.sourceId }),
    };
  }
  return {
    counted: 'order',
    faults: 'order',
    productIndex: product.index,
    type: 'json',
    respond: () => {
      const result = state.orders[market].place(parsedKey.data, request, state.offer(product), state.now());
      switch (result.kind) {
        case 'created':
          state.takeStock(product, result.reservedQuantity);
          return json(201, result.order, { location: `/api/supplier/orders/${result.order.id}` });
        case 'replayed':
          return json(200, result.order, { 'idempotent-replayed': 'true' });
        case 'key-reused':
          return json(422, {
            error: 'idempotency_key_reused',
            message: 'this Idempotency-Key was used for a different request',
            orderId: result.orderId,
          });
      }
    },
  };
}

function readOrder(ctx: ShopContext, id: string): Route {
  const order = ctx.state.orders[ctx.market].get(id, ctx.state.now());
  const productIndex = order ? (ctx.state.catalog.indexOfSourceId(ctx.market, order.sourceId) ?? undefined) : undefined;
  return {
    counted: 'order',
    faults: 'order',
    productIndex,
    type: 'json',
    // Read again when answering: a latency fault may have let the order move on meanwhile.
    respond: () => {
      const current = ctx.state.orders[ctx.market].get(id, ctx.state.now());
      return current ? json(200, current) : json(404, { error: 'not_found', id });
    },
  };
}

function listing(ctx: ShopContext, slug: string, query: URLSearchParams, baseUrl: string): Route {
  const { state, market } = ctx;
  const categoryIndex = categoryIndexBySlug(market, slug);
  const pageParam = query.get('page') ?? '1';
  const page = /^[1-9]\d{0,6}$/.test(pageParam) ? Number(pageParam) : NaN;
  return {
    counted: 'listing',
    faults: 'listing',
    type: 'html',
    respond: async () => {
      if (categoryIndex === null || Number.isNaN(page)) return { status: 404, type: 'html', body: renderErrorPage(market, 404) };
      const indices = await state.productsInCategory(market, categoryIndex);
      const perPage = state.settings.productsPerListingPage;
      const pages = Math.max(1, Math.ceil(indices.length / perPage));
      if (page > pages) return { status: 404, type: 'html', body: renderErrorPage(market, 404) };
      const items = Array.from(indices.subarray((page - 1) * perPage, page * perPage), (i) => {
        const product = state.catalog.product(market, i);
        return { product, offer: state.offer(product) };
      });
      return { status: 200, type: 'html', body: renderListingPage({ market, categoryIndex, page, pages, items, baseUrl }) };
    },
  };
}

function discovery(type: ReplyType, respond: () => Reply | Promise<Reply>): Route {
  return { counted: 'discovery', faults: 'discovery', type, respond };
}

/** Products generated between two yields to the event loop, so a sitemap does not stall the other shops. */
const SITEMAP_CHUNK = 1_000;

async function productSitemap(ctx: ShopContext, n: number, baseUrl: string): Promise<Reply> {
  const { state, market } = ctx;
  const { productsPerMarket, urlsPerSitemap } = state.settings;
  if (n < 1 || n > productSitemapCount(productsPerMarket, urlsPerSitemap)) return { status: 404, type: 'xml', body: '' };
  const entries: SitemapEntry[] = [];
  const first = (n - 1) * urlsPerSitemap;
  for (let i = first; i < Math.min(n * urlsPerSitemap, productsPerMarket); i++) {
    if (i > first && (i - first) % SITEMAP_CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    const product = state.catalog.product(market, i);
    entries.push({ path: canonicalPath(product), lastModified: isoDate(state.offer(product).updatedAtMs) });
  }
  return { status: 200, type: 'xml', body: renderUrlSet(baseUrl, entries) };
}

/** A percent-encoded path segment, or null if it does not decode. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function route(ctx: ShopContext, method: string, path: string, query: URLSearchParams, baseUrl: string): Route {
  const { state, market } = ctx;
  const get = (make: () => Route): Route => (method === 'GET' ? make() : methodNotAllowed('GET, HEAD'));
  const today = () => isoDate(state.now());
  let m: RegExpExecArray | null;
  if (path === '/') return get(() => discovery('html', () => ({ status: 200, type: 'html', body: renderHomePage(market) })));
  if (path === '/robots.txt') return get(() => discovery('text', () => ({ status: 200, type: 'text', body: renderRobotsTxt(baseUrl) })));
  if (path === '/sitemap.xml') {
    const count = productSitemapCount(state.settings.productsPerMarket, state.settings.urlsPerSitemap);
    return get(() => discovery('xml', () => ({ status: 200, type: 'xml', body: renderSitemapIndex(baseUrl, count, today()) })));
  }
  if (path === '/sitemaps/categories.xml') {
    const entries = CATEGORIES.map((_, i) => ({ path: categoryPath(market, i), lastModified: today() }));
    return get(() => discovery('xml', () => ({ status: 200, type: 'xml', body: renderUrlSet(baseUrl, entries) })));
  }
  // Only a shop that points elsewhere lists it, and answers it with a redirect.
  if (path === ELSEWHERE_SITEMAP_PATH) return get(() => discovery('xml', () => ({ status: 404, type: 'xml', body: '' })));
  if ((m = PRODUCT_SITEMAP_PATH.exec(path))) {
    const n = Number(m[1]);
    return get(() => discovery('xml', () => productSitemap(ctx, n, baseUrl)));
  }
  if ((m = CATEGORY_PATH.exec(path))) {
    const slug = m[1] as string;
    return get(() => listing(ctx, slug, query, baseUrl));
  }
  if ((m = AMAZON_PATH.exec(path) ?? PRODUCT_PATH.exec(path))) {
    const sourceId = (m[2] ?? m[1]) as string;
    return get(() => productPage(ctx, state.catalog.productBySourceId(market, sourceId), path, baseUrl));
  }
  if ((m = IMAGE_PATH.exec(path))) {
    const product = state.catalog.productBySourceId(market, m[1] as string);
    const n = Number(m[2]);
    if (!product || n < 1 || n > product.imagePaths.length) return notFound(ctx, path);
    return get(() => ({
      counted: 'asset',
      type: 'jpeg',
      respond: async () => ({
        status: 200,
        type: 'jpeg',
        body: await state.photos.get(path, () => renderProductPhoto(product, n)),
        headers: { 'cache-control': 'public, max-age=86400' },
      }),
    }));
  }
  if ((m = OFFER_PATH.exec(path))) {
    const sourceId = decodeSegment(m[1] as string);
    return sourceId === null ? notFound(ctx, path) : get(() => offerApi(ctx, sourceId, baseUrl));
  }
  if ((m = ORDER_PATH.exec(path))) {
    const id = decodeSegment(m[1] as string);
    return id === null ? notFound(ctx, path) : get(() => readOrder(ctx, id));
  }
  return notFound(ctx, path);
}

/** The request's body as text, or null beyond 64 KiB. */
export function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * `arrivedAt`: when the request arrived. Its answer says how long the shop spent on it in a
 * `Server-Timing` header, as real shops' CDNs do, so that a client can tell the shop's own time
 * (the simulated latency included) from its own.
 */
export function send(res: ServerResponse, reply: Reply, arrivedAt?: number): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, {
    'content-type': CONTENT_TYPES[reply.type],
    'content-length': Buffer.byteLength(reply.body),
    ...(arrivedAt === undefined ? {} : { 'server-timing': `app;dur=${(performance.now() - arrivedAt).toFixed(1)}` }),
    ...reply.headers,
  });
  res.end(reply.body);
}

/** A bug of the simulator itself, told apart from a simulated 500 by its header. */
export function sendInternalError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  send(res, {
    status: 500,
    type: 'text',
    body: `simulator error: ${(error as Error).stack ?? String(error)}\n`,
    headers: { 'x-simulator-error': '1' },
  });
}

function errorReply(ctx: ShopContext, type: ReplyType, error: ErrorFault): Reply {
  const headers: Record<string, string> = error.status === 500 ? {} : { 'retry-after': String(error.retryAfterSeconds) };
  const code = { 429: 'too_many_requests', 500: 'internal_error', 503: 'service_unavailable' }[error.status];
  if (type === 'json') return json(error.status, { error: code }, headers);
  if (type === 'html') return { status: error.status, type: 'html', body: renderErrorPage(ctx.market, error.status), headers };
  return { status: error.status, type: 'text', body: `${error.status} ${code}\n`, headers };
}

export function damage(reply: Reply, kind: 'truncated' | 'malformed'): Reply {
  if (reply.type === 'jpeg' || typeof reply.body !== 'string') return reply;
  return { ...reply, body: kind === 'truncated' ? truncateBody(reply.body) : malformBody(reply.body, reply.type) };
}

export async function handleShopRequest(ctx: ShopContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const arrivedAt = performance.now();
  const { state, market } = ctx;
  const [path = '/', rawQuery = ''] = (req.url ?? '/').split('?', 2);
  const host = req.headers.host;
  const baseUrl = host && HOST.test(host) ? `http://${host}` : ctx.fallbackBaseUrl;
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');

  let matched: Route;
  if (path === '/api/supplier/orders') {
    if (method !== 'POST') matched = methodNotAllowed('POST');
    else {
      const body = await readBody(req);
      matched =
        body === null
          ? { counted: 'order', type: 'json', respond: () => json(413, { error: 'payload_too_large' }) }
          : placeOrder(ctx, req.headers, body);
    }
  } else {
    matched = route(ctx, method, path, new URLSearchParams(rawQuery), baseUrl);
  }
  state.counts[market].record(matched.counted, path);

  const decision = matched.faults ? decideFaults(state.faultsFor(market, matched.faults, matched.productIndex), state.random) : null;
  // A hung request gets no answer at all; the simulator's stop() closes its connection.
  if (decision?.hang) return;
  const reply = async (): Promise<Reply> => {
    if (decision?.error) return errorReply(ctx, matched.type, decision.error);
    if (decision?.content === 'captcha') {
      return { status: 200, type: 'html', body: renderCaptchaPage(market, req.url ?? '/', String(state.random.next()).slice(2, 12)) };
    }
    const elsewhere = decision?.elsewhere;
    if (
      elsewhere &&
      (matched.counted === 'product' || matched.counted === 'offer' || matched.counted === 'order' || path === ELSEWHERE_SITEMAP_PATH)
    ) {
      const target = path === ELSEWHERE_SITEMAP_PATH ? '/sitemap.xml' : `${path}${rawQuery ? `?${rawQuery}` : ''}`;
      return {
        status: 302,
        type: matched.type,
        body: '',
        headers: { location: elsewhereLocation(elsewhere, target, matched.productIndex ?? 0) },
      };
    }
    let built = await matched.respond(decision?.content === 'hostile');
    if (elsewhere && typeof built.body === 'string' && built.type !== 'jpeg')
      built = { ...built, body: pointElsewhere(built.body, built.type, elsewhere, baseUrl) };
    return decision?.content === 'truncated' || decision?.content === 'malformed' ? damage(built, decision.content) : built;
  };
  const answer = () => {
    reply().then(
      (r) => send(res, r, arrivedAt),
      (error: unknown) => sendInternalError(res, error),
    );
  };
  if (decision && decision.delayMs > 0) ctx.schedule(answer, decision.delayMs);
  else answer();
}
