import type { JobHandler } from '../runtime/worker';

/** Jobs the scraper workers take, by name. Crawling and extraction arrive with the scrapers issue. */
export const SCRAPE_HANDLERS: Readonly<Record<string, JobHandler>> = {};
