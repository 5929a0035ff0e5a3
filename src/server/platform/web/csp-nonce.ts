// The response's CSP nonce, made when the request arrives (plugins/http-edge.ts) and read by
// the Angular render (CSP_NONCE) and by the HTML post-processing below. The renderer is
// bundled apart from the Nitro plugins, so the nonce travels on the Node request under a
// registered symbol, which both bundles resolve to the same key.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const NONCE = Symbol.for('digitalsales.cspNonce');

type WithNonce = IncomingMessage & { [NONCE]?: string };

export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

export function setCspNonce(req: IncomingMessage, nonce: string): void {
  (req as WithNonce)[NONCE] = nonce;
}

export function cspNonceOf(req: IncomingMessage | null | undefined): string | null {
  return (req as WithNonce | null | undefined)?.[NONCE] ?? null;
}

/**
 * The one inline script the build puts in index.html (Angular's event-dispatch contract),
 * exactly as built. Angular nonces the replay script it adds itself, not this one.
 */
const CONTRACT_TAG = '<script type="text/javascript" id="ng-event-dispatch-contract">';

/**
 * The page with the nonce on the contract script. Only that exact tag is touched: page text
 * cannot forge it, since the serializer escapes `<` in text and `"` in attribute values.
 */
export function withContractNonce(html: string, nonce: string): string {
  return html.replace(CONTRACT_TAG, `<script type="text/javascript" id="ng-event-dispatch-contract" nonce="${nonce}">`);
}
