// `/sitemap.xml`: the index of our catalog's sitemaps (see src/server/storefront/sitemap.ts).
import { defineEventHandler, getRequestURL, setResponseHeader, setResponseStatus } from 'h3';
import { runtime } from '../runtime';
import { sitemapIndex } from '../storefront';
import { describeRuntimeFailure } from '../system';

export default defineEventHandler(async (event) => {
  const origin = getRequestURL(event, { xForwardedHost: true, xForwardedProto: true }).origin;
  try {
    const xml = await sitemapIndex(await runtime(), origin);
    setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8');
    return xml;
  } catch (error) {
    setResponseStatus(event, 503);
    return describeRuntimeFailure(error);
  }
});
