// The queue of one crawl's pages, held in this process's memory and handed to Crawlee as its
// request manager. A crawl is one BullMQ job: when the worker dies, BullMQ retries the job and
// the crawl starts again (it is idempotent), so nothing here needs to survive a restart.
// Crawlee's own RequestQueue over its in-memory storage client mirrors a remote API: it
// validates every call with shapeshift and ow, locks queue heads and copies each request at
// every step, which measured as the largest share of the crawler's own CPU per page
// (`npm run bench:scrape`). This keeps only what a crawl uses: first in, first out, retried
// pages back at the end or the front, duplicates (by Crawlee's unique key) dropped.
import {
  Request,
  type AddRequestsBatchedOptions,
  type AddRequestsBatchedResult,
  type IRequestManager,
  type RequestOptions,
  type RequestQueueOperationInfo,
  type RequestsLike,
  type Source,
} from '@crawlee/cheerio';

export class CrawlQueue implements IRequestManager {
  private readonly pending: Request[] = [];
  private readonly known = new Map<string, Request>();
  /** Unique keys of the requests fetched and neither handled nor reclaimed yet. */
  private readonly inProgress = new Set<string>();
  private handled = 0;
  private nextId = 0;

  async isFinished(): Promise<boolean> {
    return this.pending.length === 0 && this.inProgress.size === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.pending.length === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.known.size;
  }

  getPendingCount(): number {
    return this.pending.length + this.inProgress.size;
  }

  async fetchNextRequest<T extends object = Record<string, unknown>>(): Promise<Request<T> | null> {
    const request = this.pending.shift();
    if (!request) return null;
    this.inProgress.add(request.uniqueKey);
    return request as unknown as Request<T>;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (let request = await this.fetchNextRequest(); request; request = await this.fetchNextRequest()) yield request;
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    if (this.inProgress.delete(request.uniqueKey)) this.handled += 1;
    request.handledAt ??= new Date().toISOString();
    return this.info(request, true, true, false);
  }

  async reclaimRequest(request: Request, options: { forefront?: boolean } = {}): Promise<RequestQueueOperationInfo> {
    this.inProgress.delete(request.uniqueKey);
    if (options.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return this.info(request, true, false, options.forefront ?? false);
  }

  async addRequest(source: Source | string, options: { forefront?: boolean } = {}): Promise<RequestQueueOperationInfo> {
    const request =
      source instanceof Request ? source : new Request(typeof source === 'string' ? { url: source } : (source as RequestOptions));
    const existing = this.known.get(request.uniqueKey);
    if (existing) return this.info(existing, true, existing.handledAt !== undefined, options.forefront ?? false);
    request.id ??= String(this.nextId++);
    this.known.set(request.uniqueKey, request);
    if (options.forefront) this.pending.unshift(request);
    else this.pending.push(request);
    return this.info(request, false, false, options.forefront ?? false);
  }

  async addRequestsBatched(requests: RequestsLike, options: AddRequestsBatchedOptions = {}): Promise<AddRequestsBatchedResult> {
    const added: RequestQueueOperationInfo[] = [];
    const overLimit: Source[] = [];
    let fresh = 0;
    for await (const source of requests as AsyncIterable<Source | string>) {
      if (options.maxNewRequests !== undefined && fresh >= options.maxNewRequests) {
        overLimit.push(typeof source === 'string' ? { url: source } : source);
        continue;
      }
      const info = await this.addRequest(source, options);
      if (!info.wasAlreadyPresent) fresh += 1;
      added.push(info);
    }
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve(added), requestsOverLimit: overLimit };
  }

  private info(request: Request, wasAlreadyPresent: boolean, wasAlreadyHandled: boolean, forefront: boolean): RequestQueueOperationInfo {
    return { requestId: request.id!, uniqueKey: request.uniqueKey, wasAlreadyPresent, wasAlreadyHandled, forefront };
  }
}
