// Product photos as a shopper sees them: products scraped from the simulator show their photo in
// the listing and on their page through the image route (width and height set, a srcset, eager
// in the first row and lazy below, the title as alt text); a product without a usable photo shows
// the placeholder; the route refuses widths it does not make, naming the parameter.
import { expect, test } from './fixtures/test';
import { newId } from '../src/common/ids';
import { seedScrapedProducts } from './fixtures/scraped-seed';
import { StorefrontPo } from './fixtures/storefront.po';
import { gotoHydrated } from './fixtures/hydrated';

test('a listing shows each scraped product’s photo through the image route, sized, lazy below the first row', async ({ page }) => {
  // A word of the test's own in the titles keeps parallel tests' products out of its listing.
  const word = `foto${newId(6)}`;
  const products = await seedScrapedProducts(
    'it',
    [0, 10, 20, 30, 40].map((index) => ({ index, change: { title: `Prodotto ${index} ${word}` } })),
  );
  const shop = new StorefrontPo(page);
  await shop.open(`/it?q=${word}`);
  await expect(shop.cards()).toHaveCount(products.length);

  const images = page.getByTestId('product-image');
  await expect(images).toHaveCount(products.length);
  for (const [i, image] of (await images.all()).entries()) {
    await expect(image).toHaveAttribute('width', '320');
    await expect(image).toHaveAttribute('height', '320');
    await expect(image).toHaveAttribute('src', /^\/images\/[^/]+\/1\.webp\?w=320$/);
    await expect(image).toHaveAttribute('srcset', /\?w=160 160w, .*\?w=1024 1024w$/);
    await expect(image).toHaveAttribute('loading', i < 3 ? 'eager' : 'lazy');
  }
  const titles = await shop.cardTitles().allTextContents();
  expect(await images.evaluateAll((els) => els.map((el) => el.getAttribute('alt')))).toEqual(titles.map((t) => t.trim()));

  // The first photo really arrives: the simulator's JPEG, resized by the route.
  const first = images.first();
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const response = await page.request.get((await first.getAttribute('src')) ?? '');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['cache-control']).toContain('max-age=');
});

test('a product without a photo, or whose photo cannot be had, shows the placeholder', async ({ page }) => {
  const word = `nofoto${newId(6)}`;
  await seedScrapedProducts('it', [
    { index: 50, change: { title: `Senza foto ${word}`, imageUrl: null } },
    // A photo on an address no shop of ours serves: the route does not fetch it, the page falls back.
    { index: 60, change: { title: `Foto altrove ${word}`, imageUrl: 'http://127.0.0.1:9/private.jpg' } },
  ]);
  const shop = new StorefrontPo(page);
  await shop.open(`/it?q=${word}`);
  await expect(shop.cards()).toHaveCount(2);
  await expect(page.getByTestId('product-image-placeholder')).toHaveCount(2);
  await expect(page.getByTestId('product-image')).toHaveCount(0);
});

test('the product page shows its photo first thing, and names it in og:image and JSON-LD', async ({ page }) => {
  const word = `pagina${newId(6)}`;
  const [product] = await seedScrapedProducts('it', [{ index: 70, change: { title: `Con foto ${word}` } }]);
  const shop = new StorefrontPo(page);
  await shop.open(`/it?q=${word}`);
  await Promise.all([page.waitForURL(/\/it\/p\//), shop.cardTitles().first().click()]);
  const photo = page.getByTestId('product-gallery').getByTestId('product-image');
  await expect(photo).toHaveAttribute('loading', 'eager');
  await expect(photo).toHaveAttribute('alt', product?.title ?? '');
  await expect(photo).toHaveAttribute('width', /^\d+$/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(ogImage).toMatch(/^https?:\/\/[^/]+\/images\/[^/]+\/1\.jpg\?w=1024$/);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { image?: string[] };
  expect(jsonLd.image).toEqual([ogImage]);
  const jpeg = await page.request.get(ogImage ?? '');
  expect(jpeg.headers()['content-type']).toBe('image/jpeg');
});

test('the image route makes only its own widths and formats, and says which parameter is wrong', async ({ page }) => {
  await gotoHydrated(page, '/it');
  const wrongWidth = await page.request.get('/images/gtin-00000000000000/1.webp?w=333');
  expect(wrongWidth.status()).toBe(400);
  expect(await wrongWidth.json()).toMatchObject({ parameter: 'w' });
  const wrongFormat = await page.request.get('/images/gtin-00000000000000/1.gif?w=320');
  expect(wrongFormat.status()).toBe(400);
  expect(await wrongFormat.json()).toMatchObject({ parameter: 'file' });
  expect((await page.request.get('/images/gtin-00000000000000/1.webp?w=320')).status()).toBe(404);
});
