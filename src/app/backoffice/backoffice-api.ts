// The browser's tRPC client for back-office actions: every call carries the session's CSRF
// token, which the server checks on each mutation (the cookie alone is not enough).
import { createTRPCClient, httpLink, TRPCClientError, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/routers/_app';

export type BackofficeApi = TRPCClient<AppRouter>['backoffice'];

export function backofficeApi(csrfToken: string | null): BackofficeApi {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: '/api/trpc', headers: () => (csrfToken ? { 'x-csrf-token': csrfToken } : {}) })],
  }).backoffice;
}

/** The server's message, which names the field or the rule that refused the action. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
