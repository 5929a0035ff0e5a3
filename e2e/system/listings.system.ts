// What the scrapers wrote, as a shopper finds it: in every market, the listing's first products
// open (200, with the title the listing shows for them), following the links the listing renders.
import { expect, test } from '../fixtures/test';
import { MARKET_CODES } from '../../src/common/markets';
import { listedProducts, screenshot } from './system';

/** How many of each listing's products are opened. */
const FIRST_PRODUCTS = 3;

for (const market of MARKET_CODES) {
  test(`the ${market} listing's first products open`, async ({ page }) => {
    const products = await listedProducts(page, market);
    expect(products.length, `products listed in /${market}`).toBeGreaterThanOrEqual(FIRST_PRODUCTS);
    if (market === 'it') await screenshot(page, 'shop');
    for (const { href, title } of products.slice(0, FIRST_PRODUCTS)) {
      const response = await page.goto(href);
      expect(response?.status(), `GET ${href}`).toBe(200);
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).not.toBeEmpty();
      const shown = (await heading.textContent())?.trim();
      if (shown !== title) {
        // The platform keeps working meanwhile: the translator may have given the product this
        // market's text (or an agent merged it) since the listing was read. The listing says so now.
        const again = await listedProducts(page, market);
        expect(again.find((p) => p.href === href)?.title ?? shown, `the listing's title of ${href} now`).toBe(shown);
      }
      await page.goto(href);
      expect(await page.getAttribute('html', 'lang')).toBe(market);
    }
  });
}
