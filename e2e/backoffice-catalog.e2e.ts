// The back office's catalog end to end, against the simulator and the refresher started by the
// global setup: an agent finds a product by GTIN, sees its offers and price chart, overrides a
// price and stops selling, and the shopper's page follows; "refresh now" shows the live result;
// a hostile title stays text; operations and agents pages answer by role.
import { expect, test } from './fixtures/test';
import { ALL_QUEUES } from '../src/server/platform/queues';
import { patchSimProduct } from '../infra/marketplace-simulator/sim-products';
import { seedAgent } from './fixtures/backoffice-seed';
import { BackofficeLoginPo } from './fixtures/backoffice.po';
import { waitForHydration } from './fixtures/hydrated';
import { BackofficeProductPo, BackofficeSearchPo } from './fixtures/backoffice-catalog.po';
import { productPath, seedStaleSimProduct, simulatorControlUrl } from './fixtures/live-price-seed';
import { ProductPagePo } from './fixtures/product-page.po';

/** A datetime-local value a week ahead, in the browser's zone (the test's zone: same machine). */
function weekAheadLocal(): string {
  const at = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

test('a supervisor finds a product by GTIN, overrides its price and stops selling it; the shop page follows', async ({ page, browser }) => {
  const supervisor = await seedAgent('supervisor');
  const { product, info } = await seedStaleSimProduct('it');
  await new BackofficeLoginPo(page).signIn(supervisor.email, supervisor.password);

  const search = new BackofficeSearchPo(page);
  await search.search(info.gtin);
  await expect(search.productHits()).toHaveCount(1);
  await search.productHits().getByRole('link', { name: product.title }).click();

  const detail = new BackofficeProductPo(page);
  await expect(detail.title()).toHaveText(product.title);
  await waitForHydration(page);
  await expect(detail.offer('it')).toContainText(info.sourceId);
  await expect(detail.offer('it')).toContainText(`€${(info.priceCents / 100).toFixed(2)}`);
  await expect(detail.margin('it')).toContainText('VAT');
  await expect(detail.chart('it').locator('svg[role="img"] path')).toHaveCount(1);
  await expect(detail.chart('it').getByTestId('chart-summary')).toContainText('Source offer price in it');

  // At what the offer costs, the margin is under the floor: refused, saying so, until the agent accepts it.
  const atCost = (info.priceCents / 100).toFixed(2);
  await detail.override('it', atCost, weekAheadLocal(), 'match a competitor');
  await expect(detail.error()).toContainText('under the floor');
  await detail.override('it', atCost, weekAheadLocal(), 'match a competitor', { acceptBelowFloor: true });
  await expect(detail.result()).toHaveText('Override saved.');
  await expect(detail.selling('it')).toContainText(`€${atCost}`);

  const shopper = new ProductPagePo(await (await browser.newContext()).newPage());
  await shopper.open(productPath('it', product));
  await expect(shopper.price()).toContainText(new Intl.NumberFormat('it-IT', { minimumFractionDigits: 2 }).format(info.priceCents / 100));

  await detail.stopSelling('supplier recall');
  await expect(detail.result()).toHaveText('Selling stopped.');
  await expect(detail.salesStatus()).toContainText('Selling stopped');
  await shopper.open(productPath('it', product));
  await expect(shopper.notSold()).toHaveAttribute('data-reason', 'stopped');
  await expect(shopper.price()).toHaveCount(0);
});

test('"refresh now" shows the new price, then the reason a refresh failed, without a reload', async ({ page }) => {
  const agent = await seedAgent('agent');
  const { product, info } = await seedStaleSimProduct('fr');
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const detail = new BackofficeProductPo(page);
  await detail.open(product._id);

  const newPrice = info.priceCents + 250;
  await patchSimProduct(simulatorControlUrl(), 'fr', info.sourceId, { priceCents: newPrice });
  await detail.refreshNow();
  await expect(detail.refreshResult()).toHaveAttribute('data-kind', 'fresh');
  await expect(detail.refreshResult()).toContainText(`fr €${(newPrice / 100).toFixed(2)}`);
  await expect(detail.offer('fr')).toContainText(`€${(newPrice / 100).toFixed(2)}`);

  await patchSimProduct(simulatorControlUrl(), 'fr', info.sourceId, { faults: { routes: ['offer'], error: { status: 503 } } });
  await detail.refreshNow();
  await expect(detail.refreshResult()).toHaveAttribute('data-kind', 'stale');
  await expect(detail.refreshResult()).toContainText('Could not refresh (http-error)');
  await expect(detail.offer('fr')).toContainText(`€${(newPrice / 100).toFixed(2)}`);
});

test('a product title with a script in it is shown as text in the search results and on the product page', async ({ page }) => {
  const hostile = `<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">Grinder`;
  const agent = await seedAgent('agent');
  const { product, info } = await seedStaleSimProduct('de', { title: hostile });
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const search = new BackofficeSearchPo(page);
  await search.search(info.gtin);
  await expect(search.productHits().first().getByRole('link')).toHaveText(hostile);
  const detail = new BackofficeProductPo(page);
  await detail.open(product._id);
  await expect(detail.title()).toHaveText(hostile);
  await page.goto(`/backoffice/products?q=${info.gtin}`);
  await expect(page.getByTestId('product-row').first()).toContainText(hostile);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-testid="product-title"] script, [data-testid="product-row"] img').count()).toBe(0);
});

test('operations and agents pages answer by role; an admin creates an agent whose password is shown once', async ({
  page,
  browser,
  request,
}) => {
  const agent = await seedAgent('agent');
  const agentPage = await (await browser.newContext()).newPage();
  await new BackofficeLoginPo(agentPage).signIn(agent.email, agent.password);
  expect((await agentPage.goto('/backoffice/operations'))?.status()).toBe(403);
  expect((await agentPage.goto('/backoffice/agents'))?.status()).toBe(403);

  const admin = await seedAgent('admin');
  await new BackofficeLoginPo(page).signIn(admin.email, admin.password);
  await page.goto('/backoffice/operations');
  await expect(page.getByTestId('queue-row')).toHaveCount(ALL_QUEUES.length);
  await expect(page.getByTestId('refresh-latency')).toContainText(/p50 \d+ ms|No refresh/);

  await page.goto('/backoffice/agents');
  await waitForHydration(page);
  const email = `created-${Date.now()}@example.com`;
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Name').fill('Created in e2e');
  await page.getByRole('button', { name: 'Create agent' }).click();
  await expect(page.getByTestId('action-result')).toContainText(`Created agent ${email}`);
  const password = (await page.getByTestId('generated-password').locator('code').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(20);
  const signIn = await request.post('/api/trpc/backoffice.auth.login', {
    data: { email, password },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(signIn.status()).toBe(200);
});
