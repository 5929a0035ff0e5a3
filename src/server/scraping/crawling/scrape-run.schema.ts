import { z } from 'zod';
import { MarketCode } from '../../../common/markets';
import { Id } from '../../../common/ids';

const count = z.number().int().nonnegative();

/** One crawl of one site: what it fetched, what it wrote, what went wrong and why. */
export const ScrapeRun = z.object({
  _id: Id,
  market: MarketCode,
  site: z.string().min(1),
  kind: z.enum(['discovery', 'urls', 'sitemap', 'category']),
  status: z.enum(['running', 'finished', 'failed']),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  counts: z.object({
    /** Pages fetched and handled: products, listings and sitemaps. */
    pages: count,
    /** Product pages that yielded a listing. */
    products: count,
    /** New offers (a new product, or a known product newly found in this market). */
    inserted: count,
    updated: count,
    /** Found again exactly as stored: no write. */
    unchanged: count,
    /** Pages that ended as block pages (captcha, robot check) after their retries. */
    blocked: count,
    /** Pages that ended in failure after their retries, or listings that could not be stored. */
    failed: count,
  }),
  blockedByReason: z.record(z.string(), count).default({}),
  failedByReason: z.record(z.string(), count).default({}),
  error: z.string().nullable(),
});
export type ScrapeRun = z.infer<typeof ScrapeRun>;
export type ScrapeRunCounts = ScrapeRun['counts'];
