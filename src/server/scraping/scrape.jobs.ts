// The jobs scraper workers take, by name, and what each payload may hold. The market is the
// worker's (its queue is `scrape-<market>`), so one worker never crawls another market's sites.
// Every job is idempotent: crawling twice upserts the same offers and appends no second history
// point, so BullMQ may retry any of them.
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { MarketCode, type MarketCode as Market } from '../markets';
import { marginRules } from '../pricing';
import type { JobHandler } from '../runtime/worker';
import { translationQueue } from '../translation';
import type { Runtime } from '../runtime/runtime';
import { crawlSettingsFrom, runCrawl, type CrawlJob, type StartUrl } from './crawl.service';
import type { ScrapeRun } from './scrape-run.schema';
import { siteForUrl, sitesOfMarket, siteTable, type SiteConfig } from './sites';

export const SCRAPE_JOB_NAMES = {
  /** Scheduled: every site of the market from robots.txt and its sitemaps. */
  discover: 'discover',
  crawlSitemap: 'crawl-sitemap',
  crawlCategory: 'crawl-category',
  scrapeUrls: 'scrape-urls',
} as const;

const maxPages = z.number().int().positive().optional();
/** A site of the worker's market by name; all of them when left out. */
const siteName = z.string().min(1).optional();

export const DiscoverPayload = z.object({ market: MarketCode.optional(), site: siteName, maxPages });
export const CrawlSitemapPayload = z.object({ market: MarketCode.optional(), site: siteName, sitemapUrls: z.array(z.url()).optional(), maxPages });
export const CrawlCategoryPayload = z.object({ market: MarketCode.optional(), site: siteName, urls: z.array(z.url()).optional(), maxPages });
export const ScrapeUrlsPayload = z.object({ market: MarketCode.optional(), urls: z.array(z.url()).min(1).max(10_000) });

function parsePayload<T extends z.ZodType>(schema: T, job: Job): z.infer<T> {
  const parsed = schema.safeParse(job.data ?? {});
  // A malformed payload fails the same way every time: no retries.
  if (!parsed.success) throw new UnrecoverableError(`job ${job.name}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function marketOf(job: Job, payloadMarket: Market | undefined): Market {
  const fromQueue = /^scrape-([a-z]{2})$/.exec(job.queueName)?.[1];
  const market = MarketCode.safeParse(fromQueue ?? payloadMarket);
  if (!market.success) throw new UnrecoverableError(`job ${job.name} on queue ${job.queueName} names no market`);
  if (payloadMarket && payloadMarket !== market.data) throw new UnrecoverableError(`job for ${payloadMarket} on the ${market.data} queue`);
  return market.data;
}

function sitesFor(rt: Runtime, market: Market, name: string | undefined): SiteConfig[] {
  const sites = sitesOfMarket(market, siteTable(rt.config)).filter((s) => !name || s.name === name);
  if (sites.length === 0) throw new UnrecoverableError(`no site${name ? ` named ${name}` : ''} configured for market ${market}`);
  return sites;
}

async function crawlAll(rt: Runtime, job: Job, crawls: CrawlJob[]): Promise<Pick<ScrapeRun, '_id' | 'site' | 'status' | 'counts'>[]> {
  const settings = crawlSettingsFrom(rt.config);
  const results = [];
  for (const crawl of crawls) {
    // Without a DeepL key no job could succeed: none is asked for, and pages show the original text.
    const translations = rt.config.DEEPL_AUTH_KEY ? translationQueue(rt.redis, rt.config) : undefined;
    const run = await runCrawl({ collections: rt.collections, margin: marginRules(rt.config), redis: rt.redis, translations, log: (line) => console.log(line) }, crawl, settings);
    await job.updateProgress({ runId: run._id, site: run.site, counts: run.counts }).catch(() => undefined);
    results.push({ _id: run._id, site: run.site, status: run.status, counts: run.counts });
  }
  return results;
}

/** One crawl per site of the market (or of the one site named), each from its own start URLs. */
function crawlsOf(
  rt: Runtime,
  market: Market,
  site: string | undefined,
  kind: CrawlJob['kind'],
  start: (site: SiteConfig) => StartUrl[],
  maxPages: number | undefined,
): CrawlJob[] {
  return sitesFor(rt, market, site).map((s) => ({ site: s, kind, start: start(s), maxPages }));
}

const robotsOf = (site: SiteConfig): StartUrl => ({ url: new URL('/robots.txt', site.baseUrl).href, kind: 'robots' });

export const SCRAPE_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [SCRAPE_JOB_NAMES.discover]: async (job, rt) => {
    const payload = parsePayload(DiscoverPayload, job);
    const market = marketOf(job, payload.market);
    const sites = payload.site ? sitesFor(rt, market, payload.site) : sitesOfMarket(market, siteTable(rt.config)).filter((s) => s.scheduled);
    // A market with no reachable marketplace configured has nothing to discover: not a failure.
    if (sites.length === 0) return [];
    return crawlAll(rt, job, sites.map((site) => ({ site, kind: 'discovery', start: [robotsOf(site)], maxPages: payload.maxPages })));
  },
  [SCRAPE_JOB_NAMES.crawlSitemap]: async (job, rt) => {
    const payload = parsePayload(CrawlSitemapPayload, job);
    const start = (site: SiteConfig) => payload.sitemapUrls?.map((url): StartUrl => ({ url, kind: 'sitemap' })) ?? [robotsOf(site)];
    return crawlAll(rt, job, crawlsOf(rt, marketOf(job, payload.market), payload.site, 'sitemap', start, payload.maxPages));
  },
  [SCRAPE_JOB_NAMES.crawlCategory]: async (job, rt) => {
    const payload = parsePayload(CrawlCategoryPayload, job);
    // The home page links every category; the crawl follows their pagination from there.
    const start = (site: SiteConfig) => (payload.urls ?? [site.baseUrl]).map((url): StartUrl => ({ url, kind: 'listing' }));
    return crawlAll(rt, job, crawlsOf(rt, marketOf(job, payload.market), payload.site, 'category', start, payload.maxPages));
  },
  [SCRAPE_JOB_NAMES.scrapeUrls]: async (job, rt) => {
    const payload = parsePayload(ScrapeUrlsPayload, job);
    const market = marketOf(job, payload.market);
    const sites = sitesOfMarket(market, siteTable(rt.config));
    const bySite = new Map<SiteConfig, StartUrl[]>();
    for (const url of payload.urls) {
      const site = siteForUrl(url, sites);
      if (!site) throw new UnrecoverableError(`${url} belongs to no site of market ${market}`);
      bySite.set(site, [...(bySite.get(site) ?? []), { url, kind: 'product' }]);
    }
    return crawlAll(rt, job, [...bySite].map(([site, start]) => ({ site, kind: 'urls', start })));
  },
};
