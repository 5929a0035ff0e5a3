// The cart against real Redis and MongoDB: it survives between requests, expires when unused
// (sliding), refuses what cannot be sold, and prices lines against the catalog now.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { repriceProduct, seedProductForSale } from '../checkout/checkout.fixture';
import type { Runtime } from '../runtime';
import { newCartId } from './cart-cookie';
import { addToCart, changeQuantity, loadCart, viewCart } from './cart.service';

const rt = useTestRuntime('cart');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('cart', () => {
  it('keeps lines between requests, per market, with quantities changed and removed', async () => {
    const [a, b] = await Promise.all([seedProductForSale(rt(), 'it', 1999), seedProductForSale(rt(), 'it', 500)]);
    const cartId = newCartId();
    await addToCart(rt(), cartId, 'it', a._id, 1);
    await addToCart(rt(), cartId, 'it', b._id, 2);
    await changeQuantity(rt(), cartId, 'it', a._id, 3);
    const view = await viewCart(rt(), await loadCart(rt(), cartId, 'it'));
    expect(view.lines.map((l) => [l.productId, l.quantity, l.lineTotalCents])).toEqual([[a._id, 3, 5997], [b._id, 2, 1000]]);
    expect(view.totalCents).toBe(6997);
    expect((await loadCart(rt(), cartId, 'fr')).lines).toEqual([]);
    await changeQuantity(rt(), cartId, 'it', b._id, 0);
    expect((await loadCart(rt(), cartId, 'it')).lines.map((l) => l.productId)).toEqual([a._id]);
  });

  it('refuses products out of stock or not sold in the market', async () => {
    const [gone, italian] = await Promise.all([seedProductForSale(rt(), 'it', 999, 'out_of_stock'), seedProductForSale(rt(), 'it', 999)]);
    const cartId = newCartId();
    expect(await addToCart(rt(), cartId, 'it', gone._id, 1)).toEqual({ ok: false, reason: 'out_of_stock' });
    expect(await addToCart(rt(), cartId, 'de', italian._id, 1)).toEqual({ ok: false, reason: 'not_for_sale' });
    expect(await addToCart(rt(), cartId, 'it', 'nosuchproduct1', 1)).toEqual({ ok: false, reason: 'not_for_sale' });
  });

  it('shows a price changed since the line was added, old and new', async () => {
    const product = await seedProductForSale(rt(), 'it', 1999);
    const cartId = newCartId();
    await addToCart(rt(), cartId, 'it', product._id, 2);
    await repriceProduct(rt(), product, 'it', 2299);
    const view = await viewCart(rt(), await loadCart(rt(), cartId, 'it'));
    expect(view.lines[0]).toMatchObject({ addedUnitCents: 1999, unitCents: 2299, priceChanged: true, lineTotalCents: 4598 });
  });

  it('expires when unused for the TTL, and each use restarts the clock', async () => {
    const shortLived: Runtime = { ...rt(), config: { ...rt().config, CART_TTL_MS: 1000 } };
    const product = await seedProductForSale(rt(), 'it', 1000);
    const cartId = newCartId();
    await addToCart(shortLived, cartId, 'it', product._id, 1);
    await sleep(600);
    expect((await loadCart(shortLived, cartId, 'it')).lines).toHaveLength(1);
    await sleep(600);
    // 1.2 s after the add, but only 0.6 s after the last read: still there.
    expect((await loadCart(shortLived, cartId, 'it')).lines).toHaveLength(1);
    await sleep(1300);
    expect((await loadCart(shortLived, cartId, 'it')).lines).toEqual([]);
  });
});
