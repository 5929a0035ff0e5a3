// One saved page through the extraction, as the extraction command and the accuracy measure
// both read it: bytes decoded by the charset the page declares, the URL given or the one the
// page declares, the site and market from the sites table when the URL is a known shop's.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MarketCode } from '../../src/common/markets';
import { declaredPageUrl, decodeHtml, extractPage, siteForUrl, toExtractRecord, type ExtractRecord } from '../../src/server/scraping';

export function extractFile(file: string, path: string, url: string | undefined, market: MarketCode | undefined): ExtractRecord {
  let html: string;
  try {
    html = decodeHtml(readFileSync(path));
  } catch (error) {
    return { file, error: 'unreadable', detail: (error as Error).message };
  }
  const pageUrl = url ?? declaredPageUrl(html) ?? pathToFileURL(path).href;
  const site = siteForUrl(pageUrl);
  const result = extractPage({ html, url: pageUrl, market: market ?? site?.market ?? null, site: site?.name, extractor: site?.extractor });
  return toExtractRecord(file, result);
}
