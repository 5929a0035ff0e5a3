// The cart against real Redis and MongoDB: it survives between requests, expires when unused
// (sliding), refuses what cannot be sold, and prices lines against the catalog now.
import { describe, expect, it, vi } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { stopSelling } from '../catalog-admin';
import { productForSale, rescrape, unitCents } from '../checkout/checkout.fixture';
import type { Runtime } from '../platform/runtime';
import { cartKey } from './cart';
import { newCartId } from './cart-cookie';
import { addToCart, changeQuantity, loadCart, viewCart } from './cart.service';

const rt = useTestRuntime('cart');
const agent = { id: 'agent_cart', email: 'cart@example.com', role: 'agent' as const };
const withTtl = (ms: number): Runtime => ({ ...rt(), config: { ...rt().config, CART_TTL_MS: ms } });

describe('cart', () => {
  it('keeps lines between requests, per market, with quantities changed and removed', async () => {
    const [{ product: a }, { product: b }] = await Promise.all([
      productForSale(rt(), { priceCents: 1999 }),
      productForSale(rt(), { priceCents: 500 }),
    ]);
    const cartId = newCartId();
    await addToCart(rt(), cartId, 'it', a._id, 1);
    await addToCart(rt(), cartId, 'it', b._id, 2);
    await changeQuantity(rt(), cartId, 'it', a._id, 3);
    const view = await viewCart(rt(), await loadCart(rt(), cartId, 'it'));
    const [aCents, bCents] = [unitCents(a, 'it'), unitCents(b, 'it')];
    expect(view.lines.map((l) => [l.productId, l.quantity, l.lineTotalCents])).toEqual([
      [a._id, 3, 3 * aCents],
      [b._id, 2, 2 * bCents],
    ]);
    expect(view.totalCents).toBe(3 * aCents + 2 * bCents);
    expect((await loadCart(rt(), cartId, 'fr')).lines).toEqual([]);
    await changeQuantity(rt(), cartId, 'it', b._id, 0);
    expect((await loadCart(rt(), cartId, 'it')).lines.map((l) => l.productId)).toEqual([a._id]);
  });

  it('refuses products out of stock, stopped from sale or unknown', async () => {
    const [{ product: gone }, { product: stopped }] = await Promise.all([
      productForSale(rt(), { availability: 'out_of_stock' }),
      productForSale(rt()),
    ]);
    expect(await stopSelling(rt(), { productId: stopped._id, reason: 'recall' }, agent)).toMatchObject({ ok: true });
    const cartId = newCartId();
    expect(await addToCart(rt(), cartId, 'it', gone._id, 1)).toMatchObject({ ok: false, reason: 'out_of_stock' });
    expect(await addToCart(rt(), cartId, 'de', stopped._id, 1)).toMatchObject({ ok: false, reason: 'not_for_sale' });
    expect(await addToCart(rt(), cartId, 'it', 'nosuchproduct1', 1)).toMatchObject({ ok: false, reason: 'not_for_sale' });
  });

  it('shows a price changed since the line was added, old and new', async () => {
    const seed = await productForSale(rt(), { priceCents: 1999 });
    const cartId = newCartId();
    await addToCart(rt(), cartId, 'it', seed.product._id, 2);
    const { product: repriced } = await rescrape(rt(), seed, { priceCents: 2299 });
    const [before, after] = [unitCents(seed.product, 'it'), unitCents(repriced, 'it')];
    expect(after).toBeGreaterThan(before);
    const view = await viewCart(rt(), await loadCart(rt(), cartId, 'it'));
    expect(view.lines[0]).toMatchObject({ addedUnitCents: before, unitCents: after, priceChanged: true, lineTotalCents: 2 * after });
  });

  it('restarts the expiry clock on each use', async () => {
    const ttlMs = 60_000;
    const { product } = await productForSale(rt());
    const cartId = newCartId();
    const key = cartKey(cartId, 'it');
    await addToCart(withTtl(ttlMs), cartId, 'it', product._id, 1);
    // Redis's own clock has counted part of the TTL down…
    let left = ttlMs;
    await vi.waitFor(async () => expect((left = await rt().redis.pttl(key))).toBeLessThan(ttlMs - 200), { timeout: 10_000, interval: 50 });
    // …and a read gives the cart its whole TTL again.
    expect((await loadCart(withTtl(ttlMs), cartId, 'it')).lines).toHaveLength(1);
    expect(await rt().redis.pttl(key)).toBeGreaterThan(left);
  });

  it('expires when unused for the TTL', async () => {
    const shortLived = withTtl(500);
    const { product } = await productForSale(rt());
    const cartId = newCartId();
    await addToCart(shortLived, cartId, 'it', product._id, 1);
    expect(await rt().redis.pttl(cartKey(cartId, 'it'))).toBeGreaterThan(0);
    // Waited on without reading the cart: a read would restart the clock.
    await vi.waitFor(async () => expect(await rt().redis.exists(cartKey(cartId, 'it'))).toBe(0), { timeout: 15_000, interval: 100 });
    expect((await loadCart(shortLived, cartId, 'it')).lines).toEqual([]);
  });
});
