// Each request's id: sent back as X-Request-Id, written in every log line about the request and
// shown on error pages, so what a user reports finds its log line.
import { randomBytes } from 'node:crypto';
import type { H3Event } from 'h3';

export function newRequestId(): string {
  return randomBytes(9).toString('base64url');
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** The id the edge plugin gave the request; a fresh one for an event it never saw (in-process calls). */
export function requestIdOf(event: H3Event | null | undefined): string {
  if (!event) return newRequestId();
  const context = event.context as { requestId?: string };
  context.requestId ??= newRequestId();
  return context.requestId;
}
