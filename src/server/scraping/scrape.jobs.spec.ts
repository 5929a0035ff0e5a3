// A scrape job's start URLs are checked before anything is fetched: each must be on a configured
// shop of the worker's market. The refusals below fail the job for good, so no runtime beyond the
// configuration is ever touched.
import { UnrecoverableError, type Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../platform/config';
import type { Runtime } from '../platform/runtime';
import { SCRAPE_HANDLERS, SCRAPE_JOB_NAMES } from './scrape.jobs';

const config = parseConfig({
  MONGO_URL: 'mongodb://127.0.0.1:1/unused',
  REDIS_URL: 'redis://127.0.0.1:1',
  MARKETPLACE_URL_IT: 'http://127.0.0.1:4100',
  MARKETPLACE_URL_FR: 'http://127.0.0.1:4101',
});
const rt = { config } as Runtime;
const job = (name: string, data: unknown) => ({ name, queueName: 'scrape-it', data }) as Job;

const ELSEWHERE = [
  'http://127.0.0.1:6379/sitemap.xml',
  'http://127.0.0.1/sitemap.xml',
  'http://localhost:4100/sitemap.xml',
  'http://[::ffff:127.0.0.1]:4100/sitemap.xml',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.7:4100/sitemap.xml',
  'http://user:secret@127.0.0.1:4100/sitemap.xml',
  'file:///etc/passwd',
  'https://www.amazon.fr/dp/B000000000',
  // The French shop: configured, but not this worker's market.
  'http://127.0.0.1:4101/sitemap.xml',
];

describe('scrape job start URLs', () => {
  it.each([
    [SCRAPE_JOB_NAMES.crawlSitemap, (url: string) => ({ sitemapUrls: [url] })],
    [SCRAPE_JOB_NAMES.crawlCategory, (url: string) => ({ urls: [url] })],
    [SCRAPE_JOB_NAMES.scrapeUrls, (url: string) => ({ urls: ['http://127.0.0.1:4100/dp/B000000001', url] })],
  ])('%s refuses every URL that is not on a shop of its market, naming it', async (name, payload) => {
    for (const url of ELSEWHERE) {
      const run = SCRAPE_HANDLERS[name]!(job(name, payload(url)), rt);
      await expect(run, url).rejects.toBeInstanceOf(UnrecoverableError);
      await expect(run, url).rejects.toThrow(/is not on (a site of market it|the site marketplace-it)|Invalid URL/);
    }
  });

  it('holds a URL to the site named in the job', async () => {
    const run = SCRAPE_HANDLERS[SCRAPE_JOB_NAMES.crawlSitemap]!(
      job(SCRAPE_JOB_NAMES.crawlSitemap, { site: 'amazon.it', sitemapUrls: ['http://127.0.0.1:4100/sitemap.xml'] }),
      rt,
    );
    await expect(run).rejects.toThrow('http://127.0.0.1:4100/sitemap.xml is not on the site amazon.it: not crawled');
  });
});
