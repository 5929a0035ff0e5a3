// A price the scrapers wrote goes stale; the marketplace raises it; a shopper opening the product
// ends on the new price. Either the marketplace's signal got there first (the stack's simulator
// pushes its changes), and the server renders the new price fresh; or the page shows the last
// known price while the refresher asks the marketplace, then the new one, pushed to the open page
// (server-sent events) without a reload.
import { expect, test } from '../fixtures/test';
import { SETTINGS } from '../../src/server/platform/config';
import { productIdFor, scrapedListing } from '../../src/server/scraping';
import { productIdFromSlugId } from '../../src/server/storefront';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { openBeforeHydration } from '../fixtures/hydrated';
import { ProductPagePo } from '../fixtures/product-page.po';
import { centsOf, listedProducts, simulator, system, wordsOf, type SimProduct } from './system';
import { SYSTEM_SETTINGS } from './system-settings';

const MARKET: MarketCode = 'fr';
/** The marketplace's new price, in basis points of the old: far beyond the simulator's drift of ±5 %. */
const RAISE_BASIS_POINTS = 14_000;

test('a stale price turns fresh on the open page', async ({ page }) => {
  // Every scraped price was checked by the end of the crawl; past the freshness window it is stale.
  const freshForMs = Number(SYSTEM_SETTINGS['PRICE_FRESH_MS'] ?? SETTINGS.PRICE_FRESH_MS.default);
  const staleInMs = system.catalogAt().getTime() + freshForMs + 1000 - Date.now();
  if (staleInMs > 0) await page.waitForTimeout(staleInMs);

  // The listing's last products: no other journey opened them, so no refresh renewed their price.
  const listed = (await listedProducts(page, MARKET)).reverse();
  // The simulator's products by the id the catalog gives them (their GTIN), in every market: a
  // product of the French shop may come from any shop's page, with a translated title.
  const bySimId = new Map<string, SimProduct>();
  for (const market of MARKET_CODES)
    for (const p of await simulator.products(market)) bySimId.set(productIdFor({ ...scrapedListing({ gtin: p.gtin }), market }), p);
  const simOf = (href: string) => bySimId.get(productIdFromSlugId(decodeURIComponent(href.split('/').at(-1) ?? '')) ?? '');
  const product = listed.find(({ href }) => simOf(href)?.offer.availability === 'in_stock');
  expect(product, `a listed product of /${MARKET} found in the simulator by its GTIN`).toBeDefined();
  const source = simOf(product!.href)!;

  // The marketplace raises the price in every market that sells the product, so whichever offer
  // the shop's price comes from, it goes up.
  const offers: [MarketCode, string][] = [
    [source.market, source.sourceId],
    ...Object.entries(source.siblings).map(([m, s]) => [m as MarketCode, s!.sourceId] as [MarketCode, string]),
  ];
  const raised: number[] = [];
  for (const [market, sourceId] of offers) {
    const now = await simulator.product(market, sourceId);
    raised.push(Math.round((now.offer.priceCents * RAISE_BASIS_POINTS) / 10_000));
    await simulator.patchProduct(market, sourceId, { priceCents: raised.at(-1)! });
  }

  const words = wordsOf(MARKET).product;
  const po = new ProductPagePo(page);
  // The server's page first, its scripts held back.
  const hydrate = await openBeforeHydration(page, product!.href);
  await expect(po.price()).toBeVisible();
  const shown = centsOf((await po.price().innerText()).trim());
  const pushed = (await po.price().getAttribute('data-state')) === 'fresh';
  // Not pushed yet: the last known price, and the shopper told it is being checked.
  if (!pushed) await expect(page.getByText(words.checking)).toBeVisible();
  await hydrate();

  await expect(po.price()).toHaveAttribute('data-state', 'fresh');
  await expect(po.priceAge()).toHaveText(new RegExp(words.updated('\\d+ s').replace(/\s+/g, '\\s+')));
  const newCents = centsOf((await po.price().innerText()).trim());
  if (pushed) {
    // Already the raised price: no selling price is under what the goods now cost at the cheapest source.
    expect(newCents).toBeGreaterThan(Math.min(...raised));
  } else {
    expect(newCents, `the page's price after the refresh (it was ${shown} cents)`).toBeGreaterThan(shown);
  }
});
