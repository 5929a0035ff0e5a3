// An order action end to end: an agent marks a bank-transfer order paid; the confirmation step,
// the result in the timeline at once and after a reload, the audit entry and the purchase effect
// it records; then an illegal action refused with the state machine's message.
import { expect, test } from './fixtures/test';
import { outboxEntriesOf, seedAgent, seedShopperOrder } from './fixtures/backoffice-seed';
import { BackofficeAuditPo, BackofficeLoginPo, BackofficeOrderPo } from './fixtures/backoffice.po';
import { ORDER_STATUS_WORDS } from '../src/app/backoffice/order-status-words';

test('an agent marks an order paid, sees it in the timeline, and cannot cancel it afterwards', async ({ page }) => {
  const agent = await seedAgent('agent');
  const { order } = await seedShopperOrder({ listing: { title: 'Caffettiera' }, status: 'awaiting_payment' });
  // Checkout recorded the order's confirmation; what marking it paid adds comes after.
  const effectsBefore = new Set((await outboxEntriesOf(order._id)).map((e) => e._id));

  await new BackofficeLoginPo(page).signIn(agent.email, agent.password);
  const detail = new BackofficeOrderPo(page);
  await detail.open(order._id);
  await expect(detail.status()).toHaveText(ORDER_STATUS_WORDS.awaiting_payment.words);

  await detail.act('Mark paid', 'transfer received, ref 8812');
  await expect(detail.result()).toHaveText('Marked paid.');
  await expect(detail.status()).toHaveText(ORDER_STATUS_WORDS.paid.words);
  await expect(detail.timeline().first()).toContainText('Awaiting payment → Paid');
  await expect(detail.timeline().first()).toContainText('marked paid: transfer received, ref 8812');
  await page.reload();
  await expect(detail.timeline().first()).toContainText('Awaiting payment → Paid');

  const effects = (await outboxEntriesOf(order._id)).filter((e) => !effectsBefore.has(e._id));
  expect(effects).toMatchObject([{ topic: 'order.purchase', payload: { orderId: order._id } }]);

  await detail.act('Cancel order', 'shopper asked to cancel');
  await expect(detail.error()).toContainText('this order cannot be cancelled: it is paid: refund it in full instead');
  await expect(detail.status()).toHaveText(ORDER_STATUS_WORDS.paid.words);

  const audit = new BackofficeAuditPo(page);
  await audit.open({ entityId: order._id });
  await expect(audit.rows()).toHaveCount(1);
  await expect(audit.rows().first()).toContainText('Order marked paid');
});
