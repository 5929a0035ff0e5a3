// The order-status lookup against real MongoDB and Redis: the probe (40 guessed lookups
// from one address) stopped at the limit, one order's e-mail guessed from many addresses stopped
// too, and a form post's lookup shown (and reloaded) from its cookie without counting again.
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { newId } from '../../common/ids';
import { seedOrder } from '../fulfillment/order.fixture';
import { markPaid } from '../orders';
import { lookUpOrderLimited, recordFormLookup, shownLookup } from './order-status.service';

const PER_ADDRESS = 8;
const PER_ORDER = 4;
const rt = useTestRuntime('order-status', {
  env: () => ({ ORDER_STATUS_LOOKUPS_PER_ADDRESS: String(PER_ADDRESS), ORDER_STATUS_LOOKUPS_PER_ORDER: String(PER_ORDER) }),
});

const address = () => `203.0.113.${Math.floor(Math.random() * 250)}-${newId(4)}`;

describe('order-status lookup limits', () => {
  it("stops 40 guessed lookups from one address after the limit, saying so in the shop's language", async () => {
    const client = address();
    const results = [];
    for (let i = 0; i < 40; i++)
      results.push(
        await lookUpOrderLimited(rt(), { market: 'it', number: `DS-${newId(10).toUpperCase()}`, email: `guess${i}@example.it` }, client),
      );
    expect(results.slice(0, PER_ADDRESS).every((r) => r.outcome === 'not-found')).toBe(true);
    expect(results.slice(PER_ADDRESS).every((r) => r.outcome === 'limited')).toBe(true);
    expect(results.at(-1)).toMatchObject({
      outcome: 'limited',
      message: expect.stringMatching(/^Troppe ricerche in poco tempo\. Riprova tra \d+ minut[oi]\.$/),
    });
    // Another address is not held back by this one.
    expect(await lookUpOrderLimited(rt(), { market: 'fr', number: 'DS-0000000000', email: 'a@example.fr' }, address())).toEqual({
      outcome: 'not-found',
    });
  });

  it("stops guessing one order's e-mail from many addresses, even with the right one after", async () => {
    const { order } = await seedOrder(rt());
    const number = order.number;
    for (let i = 0; i < PER_ORDER; i++) {
      expect(
        await lookUpOrderLimited(rt(), { market: 'it', number: number.toLowerCase(), email: `guess${i}@example.it` }, address()),
      ).toEqual({ outcome: 'not-found' });
    }
    const refused = await lookUpOrderLimited(rt(), { market: 'de', number, email: order.email }, address());
    expect(refused).toMatchObject({ outcome: 'limited', message: expect.stringContaining('Zu viele Suchen') });
  });

  it('answers a malformed e-mail without counting it', async () => {
    const client = address();
    for (let i = 0; i < PER_ADDRESS + 2; i++)
      expect(await lookUpOrderLimited(rt(), { market: 'es', number: '', email: 'nobody' }, client)).toEqual({
        outcome: 'invalid',
        invalid: ['number', 'email'],
      });
    expect(await lookUpOrderLimited(rt(), { market: 'es', number: 'DS-0000000000', email: 'ana@example.es' }, client)).toEqual({
      outcome: 'not-found',
    });
  });
});

describe("a form post's lookup", () => {
  it("is shown from its cookie's token, afresh on each reload, without counting again", async () => {
    const { order } = await seedOrder(rt(), { status: 'awaiting_payment' });
    const client = address();
    const { token, result } = await recordFormLookup(
      rt(),
      { market: 'it', number: ` ${order.number} `, email: order.email.toUpperCase() },
      client,
    );
    expect(result).toMatchObject({ outcome: 'found', order: { number: order.number, status: 'awaiting_payment' } });
    expect(token).toMatch(/^[\w-]{22}$/);

    const paid = await markPaid(
      rt(),
      { orderId: order._id, reason: 'transfer arrived' },
      { id: 'agent_status1', email: 'agent@example.com', role: 'agent' },
    );
    expect(paid.ok).toBe(true);
    for (let i = 0; i < PER_ADDRESS + 2; i++) {
      expect(await shownLookup(rt(), token, 'it', { number: '' })).toMatchObject({
        result: 'found',
        number: order.number,
        order: { status: 'paid' },
      });
    }
    // The reloads did not count: this address still has its lookups.
    expect(await lookUpOrderLimited(rt(), { market: 'it', number: 'DS-0000000000', email: 'x@example.it' }, client)).toEqual({
      outcome: 'not-found',
    });
    // Another market's page, or no cookie, shows an empty form (with the number a link may give).
    expect(await shownLookup(rt(), token, 'fr', { number: '' })).toEqual({ result: 'none', number: '', email: '' });
    expect(await shownLookup(rt(), null, 'it', { number: order.number })).toEqual({ result: 'none', number: order.number, email: '' });
  });

  it('keeps a refusal for the page to show, with how long to wait', async () => {
    const client = address();
    for (let i = 0; i < PER_ADDRESS; i++)
      await lookUpOrderLimited(rt(), { market: 'es', number: `DS-${newId(10).toUpperCase()}`, email: 'x@example.es' }, client);
    const { token } = await recordFormLookup(rt(), { market: 'es', number: 'DS-0000000001', email: 'ana@example.es' }, client);
    const shown = await shownLookup(rt(), token, 'es', { number: '' });
    expect(shown).toMatchObject({ result: 'limited', email: 'ana@example.es', message: expect.stringContaining('Demasiadas búsquedas') });
    expect(shown.result === 'limited' && shown.retryAfterMs).toBeGreaterThan(0);
  });
});
