// A day's work in the back office, as an agent in Rome does it: times in their own zone, named;
// each form's answer beside the form; the order's margin per line by the margin engine; a price
// chart whose labels all fit; and every page passing an automated accessibility check (axe-core)
// with no serious violation, focus visible wherever the keyboard goes.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';
import { seedAgent, seedShopperOrder } from './fixtures/backoffice-seed';
import { BackofficeLoginPo, BackofficeOrderPo } from './fixtures/backoffice.po';
import { gotoHydrated } from './fixtures/hydrated';

test.use({ timezoneId: 'Europe/Rome' });

/** `€1,234.56` or `-€0.50` → cents. */
const cents = (text: string) => {
  const match = /(-|−)?€([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in "${text}"`);
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]));
};

test("times are in the agent's zone, named, from the first page the server renders after the browser's", async ({ page }) => {
  const agent = await seedAgent('agent');
  const { order } = await seedShopperOrder();
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const detail = new BackofficeOrderPo(page);
  await detail.open(order._id);

  await expect(page.getByTestId('time-zone')).toHaveText('Times in Europe/Rome');
  const rome = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const placed = rome.format(order.createdAt);
  await expect(page.getByText(/placed \d{4}-\d{2}-\d{2} \d{2}:\d{2} CES?T/)).toContainText(placed);
  await expect(detail.timeline().first()).toContainText(/\d{2}:\d{2}:\d{2} CES?T/);

  // The browser left its zone in a cookie: the server's own HTML is now in Rome's time too.
  const html = await (await page.request.get(`/backoffice/orders/${order._id}`)).text();
  expect(html).toContain('Times in Europe/Rome');
  expect(html).toMatch(new RegExp(`placed \\d{4}-\\d{2}-\\d{2} ${placed} CES?T`));
});

test("each form answers beside itself, and the order's margin follows the margin engine per line", async ({ page }) => {
  const agent = await seedAgent('agent');
  const { order } = await seedShopperOrder({ listing: { title: 'Espresso cups, set of 6' }, quantity: 2 });
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const detail = new BackofficeOrderPo(page);
  await detail.open(order._id);

  const line = page.getByTestId('order-line');
  await expect(line).toHaveCount(1);
  // VAT, cost delivered, fees, margin and its share: the opportunities page's columns, for this line.
  for (const cell of await line.locator('td').all()) await expect(cell).not.toHaveText('');
  const lineMargin = cents(await line.getByTestId('line-margin').innerText());
  await expect(page.getByTestId('order-margin')).toHaveText(new RegExp(`€${(Math.abs(lineMargin) / 100).toFixed(2)}`));

  // A note refused for being empty says so beside the note form, not at the bottom of the page.
  const noteForm = page.locator('section[aria-labelledby="note-h"]');
  await noteForm.getByLabel('Note (agents only)').fill('   ');
  await noteForm.getByRole('button', { name: 'Review note' }).click();
  await expect(noteForm.getByTestId('action-error')).toHaveText('Note: write something first.');

  // A refund: confirmed and answered in the refund form's own panel; the margin loses the refund net of VAT (22 % in Italy).
  const refundForm = page.locator('section[aria-labelledby="refund-h"]');
  await detail.refund('12.20', 'one cup chipped');
  await expect(refundForm.getByTestId('action-result')).toHaveText('Refund recorded.');
  await expect(noteForm.getByTestId('action-error')).toHaveCount(0);
  await expect(page.getByTestId('order-margin')).toContainText(`€${((lineMargin - 1000) / 100).toFixed(2)}`.replace('€-', '-€'));
});

test('the price chart keeps every label inside its drawing', async ({ page }) => {
  const agent = await seedAgent('agent');
  const { product } = await seedShopperOrder({ listing: { priceCents: 1_249_900 } });
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  await gotoHydrated(page, `/backoffice/products/${product._id}`);
  const chart = page.locator('figure[data-testid^="chart-"] svg').first();
  await expect(chart).toBeVisible();
  // Drawn boxes, rotation included (the value axis's title stands on its side).
  const outside = await chart.evaluate((svg: SVGSVGElement) => {
    const frame = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text'))
      .map((t) => ({ text: t.textContent?.trim(), box: t.getBoundingClientRect() }))
      .filter(
        ({ box }) => box.left < frame.left - 1 || box.top < frame.top - 1 || box.right > frame.right + 1 || box.bottom > frame.bottom + 1,
      )
      .map(({ text }) => text);
  });
  expect(outside).toEqual([]);
  await expect(page.locator('figure[data-testid^="chart-"]').first()).toContainText('Date (Europe/Rome)');
});

/** axe-core's findings at `serious` or `critical` on WCAG 2.1 A and AA, as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every back-office page passes axe-core with no serious violation, and focus shows where the keyboard is', async ({ page }) => {
  const admin = await seedAgent('admin');
  const { order, product, form } = await seedShopperOrder();
  await gotoHydrated(page, '/backoffice/login');
  expect(await seriousViolations(page), '/backoffice/login').toEqual([]);
  await new BackofficeLoginPo(page).signIn(admin.email, admin.password);

  const customerId = await (async () => {
    await gotoHydrated(page, `/backoffice/customers?q=${encodeURIComponent(form['email']!)}`);
    const href = await page.locator('a[href^="/backoffice/customers/"]').first().getAttribute('href');
    return href!.split('/').pop()!;
  })();
  const found: string[] = [];
  for (const path of [
    '/backoffice',
    `/backoffice?q=${encodeURIComponent(form['email']!)}`,
    `/backoffice/orders/${order._id}`,
    '/backoffice/customers',
    `/backoffice/customers/${customerId}`,
    '/backoffice/products',
    `/backoffice/products/${product._id}`,
    `/backoffice/audit?orderNumber=${order.number}`,
    '/backoffice/matches',
    '/backoffice/opportunities',
    '/backoffice/operations',
    '/backoffice/agents',
  ]) {
    await gotoHydrated(page, path);
    found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
  }
  expect(found).toEqual([]);

  // Every field of the order page has a name a screen reader reads; the keyboard's place is drawn.
  await gotoHydrated(page, `/backoffice/orders/${order._id}`);
  const unnamed = await page
    .locator('input:not([type=hidden]), select, textarea')
    .evaluateAll((fields) =>
      fields.filter((f) => !(f as HTMLInputElement).labels?.length && !f.getAttribute('aria-label')).map((f) => f.outerHTML),
    );
  expect(unnamed).toEqual([]);
  await page.getByLabel(/^Amount in EUR/).focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
  });
  expect(ring).toEqual({ tag: 'INPUT', outline: 'solid', width: '2px' });
});
