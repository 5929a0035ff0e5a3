// Answers first-shape product URLs (`/{market}/p/{slug}-{id}`) with a permanent redirect to the
// product's path, before the page renders (src/server/storefront/legacy-product-url.service.ts).
// Any other request passes through untouched, after one regular-expression test.
import { defineEventHandler, getRequestURL, sendRedirect } from 'h3';
import { runtime } from '../platform/runtime';
import { legacyProductPathParts, legacyProductRedirect } from '../storefront';

export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return;
  const { pathname, search } = getRequestURL(event);
  if (!legacyProductPathParts(pathname)) return;
  // A database that cannot answer leaves the request to the page, which says so (503).
  const to = await runtime()
    .then((rt) => legacyProductRedirect(rt, pathname))
    .catch(() => null);
  if (to) return sendRedirect(event, `${to}${search}`, 301);
});
