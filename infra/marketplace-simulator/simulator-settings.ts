// The simulator's settings: their schema, their defaults in one literal, and how a caller's
// partial options are laid over the defaults. The CLI (main.ts) and the tests both come here.
import { z } from 'zod';
import { MAX_PRODUCTS_PER_MARKET } from './catalog-generator';
import { MAX_SITEMAP_URLS } from './discovery-pages';
import { DriftOptions } from './offer-drift';
import { OrderTimeline } from './supplier-orders';

export const SimulatorSettings = z.strictObject({
  seed: z.int().min(0).max(0xffff_ffff),
  productsPerMarket: z.int().min(1).max(MAX_PRODUCTS_PER_MARKET),
  /** Share of each market's products sold in two or more markets under the same GTIN. */
  crossMarketShare: z.number().min(0).max(1),
  /** Shares of pages showing the GTIN and the maker's model (IdentifierShares). */
  identifiers: z.strictObject({ gtin: z.number().min(0).max(1), model: z.number().min(0).max(1) }),
  /** Realistic latency on product pages and the offer API from the start (median 250 ms, p99 800 ms). */
  latency: z.boolean(),
  /**
   * The SP-API stand-in throttles as Amazon does (per selling account and operation, on the host's
   * clock); off for tests and benchmarks that call it more often than a real account may.
   */
  partnerRateLimits: z.boolean(),
  host: z.string().min(1),
  /** 0: each server takes a free port. Otherwise it, fr, de, es listen on portBase to portBase+3, control on portBase+4. */
  portBase: z.int().refine((p) => p === 0 || (p >= 1024 && p <= 65_531), 'expected 0 (free ports) or a port from 1024 to 65531'),
  urlsPerSitemap: z.int().min(1).max(MAX_SITEMAP_URLS),
  productsPerListingPage: z.int().min(1).max(500),
  drift: DriftOptions,
  orders: OrderTimeline,
});
export type SimulatorSettings = z.infer<typeof SimulatorSettings>;

export const DEFAULT_SETTINGS: SimulatorSettings = {
  seed: 1,
  productsPerMarket: 5_000,
  crossMarketShare: 0.6,
  // As real shops: 17 of 60 real EU product pages showed a GTIN; about half name the maker's model.
  identifiers: { gtin: 0.3, model: 0.5 },
  latency: true,
  partnerRateLimits: true,
  host: '127.0.0.1',
  portBase: 0,
  urlsPerSitemap: MAX_SITEMAP_URLS,
  productsPerListingPage: 24,
  // A price moves within ±5 % every 10 to 40 minutes: a refresher sees changes within a demo.
  drift: { intervalMs: 10 * 60_000, amplitudeBasisPoints: 500 },
  // Compressed: a demo sees an order shipped after 2 minutes and delivered after 10.
  orders: { shippedAfterMs: 2 * 60_000, deliveredAfterMs: 10 * 60_000, failureShare: 0.05 },
};

/** Every page shows the GTIN and the model: for tests about what those identifiers join. */
export const EVERY_IDENTIFIER = { gtin: 1, model: 1 } as const;

export interface SimulatorOptions extends Partial<Omit<SimulatorSettings, 'drift' | 'orders'>> {
  readonly drift?: Partial<DriftOptions>;
  readonly orders?: Partial<OrderTimeline>;
  /** Milliseconds since the epoch; tests pass a clock they move by hand. @defaultValue Date.now */
  readonly clock?: () => number;
}

export class SimulatorSettingsError extends Error {
  override readonly name = 'SimulatorSettingsError';

  constructor(readonly issues: readonly { readonly setting: string; readonly message: string }[]) {
    super(`invalid simulator options: ${issues.map((i) => `${i.setting}: ${i.message}`).join('; ')}`);
  }
}

export function resolveSettings(options: SimulatorOptions): SimulatorSettings {
  const { clock: _clock, ...given } = options;
  const parsed = SimulatorSettings.safeParse({
    ...DEFAULT_SETTINGS,
    ...given,
    drift: { ...DEFAULT_SETTINGS.drift, ...options.drift },
    orders: { ...DEFAULT_SETTINGS.orders, ...options.orders },
  });
  if (!parsed.success)
    throw new SimulatorSettingsError(parsed.error.issues.map((i) => ({ setting: i.path.join('.') || '(options)', message: i.message })));
  return parsed.data;
}
