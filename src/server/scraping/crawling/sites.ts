// The shops we scrape, as configuration: which hosts belong to which market, which extractor
// reads them, whether they need a browser, how politely to crawl them, where discovery starts.
// Adding a shop is adding a row here (and an extractor only when the generic one is not enough).
// The simulated marketplaces are rows too, built from the MARKETPLACE_URL_* settings.
// Pure: configuration in, table out.
import { z } from 'zod';
import type { Config } from '../../platform/config';
import { MARKET_CODES, MarketCode } from '../../../common/markets';
import { QUOTE_SOURCES, QuoteSource } from '../../catalog';
import { EXTRACTOR_NAMES } from '../extraction/extract';

export const SiteConfig = z.object({
  /** Stable name, stored with every offer: `amazon.it`, `simulator-it`. */
  name: z.string().regex(/^[a-z0-9.-]+$/),
  market: MarketCode,
  /** `host` or `host:port`, lowercase, without `www.` (matched with and without it). */
  hosts: z.array(z.string().min(1)).min(1),
  /** Hosts its product photos are served from besides `hosts` (a CDN), same form: the image route fetches only these. */
  imageHosts: z.array(z.string().min(1)),
  /** Base URL discovery starts from (robots.txt, sitemap, home page). */
  baseUrl: z.url(),
  extractor: z.enum(EXTRACTOR_NAMES),
  /** Pages rendered by JavaScript: fetched with Chromium through Crawlee's Playwright crawler. */
  browser: z.boolean(),
  /** Politeness: requests per minute to this site from one worker; 0 means no limit. */
  maxRequestsPerMinute: z.number().int().min(0),
  maxConcurrency: z.number().int().min(1),
  respectRobotsTxt: z.boolean(),
  /** Crawled by the scheduled discovery; a site off the schedule is crawled only on demand. */
  scheduled: z.boolean(),
  /** Where the live price is asked (QUOTE_SOURCES); QUOTE_SOURCE_OVERRIDES changes it per deployment. */
  quoteSource: QuoteSource,
  /** Which links of a category page are products, and which are further listing pages. */
  productPath: z.instanceof(RegExp),
  listingPath: z.instanceof(RegExp),
});
export type SiteConfig = z.infer<typeof SiteConfig>;

const amazon = (market: MarketCode, tld: string): SiteConfig => ({
  name: `amazon.${tld}`,
  market,
  hosts: [`amazon.${tld}`],
  imageHosts: ['m.media-amazon.com', 'images-na.ssl-images-amazon.com'],
  baseUrl: `https://www.amazon.${tld}/`,
  extractor: 'amazon',
  browser: false,
  // Amazon answers fast crawlers with its robot check; a few pages a minute per worker stay below it.
  maxRequestsPerMinute: 20,
  maxConcurrency: 1,
  respectRobotsTxt: true,
  // Not reachable from our machines (no route out); on a deployment with proxies, schedule it.
  scheduled: false,
  // Its product page, as the scrapers read it, until the Selling Partner API's client is built.
  quoteSource: 'page',
  productPath: /\/(?:dp|gp\/product)\/[A-Z0-9]{10}/,
  listingPath: /\/(?:b\/|s\?|gp\/bestsellers)/,
});

/** Real marketplaces. They cannot be reached from our machines; the rows document how we would. */
export const STATIC_SITES: readonly SiteConfig[] = [amazon('it', 'it'), amazon('fr', 'fr'), amazon('de', 'de'), amazon('es', 'es')];

/** Settings the site table is built from (a subset of the app's Config). */
export type SiteSettings = Pick<
  Config,
  | 'MARKETPLACE_URL_IT'
  | 'MARKETPLACE_URL_FR'
  | 'MARKETPLACE_URL_DE'
  | 'MARKETPLACE_URL_ES'
  | 'SCRAPE_MAX_REQUESTS_PER_MINUTE'
  | 'SCRAPE_MAX_CONCURRENCY'
  | 'SCRAPE_RESPECT_ROBOTS_TXT'
> &
  Partial<Pick<Config, 'QUOTE_SOURCE_OVERRIDES'>>;

/** How a site's hosts are written: lowercase, port kept unless the scheme's default, without `www.`. */
export function siteHost(url: string): string {
  return new URL(url).host.toLowerCase().replace(/^www\./, '');
}

/** The configured marketplace of each market (the simulator in development and tests). */
export function marketplaceSites(settings: SiteSettings): SiteConfig[] {
  const urls: Record<MarketCode, string | undefined> = {
    it: settings.MARKETPLACE_URL_IT,
    fr: settings.MARKETPLACE_URL_FR,
    de: settings.MARKETPLACE_URL_DE,
    es: settings.MARKETPLACE_URL_ES,
  };
  return MARKET_CODES.flatMap((market) => {
    const url = urls[market];
    if (!url) return [];
    return [
      {
        name: `marketplace-${market}`,
        market,
        hosts: [siteHost(url)],
        imageHosts: [],
        baseUrl: url.endsWith('/') ? url : `${url}/`,
        // The shop mixes Amazon-like and schema.org pages, so each page picks its extractor.
        extractor: 'auto',
        browser: false,
        maxRequestsPerMinute: settings.SCRAPE_MAX_REQUESTS_PER_MINUTE,
        maxConcurrency: settings.SCRAPE_MAX_CONCURRENCY,
        respectRobotsTxt: settings.SCRAPE_RESPECT_ROBOTS_TXT,
        scheduled: true,
        quoteSource: 'offer-api',
        productPath: /^\/(?:dp\/[A-Z0-9]{10}|p\/[^/?#]+)$/,
        listingPath: /^\/c\/[^/?#]+$/,
      },
    ];
  });
}

export function siteTable(settings?: SiteSettings): SiteConfig[] {
  const sites = [...(settings ? marketplaceSites(settings) : []), ...STATIC_SITES];
  const overrides = settings?.QUOTE_SOURCE_OVERRIDES ?? {};
  for (const [name, source] of Object.entries(overrides)) {
    if (!sites.some((site) => site.name === name))
      throw new RangeError(`QUOTE_SOURCE_OVERRIDES names ${name}, which is no site (sites: ${sites.map((s) => s.name).join(', ')})`);
    if (!(QUOTE_SOURCES as readonly string[]).includes(source))
      throw new RangeError(`QUOTE_SOURCE_OVERRIDES gives ${name} the source "${source}"; expected one of ${QUOTE_SOURCES.join(', ')}`);
  }
  return sites.map((site) => (overrides[site.name] ? { ...site, quoteSource: overrides[site.name] as QuoteSource } : site));
}

/**
 * Whether `url` is on one of `hosts` (as `siteHost` writes them): http(s) without credentials, the
 * host with or without `www.`, and the same port. Another port of a shop's machine is not the
 * shop, nor is a private address a page merely names: this is what keeps crawls and the image
 * route on the shops.
 */
export function isOnHosts(url: string | URL, hosts: ReadonlySet<string> | readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  const host = siteHost(parsed.href);
  return 'has' in hosts ? hosts.has(host) : hosts.includes(host);
}

/** The site a URL belongs to, by host (with or without `www.`) and port. */
export function siteForUrl(url: string, sites: readonly SiteConfig[] = STATIC_SITES): SiteConfig | undefined {
  return sites.find((site) => isOnHosts(url, site.hosts));
}

export function sitesOfMarket(market: MarketCode, sites: readonly SiteConfig[]): SiteConfig[] {
  return sites.filter((site) => site.market === market);
}
