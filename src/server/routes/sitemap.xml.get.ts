// `/sitemap.xml`: the index of our catalog's sitemaps (see src/server/storefront/sitemap.ts).
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3';
import { loadConfig } from '../platform/config';
import { runtime } from '../platform/runtime';
import { sitemapIndex } from '../storefront';
import { describeRuntimeFailure } from '../system';

export default defineEventHandler(async (event) => {
  const origin = loadConfig().PUBLIC_URL;
  try {
    const xml = await sitemapIndex(await runtime(), origin);
    setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8');
    return xml;
  } catch (error) {
    setResponseStatus(event, 503);
    return describeRuntimeFailure(error);
  }
});
