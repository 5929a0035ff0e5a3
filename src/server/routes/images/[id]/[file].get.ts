// `/images/{productId}/{n}.{webp|jpg}?w={160|320|640|1024}`: photo n of a product, resized and
// cached (src/server/images). 400 names the wrong parameter; 404 when there is no such photo
// (pages then show their placeholder); 502 when the shop did not deliver it; 503 on an outage.
import { defineEventHandler, getQuery, getRouterParam, setResponseHeader, setResponseStatus } from 'h3';
import { imageSettings, parseImageRequest, productImage, type ImageSettings } from '../../../images';
import { runtime } from '../../../platform/runtime';
import { describeRuntimeFailure } from '../../../system';

/** A day: a product's photo rarely changes, and a changed one has a new source URL and cache key. */
const CACHE_CONTROL = 'public, max-age=86400';

let settings: ImageSettings | undefined;

export default defineEventHandler(async (event) => {
  const parsed = parseImageRequest({
    id: getRouterParam(event, 'id', { decode: true }),
    file: getRouterParam(event, 'file', { decode: true }),
    w: getQuery(event)['w'],
  });
  if (!parsed.ok) {
    setResponseStatus(event, 400);
    return { error: 'invalid_request', parameter: parsed.parameter, message: `${parsed.parameter}: ${parsed.message}` };
  }
  let result;
  try {
    const rt = await runtime();
    settings ??= imageSettings(rt.config);
    result = await productImage({ db: rt.db, redis: rt.redis, settings }, parsed.request);
  } catch (error) {
    setResponseStatus(event, 503);
    setResponseHeader(event, 'cache-control', 'no-store');
    return describeRuntimeFailure(error);
  }
  if (result.kind !== 'image') {
    setResponseStatus(event, result.kind === 'not-found' ? 404 : 502);
    // Short: the scraper may find the photo soon, the shop may answer again.
    setResponseHeader(event, 'cache-control', 'public, max-age=60');
    return result.kind === 'not-found' ? 'no such photo' : `the shop did not deliver this photo: ${result.reason}`;
  }
  setResponseHeader(event, 'content-type', result.contentType);
  setResponseHeader(event, 'cache-control', CACHE_CONTROL);
  setResponseHeader(event, 'x-content-type-options', 'nosniff');
  return result.body;
});
