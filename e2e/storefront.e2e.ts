// The storefront as a shopper and a crawler see it: keyword search (accents, case, several
// words), filters with the keyboard (folded away on a phone), keyset pages, opening a product
// from a listing, the market switcher, `/` by Accept-Language, addresses with nothing at them
// answered in the shopper's language with a way back, and the SEO a crawler reads (canonical,
// hreflang, JSON-LD, sitemaps).
import { expect, test } from './fixtures/test';
import { unitCents } from '../src/server/checkout/checkout.fixture';
import { newId } from '../src/common/ids';
import type { Product } from '../src/server/catalog';
import { stopSelling } from '../src/server/catalog-admin';
import type { MarketCode } from '../src/common/markets';
import { eur, formatMoney } from '../src/common/money';
import { productPath } from '../src/server/storefront';
import { seedShopProducts } from './fixtures/storefront-seed';
import { withE2eRuntime } from './fixtures/e2e-runtime';
import { StorefrontPo } from './fixtures/storefront.po';
import { waitForHydration } from './fixtures/hydrated';

const tag = () => `e2e${newId(6)}`;
const LOCALES: Record<MarketCode, string> = { it: 'it-IT', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' };
/** The product's price as the shop shows it in a market. */
const shown = (product: Product, market: MarketCode) => formatMoney(eur(unitCents(product, market)), LOCALES[market]);

test('a keyword search finds products whatever the accents and case, every word counting', async ({ page }) => {
  const word = tag();
  const [elegant] = await seedShopProducts('home-kitchen', [
    { title: `Caffettiera Élégante ${word}`, brand: 'Bialetti', sourceCents: 2990 },
    { title: `Caffettiera rustica ${word}`, brand: 'Bialetti', sourceCents: 1990 },
  ]);
  const shop = new StorefrontPo(page);
  await shop.open('/it');
  await shop.search(`ELEGANTE caffettiera ${word.toUpperCase()}`);
  await expect(shop.cardTitles()).toHaveText([elegant?.title ?? '']);
  await expect(shop.searchBox()).toHaveValue(`ELEGANTE caffettiera ${word.toUpperCase()}`);
  // 29,90 € the Italian way.
  await expect(shop.cards().first()).toContainText(shown(elegant!, 'it'));
  expect(shown(elegant!, 'it')).toMatch(/^\d+,\d\d\s€$/);

  await shop.search(`caffettiera ${word}`);
  await expect(shop.cards()).toHaveCount(2);
});

test('filters work from the keyboard alone and say what is wrong next to the field', async ({ page }) => {
  const word = tag();
  const category = 'home-kitchen';
  const [cheap, dear] = await seedShopProducts(category, [
    { title: `Lampada cheap ${word}`, brand: 'Lumio', sourceCents: 1500 },
    { title: `Lampada dear ${word}`, brand: 'Lumio', sourceCents: 8900 },
    { title: `Lampada gone ${word}`, brand: 'Lumio', sourceCents: 5000, inStock: false },
    { title: `Lampada other ${word}`, brand: 'Nordvik', sourceCents: 4000 },
  ]);
  // A whole-euro floor above the cheap lamp's price and below the dear one's.
  const from = String(Math.floor(unitCents(cheap!, 'de') / 100) + 1);
  expect(unitCents(dear!, 'de')).toBeGreaterThan(Number(from) * 100);
  const shop = new StorefrontPo(page);
  await shop.open(`/de?q=${word}&category=home-kitchen`);
  await expect(shop.cards()).toHaveCount(4);
  // The category is the taxonomy's, named in German.
  await expect(page.getByLabel('Kategorie').locator('option:checked')).toHaveText('Küche und Haushalt');

  await page.getByLabel('Marke').selectOption('Lumio');
  await page.getByLabel('Preis ab (€)').fill(from);
  await page.getByLabel('Nur verfügbare').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Sortieren nach').selectOption({ label: 'Preis absteigend' });
  await Promise.all([page.waitForURL(/brand=Lumio/), page.getByLabel('Preis ab (€)').press('Enter')]);
  await expect(shop.cardTitles()).toHaveText([`Lampada dear ${word}`]);
  await expect(shop.cards().first()).toContainText(shown(dear!, 'de'));

  const response = await page.goto(`/de?q=${word}&category=home-kitchen&min=zwanzig`);
  expect(response?.status()).toBe(400);
  await expect(page.getByTestId('error-min')).toHaveText('Bitte einen Betrag in ganzen Euro eingeben, zum Beispiel 25.');
  await expect(page.getByLabel('Preis ab (€)')).toHaveAttribute('aria-invalid', 'true');
});

test('pages follow each other by cursor without repeats, and a product opens from the listing', async ({ page }) => {
  const word = tag();
  const seeded = await seedShopProducts(
    'home-kitchen',
    Array.from({ length: 30 }, (_, i) => ({ title: `Tazza ${i} ${word}`, brand: 'Casaluce', sourceCents: 990 + (i % 3) * 100 })),
  );
  const shop = new StorefrontPo(page);
  await shop.open(`/fr?q=${word}&category=home-kitchen&sort=price-asc`);
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

test('products an agent stopped selling are listed in no market', async ({ page }) => {
  const word = tag();
  const [, stopped] = await seedShopProducts('home-kitchen', [
    { title: `Borraccia in vendita ${word}`, brand: 'Brava', sourceCents: 1200 },
    { title: `Borraccia ritirata ${word}`, brand: 'Brava', sourceCents: 1200 },
  ]);
  const agent = { id: 'agent_storefront', email: 'storefront@example.com', role: 'agent' as const };
  expect(await withE2eRuntime((rt) => stopSelling(rt, { productId: stopped!._id, reason: 'recall' }, agent))).toMatchObject({ ok: true });
  const shop = new StorefrontPo(page);
  for (const market of ['it', 'fr'] as const) {
    await shop.open(`/${market}?q=${word}`);
    await expect(shop.cardTitles()).toHaveText([`Borraccia in vendita ${word}`]);
  }
});

test('the market switcher opens the same search in another market, in its language', async ({ page }) => {
  const word = tag();
  const [kettle] = await seedShopProducts('sports', [{ title: `Kettle ${word}`, brand: 'Zephyr', sourceCents: 123456 }]);
  const shop = new StorefrontPo(page);
  await shop.open(`/it?q=${word}`);
  expect(await page.getAttribute('html', 'lang')).toBe('it');
  await expect(shop.cartLink()).toHaveAttribute('href', '/it/cart');
  await expect(shop.marketLink('it')).toHaveAttribute('aria-current', 'true');
  await shop.marketLink('de').click();
  await expect(page).toHaveURL(new RegExp(`/de\\?q=${word}$`));
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  await expect(shop.cards().first()).toContainText(shown(kettle!, 'de'));
  await expect(shop.cartLink()).toHaveText('Warenkorb');
  await expect(shop.cartLink()).toHaveAttribute('href', '/de/cart');
});

test('on a phone the filters are folded under their summary; on a wide screen they are open', async ({ page }) => {
  const word = tag();
  await seedShopProducts('garden', [{ title: `Annaffiatoio ${word}`, brand: 'Verdello', sourceCents: 1490 }]);
  const shop = new StorefrontPo(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await shop.open(`/it?q=${word}`);
  await expect(shop.cards()).toHaveCount(1);
  await expect(page.getByLabel('Marca')).toBeHidden();
  await page.getByTestId('filters-toggle').click();
  await expect(page.getByLabel('Marca')).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 900 });
  await shop.open(`/it?q=${word}`);
  await expect(page.getByTestId('filters-toggle')).toBeHidden();
  await expect(page.getByLabel('Marca')).toBeVisible();
  await expect(page.getByLabel('Categoria').locator('option:checked')).toHaveText('Tutte');
  await expect(page.getByLabel('Categoria').locator('option[value="garden"]')).toHaveText('Giardino');
});

test('an unknown address in a market answers 404 in its language, with its home and its search', async ({ page }) => {
  const word = tag();
  await seedShopProducts('toys', [{ title: `Trottola ${word}`, brand: 'Girandola', sourceCents: 990 }]);
  const response = await page.goto('/it/unknown');
  expect(response?.status()).toBe(404);
  await waitForHydration(page);
  expect(await page.getAttribute('html', 'lang')).toBe('it');
  await expect(page).toHaveTitle('Pagina non trovata · DigitalSales');
  await expect(page.getByTestId('not-found-title')).toHaveText('Pagina non trovata');
  await expect(page.getByTestId('shop-footer')).toContainText('Prezzi in euro, IVA inclusa.');
  await expect(page.getByTestId('not-found-home')).toHaveText('Torna alla pagina iniziale');
  await expect(page.getByTestId('not-found-home')).toHaveAttribute('href', '/it');

  const search = page.getByTestId('not-found-search');
  await search.getByRole('searchbox', { name: 'Cerca prodotti' }).fill(word);
  await Promise.all([page.waitForURL(new RegExp(`/it\\?q=${word}$`)), search.getByRole('button', { name: 'Cerca' }).click()]);
  await expect(new StorefrontPo(page).cardTitles()).toHaveText([`Trottola ${word}`]);
  await page.goBack();
  await page.getByTestId('not-found-home').click();
  await expect(page).toHaveURL(/\/it$/);
  await expect(page.getByTestId('listing-heading')).toBeVisible();
});

test('an address outside every market answers 404 in the visitor’s language, as / chooses it', async ({ browser }) => {
  for (const [language, market, title, home, paths] of [
    ['de-DE', 'de', 'Seite nicht gefunden', 'Zur Startseite', ['/nothing/here', '/xx', '/xx/cart']],
    ['fr-CH', 'fr', 'Page introuvable', 'Retour à l’accueil', ['/xx/order-status']],
    ['en-GB', 'it', 'Pagina non trovata', 'Torna alla pagina iniziale', ['/nothing']],
  ] as const) {
    const context = await browser.newContext({ locale: language });
    const page = await context.newPage();
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${language} ${path}`).toBe(404);
      expect(await page.getAttribute('html', 'lang'), `${language} ${path}`).toBe(market);
      await expect(page.getByTestId('not-found-title')).toHaveText(title);
      await expect(page.getByTestId('not-found-home')).toHaveText(home);
      await expect(page.getByTestId('not-found-home')).toHaveAttribute('href', `/${market}`);
      await expect(page.getByTestId('cart-link')).toHaveAttribute('href', `/${market}/cart`);
    }
    await context.close();
  }
});

test('/ sends a shopper to the market of their language, Italy when none is sold', async ({ request }) => {
  const go = (language: string) => request.get('/', { headers: { 'accept-language': language }, maxRedirects: 0 });
  for (const [language, market] of [
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr-CH, fr;q=0.9', 'fr'],
    ['en-US,es;q=0.5', 'es'],
    ['en-GB', 'it'],
  ]) {
    const response = await go(language as string);
    expect(response.status(), language).toBe(302);
    expect(response.headers()['location'], language).toBe(`/${market}`);
  }
});

test('crawlers find canonical URLs, hreflang alternates, JSON-LD and our sitemaps', async ({ page, request }) => {
  const word = tag();
  const [product] = await seedShopProducts('home-kitchen', [{ title: `Frullatore ${word}`, brand: 'Tecnova', sourceCents: 4999 }]);
  if (!product) throw new Error('no product seeded');
  const shop = new StorefrontPo(page);

  await shop.open('/es?category=home-kitchen');
  await expect(shop.headLinks('canonical')).toHaveAttribute('href', /\/es\?category=home-kitchen$/);
  const listingAlternates = await shop
    .headLinks('alternate')
    .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));
  expect(listingAlternates.map((a) => a.split(' ')[0])).toEqual(['it', 'fr', 'de', 'es', 'x-default']);
  expect(listingAlternates[1]).toMatch(/\/fr\?category=home-kitchen$/);
  await expect(page).toHaveTitle('Hogar y cocina: productos y precios · DigitalSales España');

  const path = productPath('es', { slug: product.slug, id: product._id });
  const html = await (await request.get(path)).text();
  expect(html).toMatch(new RegExp(`<link[^>]*rel="canonical"[^>]*href="http://[^"]+${path}"`));
  expect(html).toMatch(/<link[^>]*rel="alternate"[^>]*hreflang="x-default"/);
  const ld = /<script[^>]*type="application\/ld\+json"[^>]*>([^<]*)<\/script>/.exec(html)?.[1];
  expect(JSON.parse(ld ?? '{}')).toMatchObject({
    '@type': 'Product',
    name: product.title,
    offers: {
      '@type': 'Offer',
      price: (unitCents(product, 'es') / 100).toFixed(2),
      priceCurrency: 'EUR',
      availability: 'https://schema.org/InStock',
    },
  });

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
