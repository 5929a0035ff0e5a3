// The image route's pure rules: reading a request (400 naming the parameter), the public URL of a
// product photo and its srcset, which hosts the route may fetch from, and the cache key of a variant.
import { createHash } from 'node:crypto';
import type { SiteConfig } from '../scraping';
import { IMAGE_WIDTHS, ImageRequest, type ImageFormat, type ImageWidth } from './image-request.schema';

export const IMAGE_CONTENT_TYPES: Readonly<Record<ImageFormat, string>> = { webp: 'image/webp', jpg: 'image/jpeg' };

/** `/images/{productId}/{number}.{format}?w={width}`: the id is one path segment whatever characters it holds. */
export function productImagePath(productId: string, number: number, format: ImageFormat, width: ImageWidth): string {
  return `/images/${encodeURIComponent(productId)}/${number}.${format}?w=${width}`;
}

export function productImageSrcset(productId: string, number: number, format: ImageFormat): string {
  return IMAGE_WIDTHS.map((w) => `${productImagePath(productId, number, format, w)} ${w}w`).join(', ');
}

export type ParsedImageRequest =
  { readonly ok: true; readonly request: ImageRequest } | { readonly ok: false; readonly parameter: string; readonly message: string };

const FILE = /^(\d{1,2})\.([a-z]+)$/;

/** The route's raw parameters: `id` and `file` from the path (decoded), `w` from the query. */
export function parseImageRequest(raw: {
  readonly id: string | undefined;
  readonly file: string | undefined;
  readonly w: unknown;
}): ParsedImageRequest {
  const file = FILE.exec(raw.file ?? '');
  if (!file) return { ok: false, parameter: 'file', message: 'expected {number}.webp or {number}.jpg' };
  const parsed = ImageRequest.safeParse({ productId: raw.id ?? '', number: file[1], format: file[2], width: raw.w });
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const parameter = { productId: 'id', number: 'file', format: 'file', width: 'w' }[String(issue?.path[0])] ?? 'request';
  return { ok: false, parameter, message: issue?.message ?? 'invalid' };
}

/** Every host a known shop serves pages or photos from, as `siteHost` writes them: the only ones the route fetches from (`isOnHosts`). */
export function allowedImageHosts(sites: readonly SiteConfig[]): ReadonlySet<string> {
  return new Set(sites.flatMap((site) => [...site.hosts, ...site.imageHosts]));
}

/** One variant of one source photo: a new photo URL (the product's photo changed) is a new key. */
export function imageCacheKey(sourceUrl: string, width: ImageWidth, format: ImageFormat): string {
  return `image:${createHash('sha256').update(sourceUrl).digest('hex').slice(0, 32)}:${width}.${format}`;
}

/** What a page needs to show a product's photo through the image route: plain JSON for the browser. */
export interface ProductImageView {
  readonly src: string;
  readonly srcset: string;
}

/** Photo `number` of a product as WebP, `width` for browsers that ignore srcset; null when the product has no photo. */
export function productImageView(productId: string, imageCount: number, width: ImageWidth, number = 1): ProductImageView | null {
  if (imageCount < number) return null;
  return { src: productImagePath(productId, number, 'webp', width), srcset: productImageSrcset(productId, number, 'webp') };
}
