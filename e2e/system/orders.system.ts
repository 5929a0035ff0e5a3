// Two shoppers buy what the scrapers listed, one paying by bank transfer in Italy, one cash on
// delivery in Germany; an agent marks the transfer received; the purchaser buys both at the
// simulated marketplaces; the simulated carriers ship and deliver them (the simulator's clock
// moved through its control API); each shopper follows every step on the order status page; the
// agent finds the orders by number and by e-mail, refunds part of one, and the audit log shows it.
// One journey in steps that share the shoppers' and the agent's browsers.
import { expect, test } from '../fixtures/test';
import type { Browser, Page } from '@playwright/test';
import { DEFAULT_SETTINGS } from '../../infra/marketplace-simulator/simulator-settings';
import type { OrderStatus } from '../../src/server/orders';
import type { MarketCode } from '../../src/common/markets';
import { BackofficeAuditPo, BackofficeLoginPo, BackofficeOrderPo, BackofficeOrdersPo } from '../fixtures/backoffice.po';
import { CheckoutPagePo, OrderPagePo, type Contact } from '../fixtures/checkout.po';
import { gotoHydrated, waitForHydration } from '../fixtures/hydrated';
import { listedProducts, screenshot, simulator, system, wordsOf } from './system';
import { ORDER_STATUS_WORDS } from '../../src/app/backoffice/order-status-words';

test.describe.configure({ mode: 'serial' });

interface Shopper {
  readonly market: MarketCode;
  readonly payment: 'bank_transfer' | 'cash_on_delivery';
  /** As a shopper types it: mixed case, spaces in the phone number. */
  readonly contact: Contact;
  page?: Page;
  number?: string;
}

const stamp = Date.now().toString(36);
/** Seven digits of this run's own, so that a search by phone finds this run's order alone. */
const line = String(Date.now() % 10_000_000).padStart(7, '1');
const shoppers: Record<'transfer' | 'cod', Shopper> = {
  transfer: {
    market: 'it',
    payment: 'bank_transfer',
    contact: {
      email: `Giulia.Bianchi+${stamp}@Example.com`,
      name: 'Giulia Bianchi',
      phone: '+39 333 765 4321',
      line1: 'Via Garibaldi 12',
      postalCode: '00184',
      city: 'Roma',
    },
  },
  cod: {
    market: 'de',
    payment: 'cash_on_delivery',
    contact: {
      email: `Jonas.Weber+${stamp}@Example.de`,
      name: 'Jonas Weber',
      // As a German shopper types it, without the country code.
      phone: `0171 ${line.slice(0, 3)} ${line.slice(3)}`,
      line1: 'Bergmannstraße 5',
      postalCode: '10961',
      city: 'Berlin',
    },
  },
};

let agent: Page;
/** How often a page is reloaded while the platform's workers move an order on. */
const RELOAD_EVERY_MS = [1000, 2000];
const WORKERS_TIMEOUT_MS = 60_000;

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.afterAll(async () => {
  for (const page of [agent, shoppers.transfer.page, shoppers.cod.page]) await page?.context().close();
});

/** From the listing to the first product that can be bought, into the cart. */
async function addFirstAvailable(page: Page, market: MarketCode): Promise<void> {
  const words = wordsOf(market).cart;
  for (const { href } of await listedProducts(page, market)) {
    const response = await gotoHydrated(page, href);
    expect(response?.status(), `GET ${href}`).toBe(200);
    const add = page.getByRole('button', { name: words.addToCart });
    if ((await add.count()) === 0 || !(await add.isEnabled())) continue;
    await add.click();
    await expect(page.getByText(words.added)).toBeVisible();
    return;
  }
  throw new Error(`no product of the /${market} listing can be added to the cart`);
}

/** Cart, checkout, and the confirmation: the order's number, and how to pay its total. */
async function checkOut(shopper: Shopper): Promise<void> {
  const { page, market } = shopper;
  const words = wordsOf(market).cart;
  await addFirstAvailable(page!, market);
  await page!.getByRole('link', { name: words.viewCart }).click();
  await page!.getByRole('link', { name: words.toCheckout }).click();
  await page!.waitForURL(`**/${market}/checkout`);
  await waitForHydration(page!);
  await new CheckoutPagePo(page!).fill(shopper.contact);
  await page!.getByRole('radio', { name: shopper.payment === 'bank_transfer' ? words.bankTransfer : words.cashOnDelivery }).check();
  // A price that moved at the marketplace since the product went into the cart is shown; the shopper accepts it.
  const accept = page!.getByRole('checkbox', { name: words.acceptPrices });
  if (await accept.isVisible()) await accept.check();
  await page!.getByRole('button', { name: words.placeOrder }).click();
  await page!.waitForURL(`**/${market}/checkout/confirmation`);
  await expect(page!.getByText(words.thanks)).toBeVisible();
  const order = new OrderPagePo(page!);
  shopper.number = (await order.number().innerText()).trim();
  expect(shopper.number).toMatch(/^DS-/);
  const total = (await page!.getByTestId('order-total').innerText()).trim();
  const instructions = shopper.payment === 'bank_transfer' ? words.payByTransfer(total, shopper.number) : words.payOnDelivery(total);
  await expect(page!.getByText(instructions)).toBeVisible();
}

/** The shopper's order status page, looked up by number and e-mail as the confirmation links it. */
async function lookUp(shopper: Shopper): Promise<OrderPagePo> {
  const order = new OrderPagePo(shopper.page!);
  await gotoHydrated(shopper.page!, `/${shopper.market}/order-status`);
  await order.lookUp(shopper.number!, shopper.contact.email);
  return order;
}

/** The shopper reloads the status page until it shows `status`. */
async function shopperSees(shopper: Shopper, status: OrderStatus): Promise<void> {
  const words = wordsOf(shopper.market).cart;
  const order = await lookUp(shopper);
  await expect(async () => {
    await shopper.page!.reload();
    await expect(order.status()).toHaveText(words.statuses[status], { timeout: 1000 });
  }).toPass({ intervals: RELOAD_EVERY_MS, timeout: WORKERS_TIMEOUT_MS });
}

/** The agent opens the order found by `search` (its number or the shopper's e-mail). */
async function agentOpens(shopper: Shopper, search: string): Promise<BackofficeOrderPo> {
  const orders = new BackofficeOrdersPo(agent);
  await gotoHydrated(agent, '/backoffice');
  await orders.search(search);
  await expect(orders.rows()).toHaveCount(1);
  await orders.open(shopper.number!);
  return new BackofficeOrderPo(agent);
}

/** The agent reloads the order until the platform's workers have moved it to `status`. */
async function agentSees(detail: BackofficeOrderPo, status: OrderStatus): Promise<void> {
  await expect(async () => {
    await agent.reload();
    await expect(detail.status()).toHaveText(ORDER_STATUS_WORDS[status].words, { timeout: 1000 });
  }).toPass({ intervals: RELOAD_EVERY_MS, timeout: WORKERS_TIMEOUT_MS });
}

test('a shopper in Italy orders what the scrapers listed and pays by bank transfer', async ({ browser }) => {
  const shopper = shoppers.transfer;
  shopper.page = await newPage(browser);
  await checkOut(shopper);
  await shopperSees(shopper, 'awaiting_payment');
});

test('a shopper in Germany orders what the scrapers listed and pays cash on delivery', async ({ browser }) => {
  const shopper = shoppers.cod;
  shopper.page = await newPage(browser);
  await checkOut(shopper);
});

test('an agent marks the transfer received; the purchaser buys both orders at the marketplaces', async ({ browser }) => {
  agent = await newPage(browser);
  await new BackofficeLoginPo(agent).signIn(system.admin().email, system.admin().password);
  const transfer = await agentOpens(shoppers.transfer, shoppers.transfer.number!);
  await transfer.act('Mark paid', 'transfer received');
  await expect(transfer.status()).toHaveText(ORDER_STATUS_WORDS.paid.words);
  await agentSees(transfer, 'purchased');
  const cod = await agentOpens(shoppers.cod, shoppers.cod.number!);
  await agentSees(cod, 'purchased');
  for (const shopper of Object.values(shoppers)) await shopperSees(shopper, 'purchased');
});

test('the marketplaces ship and deliver; each shopper sees every step', async () => {
  const { shippedAfterMs, deliveredAfterMs } = DEFAULT_SETTINGS.orders;
  await simulator.advanceClock(shippedAfterMs + 1000);
  for (const shopper of Object.values(shoppers)) await shopperSees(shopper, 'shipped');
  await simulator.advanceClock(deliveredAfterMs - shippedAfterMs);
  for (const shopper of Object.values(shoppers)) await shopperSees(shopper, 'delivered');

  const steps: Record<Shopper['payment'], OrderStatus[]> = {
    bank_transfer: ['awaiting_payment', 'paid', 'purchasing', 'purchased', 'shipped', 'delivered'],
    cash_on_delivery: ['confirmed', 'purchasing', 'purchased', 'shipped', 'delivered'],
  };
  for (const shopper of Object.values(shoppers)) {
    const words = wordsOf(shopper.market).cart;
    await expect(new OrderPagePo(shopper.page!).timeline()).toHaveText(
      steps[shopper.payment].map((s) => new RegExp(`^\\s*${words.statuses[s]}`)),
    );
  }
});

test('an agent finds the orders by number, by e-mail and by phone however typed, refunds part of one, and the audit log shows it', async () => {
  const byEmail = await agentOpens(shoppers.cod, shoppers.cod.contact.email.toLowerCase());
  await expect(byEmail.status()).toHaveText(ORDER_STATUS_WORDS.delivered.words);
  // The shopper typed a German number without its country code; the agent types it in full.
  const byPhone = await agentOpens(shoppers.cod, `+49 171 ${line}`);
  await expect(byPhone.status()).toHaveText(ORDER_STATUS_WORDS.delivered.words);
  const detail = await agentOpens(shoppers.transfer, shoppers.transfer.contact.email);
  await detail.refund('5.00', 'box arrived dented');
  await expect(detail.result()).toHaveText('Refund recorded.');
  await expect(detail.refunded()).toHaveText('€5.00');
  await agent.evaluate(() => window.scrollTo(0, 0));
  await screenshot(agent, 'backoffice');

  // From the order to its audit entries, by the link on its page.
  await detail.auditLink().click();
  const audit = new BackofficeAuditPo(agent);
  const entry = audit.row('Part of the order refunded');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTitle(system.admin().email)).toBeVisible();
  await expect(entry.getByTestId('audit-changes')).toContainText('€0.00 → €5.00');
  await expect(entry).toContainText('box arrived dented');

  const shopper = shoppers.transfer;
  await lookUp(shopper);
  await expect(new OrderPagePo(shopper.page!).timeline().last()).toHaveText(
    new RegExp(`^\\s*${wordsOf(shopper.market).cart.partialRefund}`),
  );
});
