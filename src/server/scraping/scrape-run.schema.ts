import { z } from 'zod';
import { MarketCode } from '../markets';
import { Id } from '../db/ids';

export const ScrapeRun = z.object({
  _id: Id,
  market: MarketCode,
  site: z.string().min(1),
  kind: z.enum(['discovery', 'urls', 'sitemap', 'category']),
  status: z.enum(['running', 'finished', 'failed']),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  counts: z.object({
    pages: z.number().int().nonnegative(),
    products: z.number().int().nonnegative(),
    inserted: z.number().int().nonnegative(),
    updated: z.number().int().nonnegative(),
    blocked: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  error: z.string().nullable(),
});
export type ScrapeRun = z.infer<typeof ScrapeRun>;
