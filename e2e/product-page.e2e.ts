// The live price, as a shopper sees it in chromium: the page renders at once with the last known
// price, the refresher fetches the marketplace's (the simulator's) current price, and the page
// swaps it in without a reload; a failing marketplace leaves a stale notice; twenty tabs opening
// one stale page make one marketplace call.
import { expect, test } from './fixtures/test';
import { eur, formatMoney } from '../src/common/money';
import { sellPriceFor, DEFAULT_MARGIN_RULES } from '../src/server/pricing';
import { offerCallCount, patchSimProduct } from '../infra/marketplace-simulator/sim-products';
import { productPath, seedStaleSimProduct, simulatorControlUrl } from './fixtures/live-price-seed';
import { ProductPagePo } from './fixtures/product-page.po';

const euros = (cents: number, locale: string) => formatMoney(eur(cents), locale);

test('the server-rendered page is complete without JavaScript, in the market’s language', async ({ browser }) => {
  const { product } = await seedStaleSimProduct('de');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(productPath('fr', product));
  expect(response?.status()).toBe(200);
  const po = new ProductPagePo(page);
  await expect(po.title()).toHaveText(product.title);
  await expect(po.price()).toHaveText(euros(product.sellPrices.fr!.price.amountCents, 'fr-FR'));
  await expect(po.priceAge()).toContainText(/mis à jour il y a 2 min/);
  await expect(po.availability()).toHaveText(/En stock|Rupture de stock/);
  await expect(page.getByTestId('delivery')).toContainText(/Livraison en 3 à 6 jours ouvrés|Livraison indisponible/);
  expect(await page.getAttribute('html', 'lang')).toBe('fr');
  await context.close();
});

test('unknown products and markets answer 404', async ({ page }) => {
  expect((await page.goto('/it/p/no-such-product-zzzzzzzzzz'))?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('Prodotto non trovato');
  expect((await page.goto('/uk/p/anything-abcdefgh12'))?.status()).toBe(404);
});

test('a price changed at the marketplace appears on the open page without a reload', async ({ page }) => {
  const { product, info } = await seedStaleSimProduct('it');
  const newCost = info.priceCents + 1234;
  await patchSimProduct(simulatorControlUrl(), 'it', info.sourceId, { priceCents: newCost });
  const expected = euros(
    sellPriceFor({ price: eur(newCost), shipping: eur(info.shippingCents) }, 'it', 'it', DEFAULT_MARGIN_RULES)!.sellGrossCents,
    'it-IT',
  );
  const old = euros(product.sellPrices.it!.price.amountCents, 'it-IT');

  const po = new ProductPagePo(page);
  const response = await po.open(productPath('it', product));
  // A mark on this document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  // The server's HTML held the last known price (spaces normalized: Intl uses no-break ones).
  const html = (await response?.text()) ?? '';
  const spaces = (text: string) => text.replace(/&nbsp;|\u00a0|\u202f/g, ' ');
  expect(spaces(html)).toContain(spaces(old));
  expect(html).toContain('<html lang="it"');
  await po.liveOutcome();
  await expect(po.price()).toHaveText(expected);
  await expect(po.price()).toHaveAttribute('data-state', 'fresh');
  await expect(po.priceAge()).toContainText(/aggiornato \d+ s fa/);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test('when the marketplace fails, the page keeps the last price and says from when it is', async ({ page }) => {
  const { product, info } = await seedStaleSimProduct('es');
  await patchSimProduct(simulatorControlUrl(), 'es', info.sourceId, { faults: { routes: ['offer'], error: { status: 503 } } });
  const po = new ProductPagePo(page);
  await po.open(productPath('es', product));
  await po.liveOutcome();
  await expect(po.staleNotice()).toBeVisible();
  await expect(po.staleNotice()).toHaveText(/no se pudo actualizar, precio de las \d{2}:\d{2}/);
  await expect(po.price()).toHaveText(euros(product.sellPrices.es!.price.amountCents, 'es-ES'));
  await expect(po.price()).toHaveAttribute('data-state', 'stale');
});

test('twenty tabs opening one stale page make one marketplace call', async ({ browser }) => {
  test.setTimeout(60_000);
  const { product, info } = await seedStaleSimProduct('fr');
  // A realistic marketplace answer time, so the tabs open while the refresh is in flight.
  await patchSimProduct(simulatorControlUrl(), 'fr', info.sourceId, {
    priceCents: info.priceCents + 200,
    faults: { routes: ['offer'], latency: { medianMs: 300, p99Ms: 300 } },
  });
  const expected = euros(
    sellPriceFor({ price: eur(info.priceCents + 200), shipping: eur(info.shippingCents) }, 'fr', 'fr', DEFAULT_MARGIN_RULES)!
      .sellGrossCents,
    'fr-FR',
  );
  const context = await browser.newContext();
  const pages = await Promise.all(Array.from({ length: 20 }, () => context.newPage()));
  await Promise.all(pages.map((page) => page.goto(productPath('fr', product))));
  // A tab opened after the refresh renders the fresh price; the others receive it live.
  await Promise.all(pages.map((page) => new ProductPagePo(page).priceBecomes(expected)));
  expect(await offerCallCount(simulatorControlUrl(), 'fr', info.sourceId)).toBe(1);
  await context.close();
});
