// Reads a request body up to a limit, never further: a body that announces a larger size is
// refused before a byte is read, one sent in chunks is cut off as soon as it passes the limit.
import type { IncomingMessage } from 'node:http';

export type LimitedBody =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly receivedBytes: number }
  /** The client went away before the end of its body. */
  | { readonly ok: false; readonly cutOff: true };

/** Whether the request says it carries a body (a length above 0, or chunks). */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number.parseInt(req.headers['content-length'] ?? '', 10);
  return (Number.isFinite(length) && length > 0) || /\bchunked\b/i.test(req.headers['transfer-encoding'] ?? '');
}

export function readBodyWithin(req: IncomingMessage, maxBytes: number): Promise<LimitedBody> {
  const announced = Number.parseInt(req.headers['content-length'] ?? '', 10);
  if (Number.isFinite(announced) && announced > maxBytes) return Promise.resolve({ ok: false, receivedBytes: 0 });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        // Stop reading: the rest is never buffered; the answer closes the connection.
        req.off('data', onData);
        req.pause();
        resolve({ ok: false, receivedBytes: received });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    // Settled already when the body ended or passed the limit; otherwise nothing more will come.
    req.once('close', () => resolve({ ok: false, cutOff: true }));
    req.once('error', reject);
  });
}
