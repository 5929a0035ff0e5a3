// The ways a simulated shop misbehaves, and which one a request meets. Faults are set per market
// and per route kind (product pages, offer API, listings, discovery, supplier orders), and can be
// overridden per product; each fault applies to a configurable share of the requests it matches.
// The schemas here are what the control API accepts; the random rolls come from the caller, so
// the same sequence of requests meets the same faults.
import { z } from 'zod';
import type { SeededRandom } from './seeded-random';

export const ROUTE_KINDS = ['product', 'offer', 'listing', 'discovery', 'order'] as const;
export const RouteKind = z.enum(ROUTE_KINDS);
export type RouteKind = z.infer<typeof RouteKind>;

/** The route kinds that concern a single product, where per-product faults apply. */
export const PRODUCT_ROUTE_KINDS = ['product', 'offer', 'order'] as const;
export const ProductRouteKind = z.enum(PRODUCT_ROUTE_KINDS);
export type ProductRouteKind = z.infer<typeof ProductRouteKind>;

const Share = z.number().min(0).max(1);

/** Log-normal: most answers near the median, a long tail up to the 99th percentile and a little beyond. */
export const Latency = z
  .strictObject({
    medianMs: z.int().min(0).max(60_000),
    p99Ms: z.int().min(0).max(60_000),
  })
  .refine((l) => l.p99Ms >= l.medianMs, { message: 'p99Ms must be at least medianMs', path: ['p99Ms'] });
export type Latency = z.infer<typeof Latency>;

export const ErrorFault = z.strictObject({
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
  /** Sent as Retry-After with 429 and 503. */
  retryAfterSeconds: z.int().min(0).max(86_400).default(30),
  share: Share.default(1),
});
export type ErrorFault = z.infer<typeof ErrorFault>;

/** Requests that are never answered, until the client gives up or the simulator stops. */
export const HangFault = z.strictObject({ share: Share.default(1) });
export type HangFault = z.infer<typeof HangFault>;

export const CONTENT_FAULT_KINDS = ['truncated', 'malformed', 'captcha', 'hostile'] as const;
export const ContentFault = z.strictObject({
  kind: z.enum(CONTENT_FAULT_KINDS),
  share: Share.default(1),
});
export type ContentFault = z.infer<typeof ContentFault>;

/**
 * A hostile shop that points elsewhere: its robots.txt, sitemap index, sitemaps and listings name
 * the `targets` (other hosts, or other ports of this machine) beside its own URLs, and its product
 * pages, offers and orders answer with a redirect there. What a crawler or client must not follow.
 */
export const ElsewhereFault = z.strictObject({
  targets: z
    .array(z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin))
    .min(1)
    .max(8),
  share: Share.default(1),
});
export type ElsewhereFault = z.infer<typeof ElsewhereFault>;

export const FaultSettings = z.strictObject({
  latency: Latency.nullable(),
  error: ErrorFault.nullable(),
  hang: HangFault.nullable(),
  content: ContentFault.nullable(),
  elsewhere: ElsewhereFault.nullable(),
});
export type FaultSettings = z.infer<typeof FaultSettings>;

const settingsPatch = {
  latency: Latency.nullable().optional(),
  error: ErrorFault.nullable().optional(),
  hang: HangFault.nullable().optional(),
  content: ContentFault.nullable().optional(),
  elsewhere: ElsewhereFault.nullable().optional(),
};

/** A change to a market's faults: the fields given (null clears one) on the routes given, or all. */
export const FaultPatch = z.strictObject({ routes: z.array(RouteKind).min(1).optional(), ...settingsPatch });
export type FaultPatch = z.infer<typeof FaultPatch>;

/** A change to one product's faults: on its page, its offer and its orders unless `routes` narrows it. */
export const ProductFaultPatch = z.strictObject({ routes: z.array(ProductRouteKind).min(1).optional(), ...settingsPatch });
export type ProductFaultPatch = z.infer<typeof ProductFaultPatch>;

export type MarketFaults = Readonly<Record<RouteKind, FaultSettings>>;
export type ProductFaults = Readonly<Partial<Record<ProductRouteKind, Partial<FaultSettings>>>>;

export const NO_FAULTS: FaultSettings = { latency: null, error: null, hang: null, content: null, elsewhere: null };

/** What the issue asks of a real marketplace's offer API and product pages: median 250 ms, p99 800 ms. */
export const REALISTIC_LATENCY: Latency = { medianMs: 250, p99Ms: 800 };

export function initialMarketFaults(latency: boolean): MarketFaults {
  const withLatency = latency ? { ...NO_FAULTS, latency: REALISTIC_LATENCY } : NO_FAULTS;
  return { product: withLatency, offer: withLatency, listing: NO_FAULTS, discovery: NO_FAULTS, order: NO_FAULTS };
}

function changedFields(patch: FaultPatch | ProductFaultPatch): Partial<FaultSettings> {
  const fields: Partial<FaultSettings> = {};
  if (patch.latency !== undefined) fields.latency = patch.latency;
  if (patch.error !== undefined) fields.error = patch.error;
  if (patch.hang !== undefined) fields.hang = patch.hang;
  if (patch.content !== undefined) fields.content = patch.content;
  if (patch.elsewhere !== undefined) fields.elsewhere = patch.elsewhere;
  return fields;
}

export function patchMarketFaults(current: MarketFaults, patch: FaultPatch): MarketFaults {
  const fields = changedFields(patch);
  const routes = patch.routes ?? ROUTE_KINDS;
  return Object.fromEntries(ROUTE_KINDS.map((r) => [r, routes.includes(r) ? { ...current[r], ...fields } : current[r]])) as Record<
    RouteKind,
    FaultSettings
  >;
}

export function patchProductFaults(current: ProductFaults, patch: ProductFaultPatch): ProductFaults {
  const fields = changedFields(patch);
  const routes = patch.routes ?? PRODUCT_ROUTE_KINDS;
  const next: Partial<Record<ProductRouteKind, Partial<FaultSettings>>> = { ...current };
  for (const r of routes) next[r] = { ...current[r], ...fields };
  return next;
}

/** A product's own settings win field by field over its market's. */
export function effectiveFaults(market: MarketFaults, product: ProductFaults | undefined, route: RouteKind): FaultSettings {
  const own = route === 'product' || route === 'offer' || route === 'order' ? product?.[route] : undefined;
  return own ? { ...market[route], ...own } : market[route];
}

/** The faults one request meets, once the dice are rolled. */
export interface FaultDecision {
  readonly hang: boolean;
  readonly delayMs: number;
  readonly error: ErrorFault | null;
  readonly content: ContentFault['kind'] | null;
  /** Where the answer points instead of, or beside, the shop itself. */
  readonly elsewhere: readonly string[] | null;
}

// z(0.99) of the standard normal: p99 = median · e^(σ · 2.326).
const Z_99 = 2.3263;

export function sampleLatencyMs(latency: Latency | null, random: SeededRandom): number {
  if (!latency || latency.medianMs === 0) return 0;
  const sigma = Math.log(Math.max(latency.p99Ms, latency.medianMs) / latency.medianMs) / Z_99;
  // Capped so that one unlucky draw cannot stall a test run; real tails are cut by timeouts too.
  return Math.min(Math.round(latency.medianMs * Math.exp(sigma * random.normal())), 3 * latency.p99Ms);
}

export function decideFaults(settings: FaultSettings, random: SeededRandom): FaultDecision {
  const hang = settings.hang !== null && random.chance(settings.hang.share);
  const delayMs = sampleLatencyMs(settings.latency, random);
  const error = settings.error !== null && random.chance(settings.error.share) ? settings.error : null;
  const content = settings.content !== null && random.chance(settings.content.share) ? settings.content.kind : null;
  const elsewhere = settings.elsewhere !== null && random.chance(settings.elsewhere.share) ? settings.elsewhere.targets : null;
  return { hang, delayMs, error, content, elsewhere };
}

/** Cut where a dropped connection behind a proxy would cut: in the middle of the document. */
export function truncateBody(body: string): string {
  return body.slice(0, Math.floor(body.length * 0.45));
}

export type BodyType = 'html' | 'json' | 'xml' | 'text';

/**
 * The sloppy markup real pages carry: every other closing tag dropped, a stray unclosed table, an
 * attribute with a missing quote. A lenient HTML parser still finds the content; XML and JSON
 * parsers fail (JSON gets unquoted keys), and robots.txt lines lose their colons.
 */
export function malformBody(body: string, type: BodyType): string {
  let seen = 0;
  const everyOther = (tag: string) => (seen++ % 2 === 1 ? '' : tag);
  switch (type) {
    case 'json':
      return body.replace(/"(\w+)":/g, '$1:');
    case 'xml':
      return body.replace(/<\/(url|sitemap)>/g, everyOther);
    case 'text':
      return body.replace(/: /g, ' ');
    case 'html':
      return body
        .replace(/<\/(div|span|td|tr|li|p)>/g, everyOther)
        .replace('<body', '<div class="promo"><p>\n<table><tr><td class="x>\n</body><body');
  }
}

/** Listed by a pointing-elsewhere sitemap index on the shop itself: it redirects to a target's sitemap. */
export const ELSEWHERE_SITEMAP_PATH = '/sitemaps/elsewhere.xml';
/** Product paths of the shops' own shapes, so that only their host tells them apart. */
const ELSEWHERE_PRODUCT_PATHS = ['/dp/B0ELSEWHR1', '/p/elsewhere-B0ELSEWHR2'];

/**
 * The shop's own answer with the targets named beside its URLs: robots.txt gains their sitemaps,
 * a sitemap index their sitemaps (and one on the shop that redirects to them), a sitemap and a
 * page their product and category links. JSON and photos are left as they are.
 */
export function pointElsewhere(body: string, type: BodyType, targets: readonly string[], baseUrl: string): string {
  const each = (make: (target: string) => string) => targets.map(make).join('\n');
  switch (type) {
    case 'text':
      return `${body.trimEnd()}\n${each((t) => `Sitemap: ${t}/sitemap.xml`)}\n`;
    case 'xml':
      if (body.includes('</sitemapindex>')) {
        const entries = [...targets.map((t) => `${t}/sitemap.xml`), `${baseUrl}${ELSEWHERE_SITEMAP_PATH}`].map(
          (loc) => `<sitemap><loc>${loc}</loc></sitemap>`,
        );
        return body.replace('</sitemapindex>', `${entries.join('\n')}\n</sitemapindex>`);
      }
      return body.replace(
        '</urlset>',
        `${each((t) => ELSEWHERE_PRODUCT_PATHS.map((path) => `<url><loc>${t}${path}</loc></url>`).join('\n'))}\n</urlset>`,
      );
    case 'html':
      return body.replace(
        '</main>',
        `<ul class="elsewhere">${each((t) => [...ELSEWHERE_PRODUCT_PATHS, '/c/elsewhere'].map((path) => `<li><a href="${t}${path}">${path}</a></li>`).join(''))}</ul>\n</main>`,
      );
    case 'json':
      return body;
  }
}

/** The target a redirecting answer sends a client to: the same path on one of the targets. */
export function elsewhereLocation(targets: readonly string[], path: string, pick: number): string {
  return `${targets[pick % targets.length]}${path}`;
}
