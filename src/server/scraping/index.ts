// Scraping, in three parts that change for different reasons:
// - extraction/: reading a product page, pure (JSON-LD, microdata, OpenGraph, prices,
//   availability, identifiers, block pages, site extractors) and measured on saved real pages;
// - crawling/: fetching pages politely with Crawlee (sites table, robots.txt, sitemaps, the
//   request queue, confinement to the site's hosts) and recording scrape runs;
// - listing-writes/: what a scraped listing does to the catalog's products and price history.
// The scraper workers' job handlers (scrape.jobs.ts) and the discovery schedule sit on top.
export * from './crawling/scrape-run.schema';
export * from './scrape.jobs';
export * from './extraction/listing.schema';
export { productIdFor, slugFor } from './listing-writes/listing';
export * from './extraction/extract';
export * from './extraction/extract-record';
export * from './extraction/html-decode';
export * from './extraction/price-parse';
export * from './extraction/availability';
export * from './extraction/gtin';
export * from './extraction/block-page';
export * from './crawling/sites';
export * from './discovery-schedule.store';
export * from './crawling/crawl.service';
export * from './crawling/page-fetch';
export * from './listing-writes/listing.store';
export * from './listing-writes/listing.service';
export * from './listing-writes/product-factory';
export * from './crawling/scrape-run.store';
export * from './extraction/extract-accuracy';
export { SCRAPE_RUNS } from './crawling/scrape-run.collection';
