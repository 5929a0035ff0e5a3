// The jobs scraper workers take, by name, and what each payload may hold. The market is the
// worker's (its queue is `scrape-<market>`), so one worker never crawls another market's sites.
// Every job is idempotent: crawling twice upserts the same offers and appends no second history
// point, so BullMQ may retry any of them.
import { UnrecoverableError, type Job } from 'bullmq';
import { z } from 'zod';
import { MarketCode, type MarketCode as Market } from '../../common/markets';
import { marginRules } from '../pricing';
import type { JobHandler, Runtime } from '../platform/runtime';
import { translationQueue } from '../translation';
import { crawlSettingsFrom, runCrawl, type CrawlJob, type StartUrl } from './crawling/crawl.service';
import type { ScrapeRun } from './crawling/scrape-run.schema';
import { siteForUrl, sitesOfMarket, siteTable, type SiteConfig } from './crawling/sites';

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
export const CrawlSitemapPayload = z.object({
  market: MarketCode.optional(),
  site: siteName,
  sitemapUrls: z.array(z.url()).optional(),
  maxPages,
});
export const CrawlCategoryPayload = z.object({
  market: MarketCode.optional(),
  site: siteName,
  urls: z.array(z.url()).optional(),
  maxPages,
});
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
    const run = await runCrawl(
      { db: rt.db, margin: marginRules(rt.config), redis: rt.redis, translations, log: (line) => console.log(line) },
      crawl,
      settings,
    );
    await job.updateProgress({ runId: run._id, site: run.site, counts: run.counts }).catch(() => undefined);
    results.push({ _id: run._id, site: run.site, status: run.status, counts: run.counts });
  }
  return results;
}

/**
 * One crawl per site the URLs are on. Every URL must be on a site of the worker's market (the one
 * named, when a site is): a start URL elsewhere (another shop, another port of its machine, an
 * internal address) fails the job for good, before anything is fetched.
 */
function crawlsFrom(
  sites: readonly SiteConfig[],
  market: Market,
  urls: readonly string[],
  start: StartUrl['kind'],
  kind: CrawlJob['kind'],
  maxPages?: number,
): CrawlJob[] {
  const bySite = new Map<SiteConfig, StartUrl[]>();
  for (const url of urls) {
    const site = siteForUrl(url, sites);
    if (!site)
      throw new UnrecoverableError(
        `${url} is not on ${sites.length === 1 ? `the site ${sites[0]!.name}` : `a site of market ${market}`}: not crawled`,
      );
    bySite.set(site, [...(bySite.get(site) ?? []), { url, kind: start }]);
  }
  return [...bySite].map(([site, starts]) => ({ site, kind, start: starts, maxPages }));
}

const robotsOf = (site: SiteConfig): StartUrl => ({ url: new URL('/robots.txt', site.baseUrl).href, kind: 'robots' });

export const SCRAPE_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [SCRAPE_JOB_NAMES.discover]: async (job, rt) => {
    const payload = parsePayload(DiscoverPayload, job);
    const market = marketOf(job, payload.market);
    const sites = payload.site
      ? sitesFor(rt, market, payload.site)
      : sitesOfMarket(market, siteTable(rt.config)).filter((s) => s.scheduled);
    // A market with no reachable marketplace configured has nothing to discover: not a failure.
    if (sites.length === 0) return [];
    return crawlAll(
      rt,
      job,
      sites.map((site) => ({ site, kind: 'discovery', start: [robotsOf(site)], maxPages: payload.maxPages })),
    );
  },
  [SCRAPE_JOB_NAMES.crawlSitemap]: async (job, rt) => {
    const payload = parsePayload(CrawlSitemapPayload, job);
    const market = marketOf(job, payload.market);
    const sites = sitesFor(rt, market, payload.site);
    const crawls = payload.sitemapUrls
      ? crawlsFrom(sites, market, payload.sitemapUrls, 'sitemap', 'sitemap', payload.maxPages)
      : sites.map((site): CrawlJob => ({ site, kind: 'sitemap', start: [robotsOf(site)], maxPages: payload.maxPages }));
    return crawlAll(rt, job, crawls);
  },
  [SCRAPE_JOB_NAMES.crawlCategory]: async (job, rt) => {
    const payload = parsePayload(CrawlCategoryPayload, job);
    const market = marketOf(job, payload.market);
    const sites = sitesFor(rt, market, payload.site);
    // The home page links every category; the crawl follows their pagination from there.
    const crawls = payload.urls
      ? crawlsFrom(sites, market, payload.urls, 'listing', 'category', payload.maxPages)
      : sites.map((site): CrawlJob => ({
          site,
          kind: 'category',
          start: [{ url: site.baseUrl, kind: 'listing' }],
          maxPages: payload.maxPages,
        }));
    return crawlAll(rt, job, crawls);
  },
  [SCRAPE_JOB_NAMES.scrapeUrls]: async (job, rt) => {
    const payload = parsePayload(ScrapeUrlsPayload, job);
    const market = marketOf(job, payload.market);
    return crawlAll(rt, job, crawlsFrom(sitesOfMarket(market, siteTable(rt.config)), market, payload.urls, 'product', 'urls'));
  },
};
