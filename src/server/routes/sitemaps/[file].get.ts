// `/sitemaps/{file}`: one sitemap of the index, `pages.xml` (market listings) or
// `products-{market}-{page}.xml`; 404 for a name or page that does not exist.
import { defineEventHandler, getRouterParam, setResponseHeader, setResponseStatus } from 'h3';
import { loadConfig } from '../../platform/config';
import { runtime } from '../../platform/runtime';
import { parseSitemapFileName, sitemapFile } from '../../storefront';
import { describeRuntimeFailure } from '../../system';

export default defineEventHandler(async (event) => {
  const file = parseSitemapFileName(getRouterParam(event, 'file') ?? '');
  if (!file) {
    setResponseStatus(event, 404);
    return 'no such sitemap';
  }
  const origin = loadConfig().PUBLIC_URL;
  let xml: string | null;
  try {
    xml = await sitemapFile(await runtime(), origin, file);
  } catch (error) {
    setResponseStatus(event, 503);
    return describeRuntimeFailure(error);
  }
  if (xml === null) {
    setResponseStatus(event, 404);
    return 'no such sitemap';
  }
  setResponseHeader(event, 'content-type', 'application/xml; charset=utf-8');
  return xml;
});
