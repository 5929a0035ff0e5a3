// A product's `updatedAt` is its version: the whole-document writers (the scrapers, the
// translator) replace a product only if it still has the `updatedAt` they read, and the cache
// keeps the copy with the latest one (product-cache.store.ts). So each write must move it
// forward, even when the writer's clock reading is older than the copy it read: a scrape batch
// stamped when it began, or a translation stamped before its DeepL call, that lands after a later
// write would otherwise store the newest document with an older version, which the cache then
// refuses, serving the previous copy for its lifetime. Pure.

/** The `updatedAt` of a write at `now` over a document last written at `previous`. */
export function nextUpdatedAt(previous: Date | undefined, now: Date): Date {
  return previous && previous.getTime() >= now.getTime() ? new Date(previous.getTime() + 1) : now;
}
