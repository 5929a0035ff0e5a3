import { expect, test } from './fixtures/test';
import { formatMoney } from '../src/common/money';
import { SHOP_TEXTS } from '../src/app/shop/shop-texts';
import { seedProduct } from './fixtures/catalog-seed';
import { seedAgent } from './fixtures/backoffice-seed';
import { BackofficeLoginPo } from './fixtures/backoffice.po';
import { HomePage } from './fixtures/home.po';

test('the server-rendered status page shows a product that is in MongoDB', async ({ page, request }) => {
  const product = await seedProduct(`Caffettiera ${Date.now()}`);

  // Without JavaScript: the HTML from the server already holds the product.
  const html = await (await request.get('/status')).text();
  expect(html).toContain(product.title);

  const home = new HomePage(page);
  await home.open();
  await expect(home.productCards().filter({ hasText: product.title })).toBeVisible();
  // The French price the French way (12,34 €): each market's price in its own locale.
  await expect(home.productCards().filter({ hasText: product.title })).toContainText(formatMoney(product.sellPrices.fr!.price, 'fr-FR'));
});

test('the public status page says only which part is up: no engine, address, port or process id', async ({ page, request }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(home.component('mongodb')).toHaveAttribute('data-up', 'true');
  await expect(home.component('redis')).toHaveAttribute('data-up', 'true');
  await expect(home.databaseEngine()).toHaveCount(0);
  await expect(home.serviceRows()).toHaveCount(0);
  for (const body of [await (await request.get('/status')).text(), await (await request.get('/api/trpc/system.status')).text()]) {
    expect(body).not.toMatch(/mongodb:\/\/|redis:\/\/|127\.0\.0\.1|SecantusDB|"pid"|\(pid /);
  }
});

test('a signed-in supervisor sees what each part is; an agent does not', async ({ browser }) => {
  for (const role of ['agent', 'supervisor'] as const) {
    const agent = await seedAgent(role);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
      const home = new HomePage(page);
      await home.open();
      await expect(home.component('mongodb')).toHaveAttribute('data-up', 'true');
      if (role === 'supervisor') await expect(home.databaseEngine()).toHaveText(/SecantusDB|MongoDB/);
      else await expect(home.databaseEngine()).toHaveCount(0);
    } finally {
      await context.close();
    }
  }
});

test('hydration reuses the data rendered on the server: no second tRPC request', async ({ page }) => {
  const trpcCalls: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes('/api/trpc')) trpcCalls.push(req.url());
  });
  const home = new HomePage(page);
  await home.open();
  await page.waitForLoadState('networkidle');
  await expect(home.component('mongodb')).toBeVisible();
  expect(trpcCalls).toEqual([]);
});

test('an unknown page answers 404 in the visitor’s language, with a way back to their shop', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  const page = await context.newPage();
  try {
    const response = await page.goto('/this-page-does-not-exist');
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SHOP_TEXTS.fr.notFoundTitle);
    await expect(page.getByTestId('not-found-home')).toHaveAttribute('href', '/fr');
  } finally {
    await context.close();
  }
});

test('health and readiness answer 200 when MongoDB and Redis are up', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
});

test('the production server refuses to start with a bad setting and names it', async () => {
  const { spawnSync } = await import('node:child_process');
  const { APP_ENTRY } = await import('../infra/local/platform');
  const result = spawnSync(process.execPath, [APP_ENTRY], {
    env: { PATH: process.env['PATH'], MONGO_URL: 'not-a-url', REDIS_URL: 'redis://127.0.0.1:6379', PORT: 'eighty' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.status).toBe(78);
  expect(result.stderr).toContain('MONGO_URL="not-a-url" is invalid');
  expect(result.stderr).toContain('PORT="eighty" is invalid');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
