// The request's client address and protocol for routes, rate limits and cookies: forwarding
// headers believed only from TRUSTED_PROXIES (forwarded.ts). Nothing else in the app reads
// X-Forwarded-* or Forwarded.
import { getRequestHeader, type H3Event } from 'h3';
import type { TLSSocket } from 'node:tls';
import { loadConfig } from '../config';
import { clientAddress, clientProtocol, trustedProxyCheck, type ForwardingHeaders, type ProxyCheck } from './forwarded';

let memo: { readonly entries: readonly string[]; readonly check: ProxyCheck } | undefined;

function trustedProxies(): ProxyCheck {
  const entries = loadConfig().TRUSTED_PROXIES;
  if (memo?.entries !== entries) memo = { entries, check: trustedProxyCheck(entries) };
  return memo.check;
}

function forwardingHeaders(event: H3Event): ForwardingHeaders {
  return {
    forwarded: getRequestHeader(event, 'forwarded'),
    xForwardedFor: getRequestHeader(event, 'x-forwarded-for'),
    xForwardedProto: getRequestHeader(event, 'x-forwarded-proto'),
  };
}

const peerOf = (event: H3Event) => event.node.req.socket?.remoteAddress ?? '';

/** The client's IP address; `unknown` for a request without a socket (in-process). */
export function requestClientAddress(event: H3Event): string {
  return clientAddress(peerOf(event), forwardingHeaders(event), trustedProxies()) || 'unknown';
}

/** Whether the client's connection is https (for Secure cookies). */
export function requestIsHttps(event: H3Event): boolean {
  const encrypted = Boolean((event.node.req.socket as TLSSocket | undefined)?.encrypted);
  return clientProtocol(peerOf(event), encrypted, forwardingHeaders(event), trustedProxies()) === 'https';
}

const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-forwarded-prefix',
  'x-real-ip',
];

/**
 * Drops the forwarding headers of a request that did not come through one of our proxies, so
 * that no library that reads them itself (the framework's URL helpers, its error page) can be
 * told another host, protocol or client by whoever sent the request.
 */
export function forgetUntrustedForwarding(event: H3Event): void {
  if (trustedProxies()(peerOf(event))) return;
  for (const name of FORWARDING_HEADERS) delete event.node.req.headers[name];
}
