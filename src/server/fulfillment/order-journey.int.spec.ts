// One order's whole journey through the parts that build it, against the simulator over HTTP on
// the run's real MongoDB and Redis: checkout (cash on delivery) records its effects, the outbox
// drain writes the confirmation and queues the purchase, the purchase buys from the supplier, the
// tracking poll follows the parcel, and the shopper's status page tells the story.
import { Queue } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { TEST_REDIS_DB, useTestRuntime } from '../../../infra/local/testing';
import { marketplaceEnv } from '../../../infra/local/platform';
import { control, useSimulator } from '../../../infra/marketplace-simulator/simulator-testing';
import { addToCart, newCartId } from '../cart';
import { CheckoutInput, checkoutInputFromForm, lookUpOrder, placeOrder } from '../checkout';
import { newId } from '../../common/ids';
import { messagesOfOrder } from '../messages';
import { drainOutbox } from '../outbox';
import { QUEUE_PREFIX, QUEUES } from '../platform/queues';
import { ORDER_EFFECTS } from './order-effects';
import { seedOfferedProduct } from './order.fixture';
import { purchaseJobId } from './purchase.queue';
import { pollTracking, purchaseOrder } from './purchase.service';

const simulator = useSimulator({ orders: { failureShare: 0 } });
const { sim, clock } = simulator;
const rt = useTestRuntime('order_journey', { redisDb: TEST_REDIS_DB.orderJourney, env: () => marketplaceEnv(sim().urls) });

async function supplierOrders(): Promise<number> {
  return ((await control(sim(), 'GET', '')).body as { orders: Record<string, number> }).orders['fr']!;
}

describe('an order from checkout to delivery', () => {
  it('is confirmed, messaged, bought once, shipped and delivered, and the shopper sees each step', async () => {
    const { product } = await seedOfferedProduct(rt(), { simulator }, { market: 'fr' });

    const cartId = newCartId();
    expect(await addToCart(rt(), cartId, 'fr', product._id, 2)).toMatchObject({ ok: true });
    const email = `Camille.Martin.${newId(6)}@Example.FR`;
    const form = {
      idempotencyKey: newId(20),
      email,
      name: 'Camille Martin',
      phone: '+33 1 23 45 67 89',
      line1: '12 rue de la Paix',
      postalCode: '75002',
      city: 'Paris',
      paymentMethod: 'cash_on_delivery',
    };
    const placed = await placeOrder(rt(), cartId, CheckoutInput.parse(checkoutInputFromForm('fr', form)));
    if (!placed.ok) throw new Error(`checkout refused: ${placed.reason}`);
    const { orderId } = placed.order;

    const before = await supplierOrders();
    expect(await drainOutbox(rt(), ORDER_EFFECTS)).toEqual({ done: 2, retried: 0, failed: 0 });
    const messages = await messagesOfOrder(rt(), placed.order.customerId, orderId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toContain(placed.order.number);
    const queue = new Queue(QUEUES.purchase, { connection: rt().redis, prefix: QUEUE_PREFIX });
    expect(await queue.getJob(purchaseJobId(orderId))).toBeDefined();
    await queue.close();

    // The worker would run this job; running it twice, as a redelivery would, buys once.
    expect(await purchaseOrder(rt(), { _id: orderId, customerId: placed.order.customerId })).toEqual({ kind: 'purchased' });
    expect(await purchaseOrder(rt(), { _id: orderId, customerId: placed.order.customerId })).toEqual({
      kind: 'skipped',
      status: 'purchased',
    });
    expect(await supplierOrders()).toBe(before + 1);

    clock.advance(2 * 60_000 + 1_000);
    await pollTracking(rt());
    clock.advance(10 * 60_000);
    await pollTracking(rt());

    const seen = await lookUpOrder(rt(), placed.order.number, email);
    expect(seen?.status).toBe('delivered');
    expect(seen?.timeline.map((t) => t.status)).toEqual(['confirmed', 'purchasing', 'purchased', 'shipped', 'delivered']);
    expect(seen?.totalCents).toBe(seen!.lines.reduce((sum, line) => sum + line.totalCents, 0));
  });
});
