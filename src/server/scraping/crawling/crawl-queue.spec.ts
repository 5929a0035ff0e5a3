import { describe, expect, it } from 'vitest';
import { CrawlQueue } from './crawl-queue';

describe('CrawlQueue', () => {
  it('hands out pages first in, first out, drops duplicates, and is finished once every page is handled', async () => {
    const queue = new CrawlQueue();
    const { addedRequests } = await queue.addRequestsBatched([
      'https://s.example/p/1',
      { url: 'https://s.example/p/2', label: 'product' },
      'https://s.example/p/1#top',
    ]);
    expect(addedRequests.map((r) => r.wasAlreadyPresent)).toEqual([false, false, true]);
    expect(queue.getTotalCount()).toBe(2);

    const first = await queue.fetchNextRequest();
    const second = await queue.fetchNextRequest();
    expect([first?.url, second?.url, second?.label]).toEqual(['https://s.example/p/1', 'https://s.example/p/2', 'product']);
    expect(await queue.isEmpty()).toBe(true);
    expect(await queue.isFinished()).toBe(false);

    await queue.markRequestHandled(first!);
    await queue.reclaimRequest(second!);
    expect(await queue.isFinished()).toBe(false);
    expect((await queue.fetchNextRequest())?.url).toBe('https://s.example/p/2');
    await queue.markRequestHandled(second!);
    expect([await queue.isFinished(), await queue.handledCount(), await queue.fetchNextRequest()]).toEqual([true, 2, null]);
    expect((await queue.addRequest('https://s.example/p/2')).wasAlreadyHandled).toBe(true);
  });

  it('puts a page reclaimed to the front ahead of the others, and keeps to a limit of new pages', async () => {
    const queue = new CrawlQueue();
    const { requestsOverLimit } = await queue.addRequestsBatched(['https://s.example/a', 'https://s.example/b', 'https://s.example/c'], {
      maxNewRequests: 2,
    });
    expect(requestsOverLimit).toEqual([{ url: 'https://s.example/c' }]);
    const a = await queue.fetchNextRequest();
    await queue.reclaimRequest(a!, { forefront: true });
    expect((await queue.fetchNextRequest())?.url).toBe('https://s.example/a');
    expect(queue.getPendingCount()).toBe(2);
  });
});
