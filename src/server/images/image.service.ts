// The image route's work: find the product's photo URL, refuse any host that is not a known
// shop's, fetch it through the outbound guard (timeout, size limit, redirects only within known
// hosts, no private address), resize it with sharp to the requested width in a square frame (so
// pages can give every <img> its width and height before it loads), and cache the result. Concurrent requests for one variant share one fetch.
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import type { Response } from 'undici';
import type { Config } from '../platform/config';
import type { DbHandle } from '../platform/db';
import { findProductImages } from '../catalog';
import { outboundFetch, outboundPolicy, outboundRefusal, type OutboundPolicy } from '../platform/outbound';
import { isOnHosts, siteTable } from '../scraping';
import type { ImageFormat, ImageRequest, ImageWidth } from './image-request.schema';
import { allowedImageHosts, IMAGE_CONTENT_TYPES, imageCacheKey } from './image-request';
import { cacheImage, readCachedImage } from './image.store';

export interface ImageSettings {
  readonly hosts: ReadonlySet<string>;
  readonly outbound: OutboundPolicy;
  readonly fetchTimeoutMs: number;
  readonly maxSourceBytes: number;
  readonly cacheTtlMs: number;
}

export function imageSettings(config: Config): ImageSettings {
  return {
    hosts: allowedImageHosts(siteTable(config)),
    outbound: outboundPolicy(config),
    fetchTimeoutMs: config.IMAGE_FETCH_TIMEOUT_MS,
    maxSourceBytes: config.IMAGE_MAX_SOURCE_BYTES,
    cacheTtlMs: config.IMAGE_CACHE_TTL_MS,
  };
}

export interface ImageDeps extends DbHandle {
  readonly redis: Redis;
  readonly settings: ImageSettings;
}

export type ProductImage =
  | { readonly kind: 'image'; readonly body: Buffer; readonly contentType: string }
  /** No such product or photo, or a photo on a host we do not fetch from. */
  | { readonly kind: 'not-found' }
  /** The shop did not give us a usable photo just now. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export class SourceImageError extends Error {
  override readonly name = 'SourceImageError';
}

/** Raster formats only: an SVG could make the decoder read local files it names. */
const SOURCE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif']);
const MAX_REDIRECTS = 3;
/** About 8,000 × 6,000: above any product photo, below what a decompression bomb needs. */
const MAX_INPUT_PIXELS = 50_000_000;

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw new SourceImageError(`photo of ${declared} bytes, above the limit of ${maxBytes}`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new SourceImageError(`photo above the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Fetches a photo from a known shop; a redirect is followed only to a known shop's host. */
export async function fetchSourceImage(url: string, settings: ImageSettings): Promise<Buffer> {
  const signal = AbortSignal.timeout(settings.fetchTimeoutMs);
  let response: Response;
  try {
    response = await outboundFetch(url, {
      policy: settings.outbound,
      allow: (next) => isOnHosts(next, settings.hosts),
      maxRedirects: MAX_REDIRECTS,
      signal,
      headers: { accept: 'image/avif,image/webp,image/jpeg,image/png,image/*;q=0.8' },
    });
  } catch (error) {
    const refused = outboundRefusal(error);
    if (refused) throw new SourceImageError(`refused: ${refused.message}`);
    throw new SourceImageError(
      signal.aborted ? `no answer within ${settings.fetchTimeoutMs} ms` : `fetch failed: ${(error as Error).message}`,
    );
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new SourceImageError(`more than ${MAX_REDIRECTS} redirects`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new SourceImageError(`the shop answered ${response.status}`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('image/')) {
    await response.body?.cancel();
    throw new SourceImageError(`not a photo: ${type || 'no content type'}`);
  }
  try {
    return await readLimited(response, settings.maxSourceBytes);
  } catch (error) {
    if (error instanceof SourceImageError) throw error;
    throw new SourceImageError(
      signal.aborted ? `no answer within ${settings.fetchTimeoutMs} ms` : `reading failed: ${(error as Error).message}`,
    );
  }
}

/** The photo fitted into a white `width` × `width` square, in `format`. */
export async function resizeImage(source: Buffer, width: ImageWidth, format: ImageFormat): Promise<Buffer> {
  const image = sharp(source, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  let meta: sharp.Metadata;
  try {
    meta = await image.metadata();
  } catch {
    throw new SourceImageError('not a readable photo');
  }
  if (!meta.format || !SOURCE_FORMATS.has(meta.format))
    throw new SourceImageError(`not a photo format we read: ${meta.format ?? 'unknown'}`);
  const square = image.rotate().resize(width, width, { fit: 'contain', background: '#ffffff' }).flatten({ background: '#ffffff' });
  try {
    return await (format === 'webp' ? square.webp({ quality: 78 }) : square.jpeg({ quality: 82, mozjpeg: true })).toBuffer();
  } catch (error) {
    // A body cut short or damaged after a readable header, or more pixels than we decode.
    throw new SourceImageError(`not a readable photo: ${(error as Error).message}`);
  }
}

const inFlight = new Map<string, Promise<ProductImage>>();

async function render(deps: ImageDeps, sourceUrl: string, key: string, request: ImageRequest): Promise<ProductImage> {
  const contentType = IMAGE_CONTENT_TYPES[request.format];
  const cached = await readCachedImage(deps.redis, key);
  if (cached) return { kind: 'image', body: cached, contentType };
  let body: Buffer;
  try {
    body = await resizeImage(await fetchSourceImage(sourceUrl, deps.settings), request.width, request.format);
  } catch (error) {
    if (error instanceof SourceImageError) return { kind: 'unavailable', reason: error.message };
    throw error;
  }
  await cacheImage(deps.redis, key, body, deps.settings.cacheTtlMs);
  return { kind: 'image', body, contentType };
}

export async function productImage(deps: ImageDeps, request: ImageRequest): Promise<ProductImage> {
  const images = await findProductImages(deps, request.productId);
  const sourceUrl = images?.[request.number - 1];
  if (!sourceUrl || !isOnHosts(sourceUrl, deps.settings.hosts)) return { kind: 'not-found' };
  const key = imageCacheKey(sourceUrl, request.width, request.format);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = render(deps, sourceUrl, key, request).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}
