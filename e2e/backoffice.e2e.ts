// The back office end to end, per issue 8's acceptance: sign-in, search by e-mail, a partial
// refund seen in the timeline and the audit log, the supervisor limit, redirects and 401s when
// signed out, CSRF refusal, and a hostile product title shown as text.
import { expect, test } from './fixtures/test';
import type { APIRequestContext } from '@playwright/test';
import { BACKOFFICE_ACCESS } from '../src/server/backoffice';
import { appRouter } from '../src/server/trpc/routers/_app';
import { gotoHydrated, openBeforeHydration } from './fixtures/hydrated';
import { E2E_PASSWORD, seedAgent, seedShopperOrder } from './fixtures/backoffice-seed';
import { BackofficeAuditPo, BackofficeLoginPo, BackofficeOrderPo, BackofficeOrdersPo } from './fixtures/backoffice.po';

/** The router's own answer to which procedures are mutations (sent as POST), so no list goes stale. */
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
const isMutation = (path: string) => procedures[path]?._def.type === 'mutation';

function callProcedure(request: APIRequestContext, path: string, input: unknown, headers: Record<string, string> = {}) {
  const origin = new URL(process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1').origin;
  return isMutation(path)
    ? request.post(`/api/trpc/${path}`, { data: input ?? {}, headers: { origin, ...headers } })
    : request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input ?? {}))}`, { headers });
}

test('an agent finds an order by e-mail, refunds part of it, and sees it in the timeline and the audit log', async ({ page }) => {
  const agent = await seedAgent('agent');
  const { order, form } = await seedShopperOrder({ listing: { title: 'Moka pot 6 cups' } });

  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const list = new BackofficeOrdersPo(page);
  // The e-mail as the shopper typed it at checkout, capitals and all.
  await list.search(form['email']!);
  await expect(list.rows()).toHaveCount(1);
  await list.open(order.number);

  const detail = new BackofficeOrderPo(page);
  await detail.refund('12.50', 'lid arrived scratched');
  await expect(detail.result()).toHaveText('Refund recorded.');
  await expect(detail.refunded()).toHaveText('€12.50');
  // The form is emptied: one more click cannot refund the same amount again.
  await expect(page.getByLabel(/^Amount in EUR/)).toHaveValue('');
  await expect(detail.timeline().first()).toContainText('Partial refund of €12.50: lid arrived scratched');
  // Server-rendered again from MongoDB: the refund is stored, not only shown.
  await page.reload();
  await expect(detail.timeline().first()).toContainText('Partial refund of €12.50');

  // The order page links to its entries, found by the number an agent has in hand.
  await detail.auditLink().click();
  await expect(page).toHaveURL(/\/backoffice\/audit\?orderNumber=/);
  const audit = new BackofficeAuditPo(page);
  const refund = audit.row('Part of the order refunded');
  await expect(refund).toHaveCount(1);
  // Named, e-mail on hover; the record by its number, linked; the change field by field, in words.
  await expect(refund.getByTestId('audit-actor')).toHaveText(agent.name);
  await expect(refund.getByTitle(agent.email)).toBeVisible();
  await expect(refund.getByTestId('audit-entity')).toHaveText(`Order ${order.number}`);
  await expect(refund.getByTestId('audit-changes')).toContainText('Refunded');
  await expect(refund.getByTestId('audit-changes')).toContainText('€0.00 → €12.50');
  await expect(refund.getByTestId('audit-changes')).toContainText('Refunds');
  await expect(refund).toContainText('lid arrived scratched');
  await expect(refund).not.toContainText('{');

  // The shopper's e-mail finds the same entry (their orders' entries with their own); the filters
  // narrow by agent and by action, in words.
  await audit.open();
  await audit.filter({ 'Customer e-mail': form['email']!, 'Agent e-mail': agent.email, Action: 'Part of the order refunded' });
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.row('Part of the order refunded')).toContainText('lid arrived scratched');
  await audit.filter({ 'Order number': 'DS-NO-SUCH-ORDER' });
  await expect(audit.rows()).toHaveCount(0);
  await audit.open({ orderNumber: order.number });
  await audit.row('Part of the order refunded').getByTestId('audit-entity').click();
  await expect(page).toHaveURL(new RegExp(`/backoffice/orders/${order._id}$`));
});

test('what an agent types before the page hydrates is kept', async ({ page }) => {
  const agent = await seedAgent('agent');
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const hydrate = await openBeforeHydration(page, '/backoffice');
  await page.getByLabel(/^Search/).fill('someone@example.com');
  await page.getByLabel('Status').selectOption('paid');
  await page.getByLabel('Needs attention only').check();
  await hydrate();
  await expect(page.getByLabel(/^Search/)).toHaveValue('someone@example.com');
  await expect(page.getByLabel('Status')).toHaveValue('paid');
  await expect(page.getByLabel('Needs attention only')).toBeChecked();
});

test('a form the page sends with scripts cannot be submitted before hydration; what was typed stays', async ({ page }) => {
  const agent = await seedAgent('agent');
  const { order } = await seedShopperOrder();
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const hydrate = await openBeforeHydration(page, `/backoffice/orders/${order._id}`);
  const review = page.getByRole('button', { name: 'Review refund' });
  await expect(review).toBeDisabled();
  await page.getByLabel(/^Amount in EUR/).fill('12.50');
  await page.getByLabel('Reason', { exact: true }).fill('lid arrived scratched');
  await page.getByLabel(/^Amount in EUR/).press('Enter');
  await hydrate();
  // Had Enter sent the form, the page would have reloaded with the fields in its URL, empty.
  await expect(page).toHaveURL(new RegExp(`/backoffice/orders/${order._id}$`));
  await expect(review).toBeEnabled();
  await expect(page.getByLabel(/^Amount in EUR/)).toHaveValue('12.50');
});

test('an agent is refused a refund above the limit; a supervisor issues it', async ({ browser }) => {
  const [agent, supervisor] = await Promise.all([seedAgent('agent'), seedAgent('supervisor')]);
  // A source price of €150: the order is well above the €80 refunded.
  const { order } = await seedShopperOrder({ listing: { priceCents: 15_000 } });

  const agentPage = await (await browser.newContext()).newPage();
  await new BackofficeLoginPo(agentPage).signIn(agent.email, agent.password, `/backoffice/login?next=/backoffice/orders/${order._id}`);
  const asAgent = new BackofficeOrderPo(agentPage);
  await asAgent.refund('80', 'never delivered');
  await expect(asAgent.error()).toContainText('need a supervisor');
  await expect(asAgent.refunded()).toHaveText('€0.00');

  const supervisorPage = await (await browser.newContext()).newPage();
  await new BackofficeLoginPo(supervisorPage).signIn(
    supervisor.email,
    supervisor.password,
    `/backoffice/login?next=/backoffice/orders/${order._id}`,
  );
  const asSupervisor = new BackofficeOrderPo(supervisorPage);
  await asSupervisor.refund('80', 'never delivered');
  await expect(asSupervisor.result()).toHaveText('Refund recorded.');
  await expect(asSupervisor.refunded()).toHaveText('€80.00');
});

test('signed out, every back-office page redirects to the sign-in and every procedure answers 401', async ({ request, page }) => {
  const { order } = await seedShopperOrder();
  const pages = [
    '/backoffice',
    `/backoffice?q=x`,
    `/backoffice/orders/${order._id}`,
    '/backoffice/audit',
    '/backoffice/customers',
    `/backoffice/customers/${order.customerId}`,
    '/backoffice/products',
    '/backoffice/products/p_unknown',
    '/backoffice/operations',
    '/backoffice/agents',
  ];
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect({ path, status: response.status() }).toEqual({ path, status: 302 });
    expect(response.headers()['location']).toBe(`/backoffice/login?next=${encodeURIComponent(path)}`);
  }
  await page.goto('/backoffice/audit');
  await expect(page).toHaveURL(/\/backoffice\/login\?next=/);
  await expect(page.getByRole('heading', { name: 'Back office sign-in' })).toBeVisible();

  for (const [path, minimum] of Object.entries(BACKOFFICE_ACCESS)) {
    if (minimum === 'public') continue;
    const response = await callProcedure(request, path, {});
    expect({ path, status: response.status() }).toEqual({ path, status: 401 });
  }
});

test('a mutation without its CSRF token is refused, with it accepted', async ({ page }) => {
  const agent = await seedAgent('agent');
  const { order } = await seedShopperOrder();
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'ds_bo_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  const note = { orderId: order._id, text: 'forged?' };
  const refused = await callProcedure(page.request, 'backoffice.orders.addNote', note);
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain('CSRF');

  const me = await (await callProcedure(page.request, 'backoffice.auth.me', undefined)).json();
  const accepted = await callProcedure(page.request, 'backoffice.orders.addNote', note, { 'x-csrf-token': me.result.data.csrfToken });
  expect(accepted.status()).toBe(200);
});

test('repeated wrong passwords lock the account with a clear message', async ({ page }) => {
  const agent = await seedAgent('agent');
  const login = new BackofficeLoginPo(page);
  await gotoHydrated(page, '/backoffice/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('E-mail').fill(agent.email);
    await page.getByLabel('Password').fill(`wrong password ${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(login.error()).toContainText(i < 4 ? 'Wrong e-mail or password.' : 'locked');
  }
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.error()).toContainText('locked for 15 minutes');
});

test('a product title with a script in it is shown as text', async ({ page }) => {
  const hostile = `<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">Kettle`;
  const agent = await seedAgent('agent');
  const { order } = await seedShopperOrder({ listing: { title: hostile } });
  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const detail = new BackofficeOrderPo(page);
  await detail.open(order._id);
  await expect(detail.lineTitles().first()).toHaveText(hostile);
  await detail.refund('1', `<b>bold</b> reason`);
  await expect(detail.timeline().first()).toContainText('<b>bold</b> reason');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-testid="line-title"] script, [data-testid="line-title"] img').count()).toBe(0);
});
