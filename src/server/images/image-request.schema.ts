// What the image route accepts: a product, which of its photos, the format and one of a few
// widths. Widths come from a short list so that the cache holds a handful of variants per photo
// and nobody can make the server resize to thousands of sizes.
import { z } from 'zod';

export const IMAGE_WIDTHS = [160, 320, 640, 1024] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

/** WebP for pages (a third lighter at the same quality); JPEG for og:image, which some crawlers read only as JPEG or PNG. */
export const IMAGE_FORMATS = ['webp', 'jpg'] as const;
export const ImageFormat = z.enum(IMAGE_FORMATS);
export type ImageFormat = z.infer<typeof ImageFormat>;

const WIDTH_MESSAGE = `expected one of ${IMAGE_WIDTHS.join(', ')}`;

export const ImageRequest = z.object({
  productId: z.string().min(1, 'expected a product id').max(200, 'expected a product id of at most 200 characters'),
  /** From 1, as shops number their photos. */
  number: z.coerce
    .number({ error: 'expected a photo number from 1' })
    .int('expected a photo number from 1')
    .min(1, 'expected a photo number from 1')
    .max(99),
  format: z.enum(IMAGE_FORMATS, { error: `expected .${IMAGE_FORMATS.join(' or .')}` }),
  width: z.coerce.number({ error: WIDTH_MESSAGE }).pipe(z.literal(IMAGE_WIDTHS, { error: WIDTH_MESSAGE })),
});
export type ImageRequest = z.infer<typeof ImageRequest>;
