// Cart and checkout as a shopper does them in chromium: a search and a filter, two products added from the listing,
// a quantity changed, an invalid postal code refused next to its field, the order placed with a
// double click (one order in the database), its confirmation and its status looked up; and the
// same path without JavaScript, filled in with the keyboard alone.
import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';
import { eur, formatMoney } from '../src/common/money';
import { newId } from '../src/common/ids';
import { unitCents } from '../src/server/checkout/checkout.fixture';
import { ordersOf, rescrapeAt, seedProductsForSale } from './fixtures/checkout-seed';
import { CartPagePo, CheckoutPagePo, OrderPagePo, type Contact } from './fixtures/checkout.po';
import { gotoHydrated, waitForHydration } from './fixtures/hydrated';
import { seedShopProducts } from './fixtures/storefront-seed';
import { StorefrontPo } from './fixtures/storefront.po';
import { productPath } from './fixtures/live-price-seed';

const euros = (cents: number) => formatMoney(eur(cents), 'it-IT');

function contact(): Contact {
  return {
    email: `Giulia.Bianchi.${newId(6)}@Example.IT`,
    name: 'Giulia Bianchi',
    phone: '+39 333 765 4321',
    line1: 'Via Garibaldi 12',
    postalCode: '00184',
    city: 'Roma',
  };
}

async function addFromProductPage(page: Page, path: string): Promise<void> {
  await gotoHydrated(page, path);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('added-to-cart')).toBeVisible();
}

/** From the listing to the product page, then into the cart. */
async function addFromListing(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL('**/it/p/**');
  await waitForHydration(page);
  await page.getByTestId('add-to-cart').click();
  await expect(page.getByTestId('added-to-cart')).toBeVisible();
  await page.goBack();
}

test('search, filter, add two products, change a quantity, fix the postal code, place the order with a double click, look it up', async ({
  page,
}) => {
  // The longest journey of the suite: a dozen page loads on a machine the whole stack shares.
  test.slow();
  const word = `e2e${newId(6)}`;
  const [moka, kettle] = await seedShopProducts('home-kitchen', [
    { title: `Moka ${word}`, brand: 'Bialetti', sourceCents: 2490 },
    { title: `Bollitore ${word}`, brand: 'Bialetti', sourceCents: 3999 },
    { title: `Teiera ${word}`, brand: 'Nordvik', sourceCents: 1999 },
  ]);
  const [mokaCents, kettleCents] = [unitCents(moka!, 'it'), unitCents(kettle!, 'it')];
  const shop = new StorefrontPo(page);
  await shop.open('/it');
  await shop.search(word);
  await expect(shop.cards()).toHaveCount(3);
  await page.getByLabel('Marca').selectOption('Bialetti');
  await Promise.all([page.waitForURL(/brand=Bialetti/), page.getByLabel('Prezzo da (€)').press('Enter')]);
  await expect(shop.cardTitles()).toHaveText([moka!.title, kettle!.title]);
  // The header counts the items: none yet, then each addition at once, without a page load.
  await expect(page.getByTestId('cart-count')).toHaveCount(0);
  await addFromListing(page, moka!.title);
  await expect(page.getByTestId('cart-count')).toHaveText('1');
  await addFromListing(page, kettle!.title);
  await expect(page.getByTestId('cart-count')).toHaveText('2');

  await gotoHydrated(page, '/it/cart');
  const cart = new CartPagePo(page);
  await expect(cart.lines()).toHaveCount(2);
  await cart.setQuantity(moka!._id, 3);
  await expect(cart.line(moka!._id).getByTestId('line-total')).toHaveText(euros(3 * mokaCents));
  await expect(cart.total()).toHaveText(euros(3 * mokaCents + kettleCents));
  await expect(page.getByTestId('cart-count')).toHaveText('4');
  await page.reload();
  await expect(cart.total()).toHaveText(euros(3 * mokaCents + kettleCents));
  await expect(page.getByTestId('cart-link')).toHaveAttribute('aria-label', 'Carrello, 4 articoli');

  await cart.toCheckout().click();
  await page.waitForURL('**/it/checkout');
  await waitForHydration(page);
  const checkout = new CheckoutPagePo(page);
  const shopper = contact();
  await checkout.fill({ ...shopper, postalCode: '0018' });
  await checkout.placeOrder().click();
  await expect(checkout.error('postalCode')).toHaveText('Il CAP deve essere di 5 cifre, per esempio 00184.');
  await expect(checkout.field('postalCode')).toHaveAttribute('aria-invalid', 'true');
  await expect(checkout.field('postalCode')).toBeFocused();
  // What the shopper typed is still there; only the wrong field is marked.
  await expect(checkout.field('email')).toHaveValue(shopper.email);
  await expect(checkout.error('email')).toHaveCount(0);

  await checkout.field('postalCode').fill('00184');
  const sentForm = await checkout.formFields();
  await checkout.placeOrder().dblclick();
  await page.waitForURL('**/it/checkout/confirmation');
  const order = new OrderPagePo(page);
  await expect(order.number()).toHaveText(/^DS-[0-9A-F]{10}$/);
  const number = (await order.number().textContent())!.trim();

  // Chromium often sends a double click's second submit not at all: the same form posted twice
  // more, at once, is what a retrying browser or proxy does to the server.
  const resent = await Promise.all([1, 2].map(() => page.request.post('/api/checkout/it', { form: sentForm, maxRedirects: 0 })));
  expect(resent.map((r) => [r.status(), r.headers()['location']])).toEqual([
    [303, '/it/checkout/confirmation'],
    [303, '/it/checkout/confirmation'],
  ]);
  const orders = await ordersOf(shopper.email);
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ number, status: 'awaiting_payment', total: { amountCents: 3 * mokaCents + kettleCents } });
  expect(orders[0]!.lines.map((l) => [l.productId, l.quantity, l.total.amountCents])).toEqual([
    [moka!._id, 3, 3 * mokaCents],
    [kettle!._id, 1, kettleCents],
  ]);
  await expect(page.getByTestId('payment-instructions')).toContainText(number);
  // The account to pay to, from the BANK_* settings (the demo defaults here), with the order number as the reference.
  const account = page.getByTestId('bank-account');
  await expect(account.getByRole('heading')).toHaveText('Coordinate per il bonifico');
  await expect(account.getByTestId('pay-beneficiary')).toHaveText('DigitalSales S.r.l.');
  await expect(account.getByTestId('pay-iban')).toHaveText('IT60 X054 2811 1010 0000 0123 456');
  await expect(account.getByTestId('pay-bic')).toHaveText('BPMOIT22XXX');
  await expect(account.getByTestId('pay-reference')).toHaveText(number);
  await expect(account.getByTestId('pay-amount')).toHaveText(euros(3 * mokaCents + kettleCents));
  await expect(account).toContainText('Causale');

  await page.getByTestId('track-order').click();
  await page.waitForURL('**/it/order-status**');
  await order.lookUp(number, 'someone-else@example.com');
  await expect(page.getByTestId('status-not-found')).toBeVisible();
  await order.lookUp(number, shopper.email.toUpperCase());
  await expect(order.status()).toHaveText('In attesa di pagamento');
  await expect(order.timeline()).toHaveCount(1);
  await expect(order.timeline().first()).toContainText('In attesa di pagamento');
});

test('without JavaScript and with the keyboard alone: add to cart, check out, see the confirmation', async ({ browser }) => {
  const [seed] = await seedProductsForSale('it', [1250]);
  const product = seed!.product;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(productPath('it', product));
  await page.getByTestId('add-quantity').selectOption('2');
  await page.getByTestId('add-to-cart').click();
  await page.waitForURL('**/it/cart?added=*');
  await expect(new CartPagePo(page).total()).toHaveText(euros(2 * unitCents(product, 'it')));

  await page.goto('/it/checkout');
  const shopper = contact();
  await page.getByTestId('field-email').focus();
  for (const value of [shopper.email, shopper.name, shopper.phone, shopper.line1, '', shopper.postalCode, shopper.city]) {
    if (value) await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  // From the city: the payment choice (bank transfer, checked), then cash on delivery by arrow key.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('place-order')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/it/checkout/confirmation');
  await expect(page.getByTestId('order-status')).toHaveText('Confermato');
  await expect(page.getByTestId('bank-account')).toHaveCount(0);
  const orders = await ordersOf(shopper.email);
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({
    status: 'confirmed',
    paymentMethod: 'cash_on_delivery',
    total: { amountCents: 2 * unitCents(product, 'it') },
    shippingAddress: { country: 'IT', postalCode: '00184' },
  });
  await context.close();
});

test('a price changed since the product was added is shown old and new, and the order waits for the shopper to accept it', async ({
  page,
}) => {
  const [seed] = await seedProductsForSale('fr', [1990]);
  const product = seed!.product;
  await addFromProductPage(page, productPath('fr', product));
  const [before, after] = [unitCents(product, 'fr'), unitCents((await rescrapeAt(seed!, 2190)).product, 'fr')];

  await gotoHydrated(page, '/fr/checkout');
  const money = (cents: number) => formatMoney(eur(cents), 'fr-FR');
  await expect(page.getByTestId('price-change')).toHaveText(`${product.title} : avant ${money(before)}, maintenant ${money(after)}`);
  const checkout = new CheckoutPagePo(page);
  const shopper = { ...contact(), postalCode: '75008', city: 'Paris' };
  await checkout.fill(shopper);
  await checkout.placeOrder().click();
  await expect(checkout.error('acceptedPrices')).toHaveText('Confirmez les nouveaux prix pour continuer.');
  expect(await ordersOf(shopper.email)).toHaveLength(0);

  await checkout.fill(shopper);
  await page.getByTestId('accept-prices').check();
  await checkout.placeOrder().click();
  await page.waitForURL('**/fr/checkout/confirmation');
  const [order] = await ordersOf(shopper.email);
  expect(order).toMatchObject({ total: { amountCents: after }, shippingAddress: { country: 'FR', postalCode: '75008' } });
});
