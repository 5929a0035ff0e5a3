// The storefront as a shopper and a crawler see it: keyword search (accents, case, several
// words), filters with the keyboard, keyset pages, opening a product from a listing, the market
// switcher, `/` by Accept-Language, and the SEO a crawler reads (canonical, hreflang, JSON-LD,
// sitemaps).
import { expect, test } from '@playwright/test';
import { newId } from '../src/server/db';
import { productPath } from '../src/server/storefront';
import { seedShopProducts } from './fixtures/storefront-seed';
import { StorefrontPo } from './fixtures/storefront.po';

const tag = () => `e2e${newId(6)}`;

test('a keyword search finds products whatever the accents and case, every word counting', async ({ page }) => {
  const word = tag();
  const [elegant] = await seedShopProducts(`cat-${word}`, [
    { title: `Caffettiera Élégante ${word}`, brand: 'Bialetti', cents: 2990 },
    { title: `Caffettiera rustica ${word}`, brand: 'Bialetti', cents: 1990 },
  ]);
  const shop = new StorefrontPo(page);
  await shop.open('/it');
  await shop.search(`ELEGANTE caffettiera ${word.toUpperCase()}`);
  await expect(shop.cardTitles()).toHaveText([elegant?.title ?? '']);
  await expect(shop.searchBox()).toHaveValue(`ELEGANTE caffettiera ${word.toUpperCase()}`);
  // 29,90 € the Italian way.
  await expect(shop.cards().first()).toContainText(/29,90\s€/);

  await shop.search(`caffettiera ${word}`);
  await expect(shop.cards()).toHaveCount(2);
});

test('filters work from the keyboard alone and say what is wrong next to the field', async ({ page }) => {
  const word = tag();
  const category = `cat-${word}`;
  await seedShopProducts(category, [
    { title: `Lampada cheap ${word}`, brand: 'Lumio', cents: 1500 },
    { title: `Lampada dear ${word}`, brand: 'Lumio', cents: 8900 },
    { title: `Lampada gone ${word}`, brand: 'Lumio', cents: 5000, inStock: false },
    { title: `Lampada other ${word}`, brand: 'Nordvik', cents: 4000 },
  ]);
  const shop = new StorefrontPo(page);
  await shop.open(`/de?category=${category}`);
  await expect(shop.cards()).toHaveCount(4);

  await page.getByLabel('Marke').selectOption('Lumio');
  await page.getByLabel('Preis ab (€)').fill('20');
  await page.getByLabel('Nur verfügbare').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Sortieren nach').selectOption({ label: 'Preis absteigend' });
  await Promise.all([page.waitForURL(/brand=Lumio/), page.getByLabel('Preis ab (€)').press('Enter')]);
  await expect(shop.cardTitles()).toHaveText([`Lampada dear ${word}`]);
  await expect(shop.cards().first()).toContainText(/89,00\s€/);

  const response = await page.goto(`/de?category=${category}&min=zwanzig`);
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId('error-min')).toHaveText('Bitte einen Betrag in ganzen Euro eingeben, zum Beispiel 25.');
  await expect(page.getByLabel('Preis ab (€)')).toHaveAttribute('aria-invalid', 'true');
});

test('pages follow each other by cursor without repeats, and a product opens from the listing', async ({ page }) => {
  const word = tag();
  const category = `cat-${word}`;
  const seeded = await seedShopProducts(
    category,
    Array.from({ length: 30 }, (_, i) => ({ title: `Tazza ${i} ${word}`, brand: 'Casaluce', cents: 990 + (i % 3) * 100 })),
  );
  const shop = new StorefrontPo(page);
  await shop.open(`/fr?category=${category}&sort=price-asc`);
  await expect(shop.cards()).toHaveCount(24);
  const first = await shop.cards().evaluateAll((cards) => cards.map((c) => c.getAttribute('data-product-id')));
  await shop.nextPage().click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(shop.cards()).toHaveCount(6);
  const second = await shop.cards().evaluateAll((cards) => cards.map((c) => c.getAttribute('data-product-id')));
  expect(new Set([...first, ...second]).size).toBe(30);
  expect([...first, ...second].sort()).toEqual(seeded.map((p) => p._id).sort());
  await expect(shop.nextPage()).toHaveCount(0);

  const title = (await shop.cardTitles().first().textContent())?.trim() ?? '';
  await shop.cardTitles().first().click();
  await expect(page).toHaveURL(/\/fr\/p\/[a-z0-9-]+-[0-9a-z]+$/);
  await expect(page.getByTestId('product-title')).toHaveText(title);
});

test('products not for sale in a market are not listed there', async ({ page }) => {
  const word = tag();
  await seedShopProducts(`cat-${word}`, [
    { title: `Borraccia ovunque ${word}`, brand: 'Brava', cents: 1200 },
    { title: `Borraccia solo francese ${word}`, brand: 'Brava', cents: 1200, markets: ['fr'] },
  ]);
  const shop = new StorefrontPo(page);
  await shop.open(`/it?q=${word}`);
  await expect(shop.cardTitles()).toHaveText([`Borraccia ovunque ${word}`]);
  await shop.open(`/fr?q=${word}`);
  await expect(shop.cards()).toHaveCount(2);
});

test('the market switcher opens the same search in another market, in its language', async ({ page }) => {
  const word = tag();
  await seedShopProducts(`cat-${word}`, [{ title: `Kettle ${word}`, brand: 'Zephyr', cents: 123456 }]);
  const shop = new StorefrontPo(page);
  await shop.open(`/it?q=${word}`);
  expect(await page.getAttribute('html', 'lang')).toBe('it');
  await expect(shop.cartLink()).toHaveAttribute('href', '/it/cart');
  await expect(shop.marketLink('it')).toHaveAttribute('aria-current', 'true');
  await shop.marketLink('de').click();
  await expect(page).toHaveURL(new RegExp(`/de\\?q=${word}$`));
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  await expect(shop.cards().first()).toContainText(/1\.234,56\s€/);
  await expect(shop.cartLink()).toHaveText('Warenkorb');
  await expect(shop.cartLink()).toHaveAttribute('href', '/de/cart');
});

test('/ sends a shopper to the market of their language, Italy when none is sold', async ({ request }) => {
  const go = (language: string) => request.get('/', { headers: { 'accept-language': language }, maxRedirects: 0 });
  for (const [language, market] of [['de-DE,de;q=0.9,en;q=0.8', 'de'], ['fr-CH, fr;q=0.9', 'fr'], ['en-US,es;q=0.5', 'es'], ['en-GB', 'it']]) {
    const response = await go(language as string);
    expect(response.status(), language).toBe(302);
    expect(response.headers()['location'], language).toBe(`/${market}`);
  }
});

test('crawlers find canonical URLs, hreflang alternates, JSON-LD and our sitemaps', async ({ page, request }) => {
  const word = tag();
  const [product] = await seedShopProducts(`cat-${word}`, [{ title: `Frullatore ${word}`, brand: 'Tecnova', cents: 4999 }]);
  if (!product) throw new Error('no product seeded');
  const shop = new StorefrontPo(page);

  await shop.open(`/es?category=cat-${word}`);
  await expect(shop.headLinks('canonical')).toHaveAttribute('href', new RegExp(`/es\\?category=cat-${word}$`));
  const listingAlternates = await shop.headLinks('alternate').evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));
  expect(listingAlternates.map((a) => a.split(' ')[0])).toEqual(['it', 'fr', 'de', 'es', 'x-default']);
  expect(listingAlternates[1]).toMatch(new RegExp(`/fr\\?category=cat-${word}$`));
  await expect(page).toHaveTitle(`cat-${word}: productos y precios · DigitalSales España`);

  const path = productPath('es', { slug: product.slug, id: product._id });
  const html = await (await request.get(path)).text();
  expect(html).toMatch(new RegExp(`<link[^>]*rel="canonical"[^>]*href="http://[^"]+${path}"`));
  expect(html).toMatch(/<link[^>]*rel="alternate"[^>]*hreflang="x-default"/);
  const ld = /<script[^>]*type="application\/ld\+json"[^>]*>([^<]*)<\/script>/.exec(html)?.[1];
  expect(JSON.parse(ld ?? '{}')).toMatchObject({ '@type': 'Product', name: product.title, offers: { '@type': 'Offer', price: '49.99', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' } });

  const index = await request.get('/sitemap.xml');
  expect(index.headers()['content-type']).toContain('application/xml');
  const indexXml = await index.text();
  expect(indexXml).toContain('/sitemaps/pages.xml');
  const productSitemaps = [...indexXml.matchAll(/<loc>([^<]*products-es-\d+\.xml)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
  expect(productSitemaps.length).toBeGreaterThan(0);
  const pages = await Promise.all(productSitemaps.map(async (sitemap) => (await request.get(sitemap)).text()));
  expect(pages.some((xml) => xml.includes(`${path}</loc>`))).toBe(true);
  expect((await request.get('/sitemaps/products-es-99999.xml')).status()).toBe(404);
});
