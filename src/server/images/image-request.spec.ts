import { describe, expect, it } from 'vitest';
import { isOnHosts, marketplaceSites, STATIC_SITES } from '../scraping';
import { allowedImageHosts, imageCacheKey, parseImageRequest, productImagePath, productImageSrcset } from './image-request';

const sites = [
  ...marketplaceSites({
    MARKETPLACE_URL_IT: 'http://127.0.0.1:4101',
    MARKETPLACE_URL_FR: 'http://127.0.0.1:4102',
    MARKETPLACE_URL_DE: undefined,
    MARKETPLACE_URL_ES: 'https://www.shop-es.example/',
    SCRAPE_MAX_REQUESTS_PER_MINUTE: 0,
    SCRAPE_MAX_CONCURRENCY: 1,
    SCRAPE_RESPECT_ROBOTS_TXT: true,
  }),
  ...STATIC_SITES,
];
const hosts = allowedImageHosts(sites);

describe('parseImageRequest', () => {
  const parse = (id: string | undefined, file: string | undefined, w: unknown) => parseImageRequest({ id, file, w });

  it('reads the product, the photo number, the format and an allowed width', () => {
    expect(parse('gtin-08419723592143', '1.webp', '320')).toEqual({
      ok: true,
      request: { productId: 'gtin-08419723592143', number: 1, format: 'webp', width: 320 },
    });
    expect(parse('src-it-0a1b', '3.jpg', '1024')).toMatchObject({ ok: true, request: { number: 3, format: 'jpg', width: 1024 } });
  });

  it('refuses any other width, naming the parameter w', () => {
    for (const w of ['321', '2000', '0', '-160', 'big', '', undefined, ['160', '320']]) {
      expect(parse('p1', '1.webp', w), String(w)).toMatchObject({
        ok: false,
        parameter: 'w',
        message: 'expected one of 160, 320, 640, 1024',
      });
    }
  });

  it('refuses other formats and photo numbers, naming the parameter file', () => {
    for (const file of ['1.png', '1.svg', '0.webp', 'one.webp', '1', '../1.webp', '100.jpg', undefined]) {
      expect(parse('p1', file, '160'), String(file)).toMatchObject({ ok: false, parameter: 'file' });
    }
  });

  it('refuses an empty or overlong product id, naming the parameter id', () => {
    expect(parse('', '1.webp', '160')).toMatchObject({ ok: false, parameter: 'id' });
    expect(parse('x'.repeat(201), '1.webp', '160')).toMatchObject({ ok: false, parameter: 'id' });
  });
});

describe('photo URLs', () => {
  it('keep any product id in one path segment, and list every allowed width in the srcset', () => {
    expect(productImagePath('gtin-08419723592143', 1, 'webp', 320)).toBe('/images/gtin-08419723592143/1.webp?w=320');
    const odd = 'src/it?x=1#2 é';
    const path = productImagePath(odd, 2, 'jpg', 160);
    expect(path).toBe(`/images/${encodeURIComponent(odd)}/2.jpg?w=160`);
    expect(decodeURIComponent(path.split('/')[2] as string)).toBe(odd);
    expect(productImageSrcset('p1', 1, 'webp')).toBe(
      '/images/p1/1.webp?w=160 160w, /images/p1/1.webp?w=320 320w, /images/p1/1.webp?w=640 640w, /images/p1/1.webp?w=1024 1024w',
    );
  });

  it('cache each width and format of a source photo apart, and a new source URL under a new key', () => {
    const keys = new Set([
      imageCacheKey('http://127.0.0.1:4101/images/B0A/1.jpg', 160, 'webp'),
      imageCacheKey('http://127.0.0.1:4101/images/B0A/1.jpg', 320, 'webp'),
      imageCacheKey('http://127.0.0.1:4101/images/B0A/1.jpg', 160, 'jpg'),
      imageCacheKey('http://127.0.0.1:4101/images/B0A/2.jpg', 160, 'webp'),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe('isOnHosts, for the image route', () => {
  it('allows the configured marketplaces (their port included) and the known shops’ photo hosts', () => {
    for (const url of [
      'http://127.0.0.1:4101/images/B0LR1OC19D/1.jpg',
      'http://127.0.0.1:4102/images/x.jpg',
      'https://shop-es.example/img/1.jpg',
      'https://www.shop-es.example/img/1.jpg',
      'https://m.media-amazon.com/images/I/71i0NbtG3WL._AC_SL1500_.jpg',
      'https://www.amazon.it/images/x.jpg',
    ]) {
      expect(isOnHosts(url, hosts), url).toBe(true);
    }
  });

  it('refuses other ports of a shop’s machine, private addresses, other schemes, credentials and garbage', () => {
    for (const url of [
      'http://127.0.0.1:6379/',
      'http://127.0.0.1/images/1.jpg',
      'http://localhost:4101/images/1.jpg',
      'http://10.0.0.5/images/1.jpg',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:4101/images/1.jpg',
      'https://m.media-amazon.com:8443/images/1.jpg',
      'https://evil.example/m.media-amazon.com/1.jpg',
      'https://m.media-amazon.com.evil.example/1.jpg',
      'file:///etc/passwd',
      'ftp://127.0.0.1:4101/1.jpg',
      'http://user:pw@127.0.0.1:4101/images/1.jpg',
      'not a url',
    ]) {
      expect(isOnHosts(url, hosts), url).toBe(false);
    }
  });
});
