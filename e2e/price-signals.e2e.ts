// Prices the marketplaces push, end to end: the simulator sends Amazon's and eBay's offer
// notifications (signed) to /api/signals/*, the refresher applies them, and a shopper opens the
// product on a price that is already fresh, with no marketplace call.
import { expect, test } from './fixtures/test';
import { eur, formatMoney } from '../src/common/money';
import { DEFAULT_MARGIN_RULES, sellPriceFor } from '../src/server/pricing';
import { offerCallCount, patchSimProduct } from '../infra/marketplace-simulator/sim-products';
import { startSignals } from '../infra/local/platform';
import { productPath, seedStaleSimProduct, simulatorControlUrl } from './fixtures/live-price-seed';
import { ProductPagePo } from './fixtures/product-page.po';
import { withE2eRuntime } from './fixtures/e2e-runtime';
import { findProduct } from '../src/server/catalog';

const euros = (cents: number) => formatMoney(eur(cents), 'it-IT');
const shopPrice = (costCents: number, shippingCents: number) =>
  euros(sellPriceFor({ price: eur(costCents), shipping: eur(shippingCents) }, 'it', 'it', DEFAULT_MARGIN_RULES)!.sellGrossCents);

test('a pushed price makes the page open fresh, without a marketplace call', async ({ page, baseURL }) => {
  const { product, info } = await seedStaleSimProduct('it');
  const control = simulatorControlUrl();
  await startSignals(control, new URL(baseURL!).origin, process.env['E2E_SIGNAL_SECRET']!, {
    intervalMs: 100,
    withPriceShare: 1,
    only: [{ market: 'it', sourceId: info.sourceId }],
  });
  try {
    const calls = await offerCallCount(control, 'it', info.sourceId);
    const first = info.priceCents + 321;
    await patchSimProduct(control, 'it', info.sourceId, { priceCents: first });

    // The signal lands before the shopper arrives (read from the database, not by opening the page,
    // which would ask the marketplace for a price still stale).
    await expect(async () => {
      const stored = await withE2eRuntime((rt) => findProduct(rt, product._id));
      expect(stored?.offers.it?.price.amountCents).toBe(first);
    }).toPass({ timeout: 10_000 });
    // The shopper opens it: the server renders the new price, marked fresh.
    const po = new ProductPagePo(page);
    await po.open(productPath('it', product));
    await expect(po.price()).toHaveText(shopPrice(first, info.shippingCents));
    await expect(po.price()).toHaveAttribute('data-state', 'fresh');
    await expect(po.price()).toHaveAttribute('data-updated', 'server');

    // Nobody asked the marketplace: the price came pushed.
    expect(await offerCallCount(control, 'it', info.sourceId)).toBe(calls);
  } finally {
    await fetch(`${control}/signals`, { method: 'DELETE' });
  }
});
