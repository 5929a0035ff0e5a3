import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import { saveScrapeRunProgress, startScrapeRun } from './scrape-run.store';
import { scrapeRunCollection } from './scrape-run.collection';

const rt = useTestRuntime('scrape-run-store');

describe('saveScrapeRunProgress', () => {
  it('a progress write arriving after the closing one leaves the run finished', async () => {
    const scrapeRuns = scrapeRunCollection(rt());
    const run = await startScrapeRun(rt(), { market: 'it', site: 'marketplace-it', kind: 'discovery' });
    const progress = { ...run, counts: { ...run.counts, pages: 30 } };
    const closing = { ...run, counts: { ...run.counts, pages: 34 }, status: 'finished' as const, finishedAt: new Date() };
    await saveScrapeRunProgress(rt(), closing);
    await saveScrapeRunProgress(rt(), progress);
    expect(await scrapeRuns.findOne({ _id: run._id })).toMatchObject({ status: 'finished', counts: { pages: 34 } });
  });
});
