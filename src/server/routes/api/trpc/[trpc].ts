// Serves the tRPC API at /api/trpc/*: hands the request, the router and the context to tRPC.
import { defineEventHandler, toWebRequest } from 'h3';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../../../trpc/context';
import { appRouter } from '../../../trpc/routers/_app';
import { logProcedureFault } from '../../../trpc/trpc';

export default defineEventHandler((event) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: toWebRequest(event),
    router: appRouter,
    createContext: () => createContext(event),
    onError: ({ error, path }) => logProcedureFault(event, path, error),
  }),
);
