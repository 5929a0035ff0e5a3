// One product page fetched now, outside a crawl: the live price read from the shop's own page.
// The crawl's HTTP stack, minus Crawlee's queue: its browser headers, its confinement to the
// site's hosts (redirects included) through the outbound guard, one of its proxies, and the
// site's robots.txt (read once an hour per process, under the same guard).
import { RobotsTxtFile } from '@crawlee/utils';
import { outboundFetch, outboundRefusal, type OutboundPolicy } from '../../platform/outbound';
import { decodeHtml } from '../extraction/html-decode';
import { BROWSER_HEADERS } from './crawl-http-client';
import { isOnHosts, type SiteConfig } from './sites';

export interface FetchedPage {
  readonly status: number;
  readonly html: string;
  /** Where the page was answered from, after redirects within the site. */
  readonly url: string;
  readonly retryAfter: string | undefined;
  /** The shop's own account of its time (`Server-Timing`), when it gives one. */
  readonly serverTiming: string | null;
}

/** Why a page was not asked for: not on its site, or its robots.txt says no. */
export class PageRefused extends Error {
  override readonly name = 'PageRefused';
  constructor(
    readonly reason: 'off_site' | 'robots',
    message: string,
  ) {
    super(message);
  }
}

export interface PageFetchOptions {
  readonly outbound: OutboundPolicy;
  readonly signal: AbortSignal;
  /** The crawlers' proxies; one is taken per page. Empty: a direct connection. */
  readonly proxyUrls: readonly string[];
}

const ROBOTS_TTL_MS = 3_600_000;
const robotsBySite = new Map<string, { readonly at: number; readonly file: Promise<RobotsTxtFile | null> }>();

/** The site's robots.txt, or null when it has none or it cannot be read (nothing disallowed, as for the crawls). */
function robotsOf(site: SiteConfig, options: PageFetchOptions): Promise<RobotsTxtFile | null> {
  const cached = robotsBySite.get(site.name);
  if (cached && Date.now() - cached.at < ROBOTS_TTL_MS) return cached.file;
  const url = new URL('/robots.txt', site.baseUrl).href;
  const file = outboundFetch(url, {
    policy: options.outbound,
    allow: (next) => isOnHosts(next, site.hosts),
    signal: options.signal,
    headers: { ...BROWSER_HEADERS, accept: 'text/plain,*/*' },
  })
    .then(async (response) => (response.ok ? RobotsTxtFile.from(url, await response.text()) : null))
    .catch(() => null);
  robotsBySite.set(site.name, { at: Date.now(), file });
  return file;
}

export async function fetchPageNow(site: SiteConfig, url: string, options: PageFetchOptions): Promise<FetchedPage> {
  if (!isOnHosts(url, site.hosts)) throw new PageRefused('off_site', `${url} is not on ${site.name}'s hosts`);
  if (site.respectRobotsTxt && !((await robotsOf(site, options))?.isAllowed(url) ?? true))
    throw new PageRefused('robots', `${site.name}'s robots.txt disallows ${new URL(url).pathname}`);
  const proxyUrl = options.proxyUrls.length > 0 ? options.proxyUrls[Math.floor(Math.random() * options.proxyUrls.length)] : undefined;
  try {
    const response = await outboundFetch(url, {
      policy: options.outbound,
      allow: (next) => isOnHosts(next, site.hosts),
      signal: options.signal,
      headers: { ...BROWSER_HEADERS },
      ...(proxyUrl && { proxyUrl }),
    });
    const html = decodeHtml(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
    return {
      status: response.status,
      html,
      url: response.url || url,
      retryAfter: response.headers.get('retry-after') ?? undefined,
      serverTiming: response.headers.get('server-timing'),
    };
  } catch (error) {
    const refused = outboundRefusal(error);
    if (refused) throw new PageRefused('off_site', refused.message);
    throw error;
  }
}
