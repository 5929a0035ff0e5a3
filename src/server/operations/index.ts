// Operations: what the back office shows operators about the machinery (scrape runs and their
// blocked rate, queues and failed jobs, the refresher's latency) and the retry of a failed job.
// It reads what scraping, queues and pricing record; it owns none of that data.
export * from './operations';
export * from './operations.service';
