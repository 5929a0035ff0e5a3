// Serves the tRPC API at /api/trpc/*: hands the request, the router and the context to tRPC.
import { defineEventHandler, toWebRequest } from 'h3';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../../../trpc/context';
import { appRouter } from '../../../trpc/routers/_app';
import { requestIdOf } from '../../../web';

export default defineEventHandler((event) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: toWebRequest(event),
    router: appRouter,
    createContext: () => createContext(event),
    onError({ error, path }) {
      // Client mistakes (4xx) are the client's to see; server faults must reach the logs.
      // The client reads only the request id (trpc.ts), which finds this line.
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[request ${requestIdOf(event)}] tRPC ${path ?? '?'} failed:`, error.cause ?? error);
    },
  }),
);
