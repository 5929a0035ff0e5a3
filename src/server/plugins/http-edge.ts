// Every request, before any route or page: an id (X-Request-Id, in the logs and on error
// pages), a CSP nonce, forwarding headers dropped unless a trusted proxy sent them, and the
// security headers (src/server/platform/web/security-headers.ts) on whatever the answer turns out to be,
// errors and static files included. Pages get the nonce on the one inline script the build
// writes; Angular puts it on the scripts it adds (CSP_NONCE in app.config.server.ts). The event
// itself travels with the request to the render, whose tRPC calls run in-process in its context.
import { defineNitroPlugin } from 'nitropack/runtime';
import { setResponseHeaders } from 'h3';
import { loadConfigOrExit } from '../platform/config';
import {
  cspNonceOf,
  forgetUntrustedForwarding,
  newCspNonce,
  REQUEST_ID_HEADER,
  requestIdOf,
  securityHeaders,
  setCspNonce,
  setRequestEvent,
  withContractNonce,
} from '../platform/web';

export default defineNitroPlugin((nitro) => {
  const https = new URL(loadConfigOrExit().PUBLIC_URL).protocol === 'https:';
  nitro.hooks.hook('request', (event) => {
    const nonce = newCspNonce();
    setCspNonce(event.node.req, nonce);
    setRequestEvent(event);
    forgetUntrustedForwarding(event);
    setResponseHeaders(event, { ...securityHeaders({ nonce, https }), [REQUEST_ID_HEADER]: requestIdOf(event) });
  });
  nitro.hooks.hook('beforeResponse', (event, response) => {
    const nonce = cspNonceOf(event.node.req);
    if (nonce && typeof response.body === 'string') response.body = withContractNonce(response.body, nonce);
  });
});
