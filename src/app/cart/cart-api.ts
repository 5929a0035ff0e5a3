// The browser's tRPC client for the shop's cart: what the pages call once JavaScript runs.
// Without it the same forms post to /api/cart/{market} and the server redirects.
import { createTRPCClient, httpLink, TRPCClientError, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../server/trpc/routers/_app';
import { refusalFromMessage } from '../../server/cart/browser';
import type { CartTexts } from './cart-texts';

export function cartApi(): TRPCClient<AppRouter>['checkout']['cart'] {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: '/api/trpc' })] }).checkout.cart;
}

/** The shopper's words for a refused cart change. */
export function cartProblem(error: unknown, t: CartTexts): string {
  const refusal = error instanceof TRPCClientError ? refusalFromMessage(String(error.message)) : null;
  return t.problems[refusal ?? 'unknown'];
}
