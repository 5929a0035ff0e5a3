// One crawl of one site with Crawlee: from robots.txt and sitemaps, from category pages, or from
// a list of URLs, to listings upserted into the catalog, recorded as a scrape run. The HTTP
// crawler by default, the Playwright crawler (Debian's Chromium) for sites configured as needing
// a browser. Politeness, proxies and sessions are Crawlee's; what counts as blocked, how the site
// backs off and what is retried is decided here: `pageVerdict` reads a fetched page, and
// `crawlPages` runs the steps (verdict, follow a listing or read a product, write in batches,
// record failures). The crawl stays on the site's hosts: a sitemap, link or redirect elsewhere is
// counted (`off_site`) and never fetched, and every connection goes through the outbound guard,
// so no private address is reached whatever a name resolves to. robots.txt is read once, through the same guard, and obeyed here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Configuration,
  HttpCrawler,
  LogLevel,
  NonRetryableError,
  ProxyConfiguration,
  log as crawleeLog,
  type InternalHttpCrawlingContext,
  type Request,
  type RequestQueue,
  type Session,
} from '@crawlee/cheerio';
import { PlaywrightCrawler } from '@crawlee/playwright';
import { RobotsTxtFile } from '@crawlee/utils';
import { chromium, type Page } from 'playwright';
import type { Config } from '../../platform/config';
import type { Db } from 'mongodb';
import { CHROMIUM_ARGS } from '../../platform/chromium';
import { outboundFetch, outboundPolicy, outboundRefusal, type OutboundPolicy } from '../../platform/outbound';
import { detectBlockPage } from '../extraction/block-page';
import { ConfinedHttpClient, OFF_SITE } from './crawl-http-client';
import { CrawlQueue } from './crawl-queue';
import { classifyUrl, linksOfListing, parseSitemap, sitemapsFromRobots } from './discovery';
import { extractPage } from '../extraction/extract';
import { decodeHtml } from '../extraction/html-decode';
import { parseHtml } from '../extraction/html-text';
import type { BlockReason, Listing } from '../extraction/listing.schema';
import { writeListings, type ListingWriteDeps } from '../listing-writes/listing.service';
import type { ScrapeRun } from './scrape-run.schema';
import { saveScrapeRunProgress, startScrapeRun } from './scrape-run.store';
import { isOnHosts, type SiteConfig } from './sites';

export interface CrawlSettings {
  readonly requestTimeoutMs: number;
  readonly maxRetries: number;
  /** First pause of a site after a block page; doubles while blocks continue. */
  readonly blockBackoffMs: number;
  /** First wait before retrying a failed page; doubles with each retry, at most 5 s. @defaultValue 500 */
  readonly retryBackoffMs: number;
  readonly proxyUrls: readonly string[];
  readonly browserPath: string;
  /** Listings per bulk write. @defaultValue 200 */
  readonly batchSize: number;
  /** How often the progress line is logged and the run saved. @defaultValue 5000 */
  readonly progressMs: number;
  /** Which addresses the crawl may connect to (OUTBOUND_ALLOW_PRIVATE_SHOPS). */
  readonly outbound: OutboundPolicy;
}

export function crawlSettingsFrom(config: Config, overrides: Partial<CrawlSettings> = {}): CrawlSettings {
  return {
    requestTimeoutMs: config.SCRAPE_REQUEST_TIMEOUT_MS,
    maxRetries: config.SCRAPE_MAX_RETRIES,
    blockBackoffMs: config.SCRAPE_BLOCK_BACKOFF_MS,
    retryBackoffMs: 500,
    proxyUrls: config.SCRAPE_PROXY_URLS,
    browserPath: config.SCRAPE_BROWSER_PATH,
    batchSize: 200,
    progressMs: 5000,
    outbound: outboundPolicy(config),
    ...overrides,
  };
}

export type StartUrl = { readonly url: string; readonly kind: 'robots' | 'sitemap' | 'listing' | 'product' };

export interface CrawlJob {
  readonly site: SiteConfig;
  readonly kind: ScrapeRun['kind'];
  readonly start: readonly StartUrl[];
  /** Upper bound on product and listing pages fetched (sitemaps not included). */
  readonly maxPages?: number;
}

/** What the listings are written with (margin rules, Redis for the product cache), plus the scrape runs' collection. */
export interface CrawlDeps extends ListingWriteDeps {
  readonly db: Db;
  readonly log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bump = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);

let crawleeQuieted = false;

/** A URL off the site's hosts, met in a file or a redirect: not fetched. */
class OffSite extends Error {}

/**
 * Fetches a robots.txt or a sitemap of the site: time-boxed, retried with backoff, Retry-After
 * honoured up to the block backoff; redirects only within the site (else OffSite, not retried).
 */
async function fetchText(
  url: string,
  site: SiteConfig,
  settings: CrawlSettings,
  complete: (text: string) => boolean = () => true,
): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= settings.maxRetries; attempt++) {
    try {
      const response = await outboundFetch(url, {
        policy: settings.outbound,
        allow: (next) => isOnHosts(next, site.hosts),
        signal: AbortSignal.timeout(settings.requestTimeoutMs),
        headers: { accept: 'application/xml,text/xml,text/plain,*/*' },
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.ok) {
        const text = decodeHtml(bytes, response.headers.get('content-type'));
        // A file cut short would silently drop every URL after the cut: fetch it again.
        if (complete(text)) return text;
        lastError = new Error(`truncated answer from ${url}`);
        await sleep(Math.min(settings.retryBackoffMs * 2 ** attempt, 5000));
        continue;
      }
      lastError = new Error(`HTTP ${response.status} for ${url}`);
      if (response.status === 404 || response.status === 410) break;
      const retryAfterS = Number(response.headers.get('retry-after'));
      if (Number.isFinite(retryAfterS) && retryAfterS > 0) await sleep(Math.min(retryAfterS * 1000, settings.blockBackoffMs));
    } catch (error) {
      const refused = outboundRefusal(error);
      if (refused) throw new OffSite(refused.message);
      lastError = error;
    }
    await sleep(Math.min(settings.retryBackoffMs * 2 ** attempt, 5000));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

interface Robots {
  readonly url: string;
  /** null when it could not be read: then nothing is disallowed and no sitemap named. */
  readonly text: string | null;
  readonly file: RobotsTxtFile | null;
}

/**
 * The site's robots.txt, read once per crawl. Where discovery starts from it, it counts as a page
 * and its absence as a failure; read only for its rules, a site without one allows everything.
 */
async function readRobots(job: CrawlJob, settings: CrawlSettings, run: ScrapeRun): Promise<Robots> {
  const start = job.start.find((s) => s.kind === 'robots');
  const url = start?.url ?? new URL('/robots.txt', job.site.baseUrl).href;
  try {
    const text = await fetchText(url, job.site, settings);
    if (start) run.counts.pages += 1;
    return { url, text, file: RobotsTxtFile.from(url, text) };
  } catch (error) {
    if (error instanceof OffSite) bump(run.failedByReason, OFF_SITE);
    else if (start) bump(run.failedByReason, 'robots_txt');
    return { url, text: null, file: null };
  }
}

const robotsAllow = (robots: Robots | null, url: string) => !robots?.file || robots.file.isAllowed(url);

export async function runCrawl(deps: CrawlDeps, job: CrawlJob, settings: CrawlSettings): Promise<ScrapeRun> {
  const { site } = job;
  const logLine = deps.log ?? ((line: string) => console.log(line));
  const run = await startScrapeRun(deps, { market: site.market, site: site.name, kind: job.kind });
  const started = Date.now();
  const progress = () => {
    const c = run.counts;
    const seconds = (Date.now() - started) / 1000;
    logLine(
      `[scrape ${site.name} ${job.kind} ${run._id}] ${seconds.toFixed(0)} s: pages ${c.pages} (${(c.pages / Math.max(seconds, 0.001)).toFixed(1)}/s), products ${c.products}, ` +
        `new ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, blocked ${c.blocked}, failed ${c.failed}`,
    );
  };
  const timer = setInterval(() => {
    progress();
    void saveScrapeRunProgress(deps, run).catch(() => undefined);
  }, settings.progressMs);

  try {
    const pages = new Map<string, StartUrl['kind']>();
    for (const start of job.start) {
      if (start.kind !== 'product' && start.kind !== 'listing') continue;
      if (isOnHosts(start.url, site.hosts)) pages.set(start.url, start.kind);
      else bump(run.failedByReason, OFF_SITE);
    }
    const robots = site.respectRobotsTxt || job.start.some((s) => s.kind === 'robots') ? await readRobots(job, settings, run) : null;
    await expandSitemaps(job, settings, run, pages, robots);
    const requests = [];
    for (const [url, label] of pages) {
      if (requests.length >= (job.maxPages ?? Infinity)) break;
      if (site.respectRobotsTxt && !robotsAllow(robots, url)) bump(run.failedByReason, 'robots_txt');
      else requests.push({ url, label });
    }
    if (requests.length > 0) await crawlPages(deps, job, settings, run, requests, site.respectRobotsTxt ? robots : null);
    run.status = 'finished';
  } catch (error) {
    run.status = 'failed';
    run.error = error instanceof Error ? error.message : String(error);
  } finally {
    clearInterval(timer);
    run.finishedAt = new Date();
    progress();
    await saveScrapeRunProgress(deps, run);
  }
  return run;
}

/**
 * robots.txt → sitemap index → sitemaps → product URLs; a failed sitemap is recorded, the others
 * go on. A sitemap or page on another host (robots.txt, an index or a sitemap may name any) is
 * counted as `off_site` and never fetched.
 */
async function expandSitemaps(
  job: CrawlJob,
  settings: CrawlSettings,
  run: ScrapeRun,
  pages: Map<string, StartUrl['kind']>,
  robots: Robots | null,
): Promise<void> {
  const { site } = job;
  const sitemaps = job.start.filter((s) => s.kind === 'sitemap').map((s) => s.url);
  if (robots && job.start.some((s) => s.kind === 'robots')) {
    // Read leniently ("Sitemap" without its colon), unlike the rules' parser.
    const named = robots.text === null ? [] : sitemapsFromRobots(robots.text, robots.url);
    sitemaps.push(...(named.length > 0 ? named : [new URL('/sitemap.xml', robots.url).href]));
  }
  const seen = new Set<string>();
  while (sitemaps.length > 0) {
    const url = sitemaps.shift()!;
    if (seen.has(url) || seen.size > 10_000) continue;
    seen.add(url);
    if (!isOnHosts(url, site.hosts)) {
      bump(run.failedByReason, OFF_SITE);
      continue;
    }
    try {
      const content = parseSitemap(await fetchText(url, site, settings, (xml) => /<\/(?:urlset|sitemapindex)>\s*$/i.test(xml)), url);
      run.counts.pages += 1;
      sitemaps.push(...content.sitemaps);
      // From sitemaps only products are taken: every product is listed there, so crawling the
      // category pages as well would fetch each product's links a second time.
      for (const page of content.pages) {
        if (classifyUrl(page, site) === 'product') pages.set(page, 'product');
        else if (!isOnHosts(page, site.hosts)) bump(run.failedByReason, OFF_SITE);
      }
      if ((job.maxPages ?? Infinity) <= pages.size) break;
    } catch (error) {
      if (error instanceof OffSite) {
        bump(run.failedByReason, OFF_SITE);
        continue;
      }
      run.counts.failed += 1;
      bump(run.failedByReason, 'sitemap');
    }
  }
}

interface PageContext {
  readonly request: Request;
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly html: string;
  readonly session: Session | undefined;
  addRequests(requests: { url: string; label: string }[]): Promise<unknown>;
}

/**
 * Chromium fetches nothing itself: every request of the page (document, scripts, images) is
 * made by us through the outbound guard and handed back, and one off the site is aborted.
 * Redirects are followed here, within the site: one handed back to Chromium would be followed by
 * Chromium's own network stack, past this route.
 */
async function confinePage(page: Page, site: SiteConfig, settings: CrawlSettings, proxyUrl: string | undefined): Promise<void> {
  await page.routeWebSocket(/.*/, (ws) => ws.close());
  await page.route('**/*', async (route) => {
    const request = route.request();
    if (!isOnHosts(request.url(), site.hosts)) return route.abort('blockedbyclient');
    try {
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([name]) => !HOP_HEADERS.has(name) && !name.startsWith(':')),
      );
      const response = await outboundFetch(request.url(), {
        policy: settings.outbound,
        allow: (url) => isOnHosts(url, site.hosts),
        method: request.method(),
        headers,
        body: request.postDataBuffer() ?? undefined,
        signal: AbortSignal.timeout(settings.requestTimeoutMs),
        proxyUrl,
      });
      const body = Buffer.from(await response.arrayBuffer());
      const answer: Record<string, string> = {};
      // The body is decoded already: its encoding and length no longer apply.
      for (const [name, value] of response.headers)
        if (!HOP_HEADERS.has(name) && name !== 'content-encoding' && name !== 'set-cookie') answer[name] = value;
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) answer['set-cookie'] = cookies.join('\n');
      await route.fulfill({ status: response.status, headers: answer, body });
    } catch (error) {
      await route.abort(outboundRefusal(error) ? 'blockedbyclient' : 'failed');
    }
  });
}

const HOP_HEADERS = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** Why a page gave no listing: blocked by the site (counted apart: the session is retired and the site rests), or failed. */
export type PageFailure =
  | { readonly kind: 'blocked'; readonly reason: BlockReason }
  | { readonly kind: 'failed'; readonly reason: `http_${number}` | 'truncated' | 'no_product' | typeof OFF_SITE | 'timeout' | 'error' };

/** A page's failure and whether Crawlee should try it again (with another session). */
interface PageVerdict {
  readonly failure: PageFailure;
  readonly retry: boolean;
  /** How long the whole site rests before its next request. */
  readonly pauseMs?: number;
}

/** The failure a fetched page's status and body show, if any. Pure. */
export function pageVerdict(
  page: { readonly status: number; readonly html: string; readonly retryAfter: string | undefined },
  settings: Pick<CrawlSettings, 'retryBackoffMs' | 'blockBackoffMs'>,
  consecutiveBlocks: number,
): PageVerdict | null {
  const { status, html } = page;
  if (status === 429 || status === 503) {
    const retryAfterMs = Number(page.retryAfter) * 1000;
    const wait = Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? retryAfterMs : settings.retryBackoffMs;
    return { failure: { kind: 'failed', reason: `http_${status}` }, retry: true, pauseMs: Math.min(wait, settings.blockBackoffMs) };
  }
  if (status >= 500) return { failure: { kind: 'failed', reason: `http_${status}` }, retry: true };
  const blocked = detectBlockPage(html, status);
  // A block is about the session (cookies, fingerprint, proxy): retire it, rest the site, longer each time.
  if (blocked)
    return {
      failure: { kind: 'blocked', reason: blocked },
      retry: true,
      pauseMs: Math.min(settings.blockBackoffMs * 2 ** consecutiveBlocks, 10 * 60_000),
    };
  if (status >= 400) return { failure: { kind: 'failed', reason: `http_${status}` }, retry: false };
  // A page cut short loses its price block or its availability: fetch it again, never store it.
  if (!/<\/(?:html|body)>/i.test(html)) return { failure: { kind: 'failed', reason: 'truncated' }, retry: true };
  return null;
}

/** The failure of a request Crawlee gave up on that no verdict of ours explains: the HTTP client's or Chromium's refusal, a timeout. */
function failureOfError(error: Error): PageFailure {
  if (error.message.startsWith(`${OFF_SITE}:`) || error.message.includes('ERR_BLOCKED_BY_CLIENT'))
    return { kind: 'failed', reason: OFF_SITE };
  return { kind: 'failed', reason: /timed? ?out/i.test(error.message) ? 'timeout' : 'error' };
}

function recordFailure(run: ScrapeRun, failure: PageFailure): void {
  if (failure.kind === 'blocked') {
    run.counts.blocked += 1;
    bump(run.blockedByReason, failure.reason);
  } else {
    run.counts.failed += 1;
    bump(run.failedByReason, failure.reason);
  }
}

/**
 * Listings written in batches while the crawl goes on. A polite crawl (two pages a second by
 * default) would take minutes to fill a batch, so a batch also goes out once its oldest listing
 * has waited a progress period. A write overlaps further fetches; a page waits only when two
 * batches are already queued, so a slow database slows the crawl instead of filling memory.
 */
function listingWriter(deps: CrawlDeps, settings: CrawlSettings, run: ScrapeRun) {
  let pending: Listing[] = [];
  let pendingSince = 0;
  let inFlight = 0;
  let writing: Promise<void> = Promise.resolve();

  const write = async (batch: Listing[]) => {
    try {
      const counts = await writeListings(deps, batch);
      run.counts.inserted += counts.inserted;
      run.counts.updated += counts.updated;
      run.counts.unchanged += counts.unchanged;
      for (const [reason, n] of Object.entries(counts.skipped)) {
        run.counts.failed += n;
        run.failedByReason[reason] = (run.failedByReason[reason] ?? 0) + n;
      }
    } catch (error) {
      run.counts.failed += batch.length;
      run.failedByReason['store'] = (run.failedByReason['store'] ?? 0) + batch.length;
      run.error = `store: ${error instanceof Error ? error.message : String(error)}`;
    }
  };
  const flush = (): Promise<void> => {
    const batch = pending;
    pending = [];
    if (batch.length > 0) writing = writing.then(() => write(batch));
    return writing;
  };
  return {
    flush,
    async add(listing: Listing): Promise<void> {
      if (pending.length === 0) pendingSince = Date.now();
      pending.push(listing);
      if (pending.length < settings.batchSize && Date.now() - pendingSince < settings.progressMs) return;
      inFlight += 1;
      const written = flush().finally(() => (inFlight -= 1));
      if (inFlight > 2) await written;
    },
  };
}

/** Holds every request of the site for a while (after a block or a Retry-After), without cutting running ones. */
function sitePause(pool: () => { pause(): Promise<unknown>; resume(): void } | undefined) {
  let resumeTimer: NodeJS.Timeout | undefined;
  return {
    pause(ms: number): void {
      const current = pool();
      if (!current || ms <= 0) return;
      void current.pause().catch(() => undefined);
      clearTimeout(resumeTimer);
      resumeTimer = setTimeout(() => current.resume(), ms);
    },
    stop: () => clearTimeout(resumeTimer),
  };
}

/** A category or search page: its product and listing links, those robots.txt allows, become requests. */
async function followListing(ctx: PageContext, site: SiteConfig, robots: Robots | null, run: ScrapeRun): Promise<void> {
  const links = linksOfListing(parseHtml(ctx.html), ctx.request.loadedUrl ?? ctx.request.url, site);
  const found = [...links.products.map((url) => ({ url, label: 'product' })), ...links.listings.map((url) => ({ url, label: 'listing' }))];
  const allowed = found.filter((r) => robotsAllow(robots, r.url));
  for (let i = allowed.length; i < found.length; i++) bump(run.failedByReason, 'robots_txt');
  await ctx.addRequests(allowed);
}

/** A product page that passed pageVerdict: its listing, or the failure that says why there is none. */
function readProduct(ctx: PageContext, site: SiteConfig): Listing | PageVerdict {
  const result = extractPage({
    html: ctx.html,
    url: ctx.request.loadedUrl ?? ctx.request.url,
    market: site.market,
    site: site.name,
    extractor: site.extractor,
    status: ctx.status,
    blockPageChecked: true,
  });
  if (result.kind === 'listing') return result.listing;
  const failure: PageFailure =
    result.kind === 'blocked' ? { kind: 'blocked', reason: result.reason } : { kind: 'failed', reason: 'no_product' };
  return { failure, retry: true };
}

async function crawlPages(
  deps: CrawlDeps,
  job: CrawlJob,
  settings: CrawlSettings,
  run: ScrapeRun,
  requests: { url: string; label: string }[],
  robots: Robots | null,
): Promise<void> {
  const { site } = job;
  if (!crawleeQuieted) {
    // Our progress line and scrape runs say what happened; Crawlee's per-request warnings would drown it.
    crawleeLog.setLevel(LogLevel.OFF);
    crawleeQuieted = true;
  }
  // Crawlee reports a failed request with its last error only: the verdict is kept by request.
  const failures = new Map<string, PageFailure>();
  let consecutiveBlocks = 0;
  const writer = listingWriter(deps, settings, run);
  let crawler: HttpCrawler<InternalHttpCrawlingContext> | PlaywrightCrawler | undefined;
  const pause = sitePause(() => crawler?.autoscaledPool);

  const refuse = (ctx: PageContext, verdict: PageVerdict): never => {
    failures.set(ctx.request.uniqueKey, verdict.failure);
    if (verdict.pauseMs !== undefined) pause.pause(verdict.pauseMs);
    const message = `${verdict.failure.kind}: ${verdict.failure.reason}`;
    throw verdict.retry ? new Error(message) : new NonRetryableError(message);
  };

  const handlePage = async (ctx: PageContext): Promise<void> => {
    run.counts.pages += 1;
    const verdict = pageVerdict(ctx, settings, consecutiveBlocks);
    if (verdict?.failure.kind === 'blocked') {
      ctx.session?.retire();
      consecutiveBlocks += 1;
    }
    if (verdict) return refuse(ctx, verdict);
    consecutiveBlocks = 0;
    if (ctx.request.label === 'listing') return followListing(ctx, site, robots, run);
    const product = readProduct(ctx, site);
    if ('failure' in product) return refuse(ctx, product);
    run.counts.products += 1;
    await writer.add(product);
  };

  const onFailed = ({ request }: { request: Request }, error: Error) =>
    recordFailure(run, failures.get(request.uniqueKey) ?? failureOfError(error));

  // Concurrency is the site's fixed setting, so the system load Crawlee samples (a `ps` child
  // process every second by default) would steer nothing: sample it rarely.
  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    availableMemoryRatio: 0.5,
    systemInfoIntervalMillis: 60_000,
  });
  const timeoutSecs = Math.ceil(settings.requestTimeoutMs / 1000);
  const common = {
    // Crawlee 3.18's HttpCrawler refuses its own `requestManager` option (its option shape
    // lacks it); as `requestQueue` the crawler uses the queue through the same interface.
    requestQueue: new CrawlQueue() as unknown as RequestQueue,
    maxRequestRetries: settings.maxRetries,
    maxSessionRotations: settings.maxRetries,
    maxRequestsPerCrawl: job.maxPages,
    maxConcurrency: site.maxConcurrency,
    // Fixed concurrency: politeness is the site's setting, not a guess from this machine's load.
    minConcurrency: site.maxConcurrency,
    ...(site.maxRequestsPerMinute > 0 ? { maxRequestsPerMinute: site.maxRequestsPerMinute } : {}),
    navigationTimeoutSecs: timeoutSecs,
    requestHandlerTimeoutSecs: timeoutSecs + 10,
    useSessionPool: true,
    persistCookiesPerSession: true,
    sessionPoolOptions: { maxPoolSize: 20, blockedStatusCodes: [] as number[] },
    proxyConfiguration: settings.proxyUrls.length > 0 ? new ProxyConfiguration({ proxyUrls: [...settings.proxyUrls] }) : undefined,
    statusMessageLoggingInterval: 3600,
  };
  const backoffHook = async ({ request }: { request: Request }) => {
    if (request.retryCount > 0) await sleep(Math.min(settings.retryBackoffMs * 2 ** (request.retryCount - 1), 5000));
  };

  let userDataDir: string | undefined;
  try {
    if (site.browser) {
      userDataDir = await mkdtemp(join(tmpdir(), 'ds-chromium-'));
      crawler = new PlaywrightCrawler(
        {
          ...common,
          launchContext: {
            launcher: chromium,
            userDataDir,
            launchOptions: {
              executablePath: settings.browserPath,
              headless: true,
              // confinePage answers every request, so Chromium needs no resolver: without one, a
              // preconnect or prefetch that slips past the route reaches no host by name.
              args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND'],
              // A service worker's requests would bypass page.route.
              serviceWorkers: 'block',
              timeout: settings.requestTimeoutMs,
            },
          },
          browserPoolOptions: { useFingerprints: false },
          preNavigationHooks: [backoffHook, ({ page, proxyInfo }) => confinePage(page, site, settings, proxyInfo?.url)],
          requestHandler: async ({ request, response, page, session, addRequests }) =>
            handlePage({
              request,
              status: response?.status() ?? 200,
              retryAfter: response?.headers()['retry-after'],
              html: await page.content(),
              session,
              addRequests: (r) => addRequests(r),
            }),
          failedRequestHandler: onFailed,
        },
        config,
      );
    } else {
      crawler = new HttpCrawler(
        {
          ...common,
          additionalMimeTypes: ['text/plain', 'application/json'],
          ignoreHttpErrorStatusCodes: [500, 502, 503, 504],
          httpClient: new ConfinedHttpClient(settings.outbound, (url) => isOnHosts(url, site.hosts)),
          preNavigationHooks: [backoffHook],
          requestHandler: async ({ request, response, body, session, addRequests }) =>
            handlePage({
              request,
              status: response.statusCode ?? 200,
              retryAfter: [response.headers['retry-after']].flat()[0],
              html: typeof body === 'string' ? body : decodeHtml(body, [response.headers['content-type']].flat()[0]),
              session,
              addRequests: (r) => addRequests(r),
            }),
          failedRequestHandler: onFailed,
        },
        config,
      );
    }
    await crawler.run(requests);
  } finally {
    pause.stop();
    await writer.flush();
    await crawler?.teardown().catch(() => undefined);
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  }
}
