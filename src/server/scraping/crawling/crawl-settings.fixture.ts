// Crawl settings for tests: fast retries and backoff, Debian's Chromium, and the loopback shops
// the test starts counted as configured (`shopOrigins`, filled once they listen). Each spec
// states only what it needs otherwise.
import type { CrawlSettings } from './crawl.service';

export function testCrawlSettings(shopOrigins: ReadonlySet<string>, overrides: Partial<CrawlSettings> = {}): CrawlSettings {
  return {
    requestTimeoutMs: 2_000,
    maxRetries: 2,
    blockBackoffMs: 100,
    retryBackoffMs: 20,
    proxyUrls: [],
    browserPath: '/usr/bin/chromium',
    batchSize: 40,
    progressMs: 60_000,
    outbound: { privateOrigins: shopOrigins },
    ...overrides,
  };
}
