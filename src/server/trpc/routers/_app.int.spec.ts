// The API as a browser sees it, through tRPC's fetch adapter with no HTTP server: input
// validation, the error format, what a procedure answers when MongoDB is unreachable, and what
// it answers from real MongoDB and Redis.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import type { Runtime } from '../../platform/runtime';
import { scrapeDeps, scrapedListing, scrapeProducts } from '../../scraping';
import { createContext, type Context } from '../context';
import { appRouter } from './_app';
import { toProductSummary } from '../../catalog';

const rt = useTestRuntime('trpc-app');

function context(runtime: () => Promise<Runtime>): Context {
  return { event: null, session: null, runtime };
}

const unreachable = () => Promise.reject(new Error('runtime must not be opened by this procedure'));

async function call(path: string, input: unknown, runtime: () => Promise<Runtime> = unreachable) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${path}${query}`),
    router: appRouter,
    createContext: () => context(runtime),
  });
  return {
    status: response.status,
    body: (await response.json()) as { result?: { data: unknown }; error?: { message: string; data: Record<string, unknown> } },
  };
}

describe('appRouter', () => {
  it('answers system.ping without opening MongoDB or Redis', async () => {
    const { status, body } = await call('system.ping', undefined);
    expect(status).toBe(200);
    expect(body.result?.data).toMatchObject({ pong: true });
  });

  it('refuses catalog.latest with a limit out of range, naming the field', async () => {
    const { status, body } = await call('catalog.latest', { limit: 51 });
    expect(status).toBe(400);
    expect(body.error?.data).toMatchObject({ code: 'BAD_REQUEST', zodError: { fieldErrors: { limit: [expect.any(String)] } } });
    expect(body.error?.message).toMatch(/limit/);
  });

  it('reports an unreachable database as 503', async () => {
    const refused = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:27017'));
    const { status, body } = await call('catalog.count', undefined, createContext(null, refused).runtime);
    expect(status).toBe(503);
    expect(body.error?.data).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(body.error?.message).toBe('MongoDB or Redis is unavailable: connect ECONNREFUSED 127.0.0.1:27017');
  });

  it('answers catalog.latest most recently scraped first, as many as asked, 12 by default', async () => {
    // Fourteen products scraped a minute apart, the last one most recently.
    const scraped = [];
    for (let i = 0; i < 14; i++)
      scraped.push(
        ...(await scrapeProducts(scrapeDeps(rt()), [scrapedListing({ title: `Moka ${i}` })], new Date(Date.now() - (14 - i) * 60_000))),
      );
    const newestFirst = scraped.reverse().map((p) => p._id);
    const runtime = async () => rt();
    const ids = (data: unknown) => (data as { id: string }[]).map((p) => p.id);
    expect(ids((await call('catalog.latest', undefined, runtime)).body.result?.data)).toEqual(newestFirst.slice(0, 12));
    expect(ids((await call('catalog.latest', { limit: 5 }, runtime)).body.result?.data)).toEqual(newestFirst.slice(0, 5));
  });
});

describe('toProductSummary', () => {
  it('keeps the selling prices in market order and dates as ISO strings', () => {
    const at = new Date('2026-11-25T10:00:00.000Z');
    const price = (amountCents: number) => ({
      price: { amountCents, currency: 'EUR' as const },
      sourceMarket: 'it' as const,
      computedAt: at,
    });
    const summary = toProductSummary({
      _id: 'p_123456',
      slug: 'espresso-machine',
      gtin: null,
      title: 'Espresso machine',
      brand: null,
      category: 'other',
      images: ['https://img.example/1.jpg'],
      attributes: {},
      searchTokens: ['espresso', 'machine'],
      offers: {},
      sellPrices: { es: price(300), it: price(100) },
      createdAt: at,
      updatedAt: at,
    });
    expect(summary.sellPrices.map((p) => p.market)).toEqual(['it', 'es']);
    expect(summary).toMatchObject({ id: 'p_123456', imageUrl: 'https://img.example/1.jpg', updatedAt: '2026-11-25T10:00:00.000Z' });
  });
});
