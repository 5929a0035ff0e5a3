// What an API client reads of a fault of ours: tRPC's INTERNAL_SERVER_ERROR over HTTP, with the
// message of the exception behind it (here a driver's, naming a host and its password).
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../platform/runtime';
import type { Context } from './context';
import { appRouter } from './routers/_app';

describe('tRPC errors over HTTP', () => {
  it('answer a server fault with the request id, never its message', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const context: Context = {
      event: null,
      session: { sessionId: 's', agentId: 'a', email: 'admin@example.com', name: 'Admin', role: 'admin', csrfToken: 't' },
      runtime: () => Promise.reject(new Error('connection refused: mongodb://admin:s3cret@db.internal:27017')) as Promise<Runtime>,
    };
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request('http://shop.example/api/trpc/backoffice.orders.search'),
      router: appRouter,
      createContext: () => context,
    });
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(body).not.toMatch(/s3cret|db\.internal|connection refused/);
    expect(JSON.parse(body).error.message).toMatch(/^Something went wrong\. Reference: [\w-]{12}$/);
    logged.mockRestore();
  });
});
