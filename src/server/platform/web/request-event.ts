// The h3 event of a page request, for the Angular render, which is handed only the Node request
// (Analog's REQUEST token): the procedures a page calls in-process while it renders get the
// context they would get over HTTP (the visitor's cookies, the request id). Stored by the edge
// plugin under a registered symbol, as the CSP nonce is, since the renderer is a bundle apart.
import type { IncomingMessage } from 'node:http';
import type { H3Event } from 'h3';

const EVENT = Symbol.for('digitalsales.h3Event');

type WithEvent = IncomingMessage & { [EVENT]?: H3Event };

export function setRequestEvent(event: H3Event): void {
  (event.node.req as WithEvent)[EVENT] = event;
}

export function requestEventOf(req: IncomingMessage | null | undefined): H3Event | null {
  return (req as WithEvent | null | undefined)?.[EVENT] ?? null;
}
