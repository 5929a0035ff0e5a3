import { describe, expect, it } from 'vitest';
import type { ScrapeRun } from '../scraping';
import { blockedPerMille, toMarketScrapes } from './operations';

const run = (pages: number, blocked: number): ScrapeRun => ({
  _id: `run_${pages}_${blocked}`,
  market: 'it',
  site: 'shop.example',
  kind: 'discovery',
  status: 'finished',
  startedAt: new Date('2026-11-25T10:00:00Z'),
  finishedAt: new Date('2026-11-25T10:05:00Z'),
  counts: { pages, products: pages, inserted: 0, updated: 0, unchanged: 0, blocked, failed: 0 },
  blockedByReason: {},
  failedByReason: {},
  error: null,
});

describe('the blocked rate', () => {
  it('is the share of pages asked for that ended blocked, in per mille', () => {
    expect(blockedPerMille({ pages: 90, blocked: 10 })).toBe(100);
    expect(blockedPerMille({ pages: 0, blocked: 0 })).toBeNull();
    expect(blockedPerMille({ pages: 0, blocked: 3 })).toBe(1000);
  });

  it("is given per run and over a market's runs", () => {
    const view = toMarketScrapes('it', [run(100, 0), run(50, 50)]);
    expect(view.runs.map((r) => r.blockedPerMille)).toEqual([0, 500]);
    expect(view.blockedPerMille).toBe(250);
    expect(toMarketScrapes('fr', []).blockedPerMille).toBeNull();
  });
});
