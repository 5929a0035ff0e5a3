// The shop's cart and checkout API as a browser calls it, for input it must refuse before
// touching MongoDB or Redis: 400 BAD_REQUEST naming each wrong field.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { appRouter } from './_app';

const unreachable = () => Promise.reject(new Error('runtime must not be opened for refused input'));

async function call(path: string, input: unknown, method: 'GET' | 'POST') {
  const url = `http://localhost/api/trpc/${path}`;
  const req =
    method === 'GET'
      ? new Request(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : new Request(url, { method: 'POST', body: JSON.stringify(input), headers: { 'content-type': 'application/json' } });
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => ({ event: null, session: null, runtime: unreachable }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { message: string; data: { code: string; zodError: { fieldErrors: Record<string, string[]> } | null } };
    },
  };
}

const order = {
  market: 'es',
  idempotencyKey: 'k0123456789abcdefghjk',
  email: 'ana@example.es',
  name: 'Ana García',
  phone: '+34 600 123 456',
  line1: 'Calle Mayor 1',
  postalCode: '28013',
  city: 'Madrid',
  paymentMethod: 'bank_transfer',
};

describe('checkout router input', () => {
  it('refuses a Spanish postal code outside the provinces, naming the field', async () => {
    const { status, body } = await call('checkout.place', { ...order, postalCode: '53001' }, 'POST');
    expect(status).toBe(400);
    expect(body.error?.data.code).toBe('BAD_REQUEST');
    expect(body.error?.data.zodError?.fieldErrors).toEqual({ postalCode: [expect.stringMatching(/Spanish postal code/)] });
    expect(body.error?.message).toMatch(/postalCode/);
  });

  it('names every wrong field of an order at once', async () => {
    const { status, body } = await call(
      'checkout.place',
      { ...order, email: 'ana', phone: 'x', paymentMethod: 'card', idempotencyKey: 'short' },
      'POST',
    );
    expect(status).toBe(400);
    expect(Object.keys(body.error?.data.zodError?.fieldErrors ?? {}).sort()).toEqual(['email', 'idempotencyKey', 'paymentMethod', 'phone']);
  });

  it('refuses a quantity out of range and an unknown market', async () => {
    const add = await call('checkout.cart.add', { market: 'uk', productId: 'abcdefgh12', quantity: 11 }, 'POST');
    expect(add.status).toBe(400);
    expect(Object.keys(add.body.error?.data.zodError?.fieldErrors ?? {}).sort()).toEqual(['market', 'quantity']);
  });

  it('refuses an order status lookup without a valid e-mail', async () => {
    const { status, body } = await call('checkout.orderStatus', { market: 'it', number: 'DS-0000000000', email: 'nobody' }, 'POST');
    expect(status).toBe(400);
    expect(body.error?.data.zodError?.fieldErrors).toHaveProperty('email');
  });

  it('takes the order status lookup only as a POST: number and e-mail stay out of URLs and logs', async () => {
    const { status } = await call('checkout.orderStatus', { market: 'it', number: 'DS-0000000000', email: 'anna@example.it' }, 'GET');
    expect(status).toBe(405);
  });
});
