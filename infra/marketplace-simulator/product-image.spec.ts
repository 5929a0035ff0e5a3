// The simulated product photos: the same bytes for the same product and number, a JPEG of a real
// photo's size and weight, a drawing of the product's category in its colour with its name, four
// different views; and the byte-bounded cache that keeps them.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Catalog, type SimProduct } from './catalog-generator';
import { DRAWINGS, PhotoCache, productImageSize, productImageSvg, renderProductPhoto } from './product-image';
import { CATEGORIES } from './word-lists';

const catalog = new Catalog({ seed: 3, productsPerMarket: 400, crossMarketShare: 0.6 });

function firstOf(match: (p: SimProduct) => boolean): SimProduct {
  for (let i = 0; i < catalog.size; i++) {
    const product = catalog.product('fr', i);
    if (match(product)) return product;
  }
  throw new Error('no such product');
}

describe('product photos', () => {
  it('are JPEGs of a real photo’s size and weight, the same bytes every time', async () => {
    for (const product of [firstOf((p) => productImageSize(p).width === 1000), firstOf((p) => productImageSize(p).width === 1200)]) {
      const photo = await renderProductPhoto(product, 1);
      const meta = await sharp(photo).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'jpeg', ...productImageSize(product) });
      expect(photo.length).toBeGreaterThan(40_000);
      expect(photo.length).toBeLessThan(200_000);
      expect((await renderProductPhoto(product, 1)).equals(photo)).toBe(true);
    }
    // Four renders of a megapixel: well under a second alone, several on a machine shared with other runs.
  }, 30_000);

  it('draw every category in the product’s colour, with its brand, model and title', () => {
    expect(CATEGORIES.map((c) => c.key).filter((key) => !DRAWINGS[key])).toEqual([]);
    const product = catalog.product('fr', 0);
    const svg = productImageSvg(product, 1);
    expect(svg).toContain(product.colour.hex);
    expect(svg).toContain(`>${product.brand}<`);
    expect(svg).toContain(product.model);
    expect(svg).toContain(product.title.split(' ').slice(0, 2).join(' '));
  });

  it('differ between categories and between the four views of one product', () => {
    const kitchen = firstOf((p) => p.category.key === 'kitchen');
    const garden = firstOf((p) => p.category.key === 'garden' && p.colour === kitchen.colour);
    const body = (svg: string) => svg.replace(/<text[^>]*>[^<]*<\/text>/g, '');
    expect(body(productImageSvg(kitchen, 1))).not.toBe(body(productImageSvg(garden, 1)));
    const views = new Set([1, 2, 3, 4].map((n) => productImageSvg(kitchen, n)));
    expect(views.size).toBe(4);
  });
});

describe('PhotoCache', () => {
  const bytes = (n: number) => Promise.resolve(Buffer.alloc(n));

  it('renders a photo once for any number of requests', async () => {
    const cache = new PhotoCache(1_000);
    let renders = 0;
    const render = () => {
      renders += 1;
      return bytes(100);
    };
    await Promise.all([cache.get('a', render), cache.get('a', render), cache.get('a', render)]);
    expect(renders).toBe(1);
  });

  it('drops the least recently used photos once the bytes pass the bound', async () => {
    const cache = new PhotoCache(300);
    await cache.get('a', () => bytes(100));
    await cache.get('b', () => bytes(100));
    await cache.get('c', () => bytes(100));
    await cache.get('a', () => bytes(100)); // a is now the most recently used
    await cache.get('d', () => bytes(100));
    expect(cache.size).toEqual({ entries: 3, bytes: 300 });
    let rendered = '';
    await cache.get('b', () => ((rendered = 'b'), bytes(100)));
    expect(rendered).toBe('b');
    await cache.get('a', () => ((rendered = 'a again'), bytes(100)));
    expect(rendered).toBe('b');
  });

  it('forgets a failed render, so the next request tries again', async () => {
    const cache = new PhotoCache(1_000);
    await expect(cache.get('a', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
    expect((await cache.get('a', () => bytes(10))).length).toBe(10);
  });
});
