// Scraping: scrape runs and, later, crawling and extraction for the four markets.
export * from './scrape-run.schema';
export * from './scrape.jobs';
