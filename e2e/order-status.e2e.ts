// The shopper's order-status lookup as issue 15 probed it: a POST form (the e-mail in no URL),
// never cached, and guessed lookups answered 429 in the shopper's language.
import { expect, test } from '@playwright/test';
import { newId } from '../src/common/ids';
import { seedShopperOrder } from './fixtures/backoffice-seed';
import { OrderPagePo } from './fixtures/checkout.po';
import { gotoHydrated } from './fixtures/hydrated';

test('the lookup posts its form: the order shows, and stays on reload, with the e-mail in no URL', async ({ page }) => {
  const { order: placed } = await seedShopperOrder();
  const urls: string[] = [];
  page.on('request', (req) => urls.push(req.url()));
  const order = new OrderPagePo(page);
  await gotoHydrated(page, '/it/order-status');
  await order.lookUp(placed.number, placed.email);
  await expect(order.status()).toHaveText('Pagato');
  await page.reload();
  await expect(order.status()).toHaveText('Pagato');
  expect(page.url()).toMatch(/\/it\/order-status$/);
  expect(urls.filter((u) => u.includes(encodeURIComponent(placed.email)) || u.includes(placed.email))).toEqual([]);
  expect(urls).toContain(new URL('/api/order-status/it', page.url()).href);
});

test("the page is never cached, and guessing one order's e-mail is stopped with a 429 in the shop's language", async ({ request }) => {
  const { order } = await seedShopperOrder({ listing: { market: 'fr' } });
  const number = order.number;
  const page = await request.get('/fr/order-status');
  expect(page.headers()['cache-control']).toBe('no-store');

  const statuses: number[] = [];
  let last = '';
  for (let i = 0; i < 12; i++) {
    const answer = await request.post('/api/order-status/fr', { form: { number, email: `guess-${newId(4)}@example.fr` } });
    statuses.push(answer.status());
    last = await answer.text();
  }
  // Post, redirect, get: each guess lands on the page, "not found" until the limit (10 per order), then 429.
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
  expect(statuses.slice(10)).toEqual([429, 429]);
  expect(last).toContain('Trop de recherches en peu de temps. Réessayez dans');
});
