// Scraping: extraction of product pages (pure), the sites table, insertion of listings into the
// catalog, crawling with Crawlee, scrape runs, and the job handlers of the scraper workers.
export * from './scrape-run.schema';
export * from './scrape.jobs';
export * from './listing.schema';
export { productIdFor, slugFor } from './listing';
export * from './extract';
export * from './extract-record';
export * from './html-decode';
export * from './price-parse';
export * from './availability';
export * from './gtin';
export * from './block-page';
export * from './sites';
export * from './discovery-schedule.store';
export * from './crawl.service';
export * from './listing.store';
export * from './listing.service';
export * from './product-factory';
export * from './scrape-run.store';
export * from './extract-accuracy';
export * from './scrape-run.collection';
