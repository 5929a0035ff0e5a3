// The product photos of the simulated shops: a drawing of the product (a shape of its category in
// its colour, its brand on it, its name below), rendered from SVG to a JPEG of a real photo's size
// and weight. Each photo is a pure function of the product and its number, so every run and every
// shop serves the same bytes for the same URL; the grain laid over it (what makes a photo weigh
// 50 to 200 KB rather than the 15 KB of a flat drawing) is drawn once per size from a fixed seed.
// Rendering takes tens of milliseconds, so answers are kept in a cache bounded by bytes.
import sharp from 'sharp';
import type { SimProduct } from './catalog-generator';
import { escapeHtml } from './html';
import { hashKey, SeededRandom } from './seeded-random';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** The two shapes shops upload most: square packshots and 4:3 photos. */
const SIZES: readonly ImageSize[] = [
  { width: 1000, height: 1000 },
  { width: 1200, height: 900 },
];

export function productImageSize(product: SimProduct): ImageSize {
  return SIZES[hashKey('image-size', product.sourceId) % SIZES.length] as ImageSize;
}

/** Lighter or darker shade of a `#rrggbb` colour: `amount` from -1 (black) to 1 (white). */
function shade(hex: string, amount: number): string {
  const channel = (i: number) => {
    const value = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
    const target = amount < 0 ? 0 : 255;
    return Math.round(value + (target - value) * Math.abs(amount))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

interface Paint {
  readonly body: string;
  readonly dark: string;
  readonly light: string;
  readonly label: string;
}

/**
 * One drawing per category, in a 600 × 600 box centred on the origin. `label` is the brand,
 * printed where the real product would carry it.
 */
export const DRAWINGS: Readonly<Record<string, (p: Paint) => string>> = {
  electronics: (p) => `
<path d="M-190 40 A190 190 0 0 1 190 40" fill="none" stroke="${p.dark}" stroke-width="34" stroke-linecap="round"/>
<rect x="-245" y="10" width="110" height="190" rx="48" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="135" y="10" width="110" height="190" rx="48" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-120" y="210" width="240" height="56" rx="14" fill="${p.light}"/>
<text x="0" y="248" font-size="34" font-weight="bold" fill="${p.dark}" text-anchor="middle">${p.label}</text>`,
  kitchen: (p) => `
<ellipse cx="0" cy="-150" rx="210" ry="34" fill="${p.dark}"/>
<rect x="-30" y="-210" width="60" height="40" rx="12" fill="${p.dark}"/>
<path d="M-220 -140 h440 v260 a60 60 0 0 1 -60 60 h-320 a60 60 0 0 1 -60 -60 z" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-290" y="-90" width="80" height="34" rx="16" fill="${p.dark}"/>
<rect x="210" y="-90" width="80" height="34" rx="16" fill="${p.dark}"/>
<text x="0" y="40" font-size="46" font-weight="bold" fill="${p.light}" text-anchor="middle">${p.label}</text>`,
  sports: (p) => `
<rect x="-95" y="-270" width="190" height="60" rx="18" fill="${p.dark}"/>
<rect x="-130" y="-220" width="260" height="480" rx="90" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-130" y="-20" width="260" height="90" fill="${p.light}" opacity="0.85"/>
<text x="0" y="40" font-size="40" font-weight="bold" fill="${p.dark}" text-anchor="middle">${p.label}</text>`,
  toys: (p) => `
<rect x="-250" y="40" width="220" height="220" rx="20" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="30" y="40" width="220" height="220" rx="20" fill="${p.light}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-110" y="-200" width="220" height="220" rx="20" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<circle cx="-140" cy="150" r="46" fill="${p.light}"/><circle cx="140" cy="150" r="46" fill="${p.body}"/>
<text x="0" y="-75" font-size="38" font-weight="bold" fill="${p.light}" text-anchor="middle">${p.label}</text>`,
  beauty: (p) => `
<rect x="-20" y="-270" width="40" height="80" fill="${p.dark}"/>
<rect x="-90" y="-285" width="110" height="26" rx="10" fill="${p.dark}"/>
<rect x="-70" y="-200" width="140" height="70" rx="16" fill="${p.dark}"/>
<rect x="-150" y="-140" width="300" height="410" rx="70" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-110" y="20" width="220" height="120" rx="12" fill="${p.light}"/>
<text x="0" y="95" font-size="38" font-weight="bold" fill="${p.dark}" text-anchor="middle">${p.label}</text>`,
  tools: (p) => `
<rect x="-250" y="-170" width="380" height="170" rx="50" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="130" y="-130" width="70" height="90" rx="10" fill="${p.dark}"/><rect x="200" y="-95" width="90" height="20" fill="#9aa0a6"/>
<path d="M-140 0 h120 l30 240 h-150 z" fill="${p.dark}"/>
<rect x="-175" y="230" width="200" height="70" rx="16" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<text x="-60" y="-70" font-size="44" font-weight="bold" fill="${p.light}" text-anchor="middle">${p.label}</text>`,
  garden: (p) => `
<ellipse cx="-90" cy="-150" rx="70" ry="150" fill="#3f8f3a" transform="rotate(-25 -90 -150)"/>
<ellipse cx="90" cy="-150" rx="70" ry="150" fill="#2e7d32" transform="rotate(25 90 -150)"/>
<ellipse cx="0" cy="-200" rx="60" ry="150" fill="#4caf50"/>
<path d="M-200 0 h400 l-50 270 h-300 z" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-215" y="-20" width="430" height="60" rx="12" fill="${p.dark}"/>
<text x="0" y="160" font-size="44" font-weight="bold" fill="${p.light}" text-anchor="middle">${p.label}</text>`,
  pets: (p) => `
<path d="M-260 60 h520 l-60 180 h-400 z" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<ellipse cx="0" cy="60" rx="260" ry="40" fill="${p.dark}"/>
<g transform="rotate(-15 0 -170)"><rect x="-170" y="-200" width="340" height="60" rx="30" fill="${p.light}" stroke="${p.dark}" stroke-width="4"/>
<circle cx="-170" cy="-200" r="42" fill="${p.light}"/><circle cx="-170" cy="-140" r="42" fill="${p.light}"/>
<circle cx="170" cy="-200" r="42" fill="${p.light}"/><circle cx="170" cy="-140" r="42" fill="${p.light}"/></g>
<text x="0" y="175" font-size="44" font-weight="bold" fill="${p.light}" text-anchor="middle">${p.label}</text>`,
  office: (p) => `
<rect x="-200" y="-270" width="400" height="540" rx="16" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<rect x="-200" y="-270" width="50" height="540" fill="${p.dark}"/>
${Array.from({ length: 9 }, (_, i) => `<circle cx="-175" cy="${-240 + i * 60}" r="10" fill="${p.light}"/>`).join('')}
<rect x="-110" y="-150" width="260" height="110" rx="10" fill="${p.light}"/>
<text x="20" y="-80" font-size="40" font-weight="bold" fill="${p.dark}" text-anchor="middle">${p.label}</text>`,
  automotive: (p) => `
<path d="M-290 120 v-90 q0 -30 30 -40 l80 -20 l70 -110 q15 -20 40 -20 h180 q25 0 40 20 l70 110 h40 q50 10 50 60 v90 z" fill="${p.body}" stroke="${p.dark}" stroke-width="6"/>
<path d="M-150 -20 l55 -90 h90 v90 z M20 -20 v-90 h90 l55 90 z" fill="${p.light}" opacity="0.9"/>
<circle cx="-160" cy="130" r="62" fill="#222"/><circle cx="-160" cy="130" r="26" fill="#bbb"/>
<circle cx="170" cy="130" r="62" fill="#222"/><circle cx="170" cy="130" r="26" fill="#bbb"/>
<text x="0" y="60" font-size="40" font-weight="bold" fill="${p.dark}" text-anchor="middle">${p.label}</text>`,
};

/** Backdrops of the four photos: studio white, a warm table, a cool wall, a deep lifestyle tone. */
const BACKDROPS: readonly (readonly [string, string])[] = [
  ['#ffffff', '#e9ecef'],
  ['#fbf3e6', '#e6d3b3'],
  ['#eef3f8', '#c9d6e3'],
  ['#3a4a5c', '#1f2933'],
];

/** The same product seen four ways: straight on, turned, close up, in a setting. */
const VIEWS: readonly string[] = ['scale(1)', 'rotate(-9) scale(0.9)', 'scale(1.25)', 'rotate(6) scale(0.8)'];

/** Splits a title into at most two lines of about `width` characters, ending in … if cut. */
function captionLines(title: string, width: number): string[] {
  const lines: string[] = [''];
  for (const word of title.split(/\s+/)) {
    const line = lines[lines.length - 1] as string;
    if (line === '' || line.length + 1 + word.length <= width) lines[lines.length - 1] = line ? `${line} ${word}` : word;
    else if (lines.length < 2) lines.push(word);
    else {
      lines[1] = `${(lines[1] as string).slice(0, width - 1)}…`;
      break;
    }
  }
  return lines;
}

/** The SVG source of photo `imageNumber` (from 1) of a product. */
export function productImageSvg(product: SimProduct, imageNumber: number): string {
  const { width, height } = productImageSize(product);
  const view = (imageNumber - 1) % VIEWS.length;
  const random = new SeededRandom(hashKey('image', product.sourceId, imageNumber));
  const [top, bottom] = BACKDROPS[view] as readonly [string, string];
  const body = product.colour.hex;
  const paint: Paint = { body, dark: shade(body, -0.45), light: shade(body, 0.75), label: escapeHtml(product.brand) };
  const draw = DRAWINGS[product.category.key];
  if (!draw) throw new Error(`no drawing for category ${product.category.key}`);
  const drawing = draw(paint);
  const scale = (Math.min(width, height) * 0.62) / 600;
  const cx = width / 2 + random.int(-20, 20);
  const cy = height * 0.44;
  const captionColour = view === 3 ? '#f5f5f5' : '#333333';
  const lines = captionLines(product.title, Math.round(width / 26));
  const caption = lines
    .map(
      (line, i) =>
        `<text x="${width / 2}" y="${height - 110 + i * 46 - (lines.length - 1) * 23}" font-size="36" fill="${captionColour}" text-anchor="middle">${escapeHtml(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">
<defs><linearGradient id="bg" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>
<radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity="0.28"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient></defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/>
<ellipse cx="${cx}" cy="${cy + 300 * scale}" rx="${320 * scale}" ry="${40 * scale}" fill="url(#shadow)"/>
<g transform="translate(${cx} ${cy}) scale(${scale.toFixed(4)}) ${VIEWS[view]}">${drawing}</g>
<text x="${width - 40}" y="60" font-size="30" fill="${captionColour}" text-anchor="end" opacity="0.7">${escapeHtml(product.model)}</text>
${caption}
</svg>
`;
}

const grains = new Map<string, Buffer>();

/** Film grain around mid-grey, one channel: soft-light over the drawing leaves it as it was except for the grain. */
function grain({ width, height }: ImageSize): Buffer {
  const key = `${width}x${height}`;
  let pixels = grains.get(key);
  if (!pixels) {
    const random = new SeededRandom(hashKey('grain', width, height));
    pixels = Buffer.alloc(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = 96 + Math.floor(random.next() * 64);
    grains.set(key, pixels);
  }
  return pixels;
}

export async function renderProductPhoto(product: SimProduct, imageNumber: number): Promise<Buffer> {
  const size = productImageSize(product);
  return sharp(Buffer.from(productImageSvg(product, imageNumber)))
    .composite([{ input: grain(size), raw: { ...size, channels: 1 }, blend: 'soft-light' }])
    .jpeg({ quality: 82 })
    .toBuffer();
}

/**
 * Rendered photos by URL path, least recently used dropped first once their bytes pass the
 * bound. A promise is kept from the first request on, so a burst for one photo renders it once.
 */
export class PhotoCache {
  private readonly entries = new Map<string, { readonly photo: Promise<Buffer>; bytes: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.photo;
    }
    const entry = { photo: render(), bytes: 0 };
    this.entries.set(key, entry);
    entry.photo.then(
      (photo) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = photo.length;
        this.bytes += photo.length;
        this.evict();
      },
      () => this.entries.delete(key),
    );
    return entry.photo;
  }

  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}
