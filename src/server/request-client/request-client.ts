// Who the client of a request is and whether it came over https, for rate limits and cookies:
// the one place that decides whether the forwarding headers are believed (TRUST_PROXY), so
// every caller agrees on what "this client" means.
import { getRequestIP, getRequestProtocol, type H3Event } from 'h3';
import { loadConfig } from '../config';

/** The client's IP address; `unknown` for a request without a socket (in-process). */
export function requestClientAddress(event: H3Event): string {
  return getRequestIP(event, { xForwardedFor: loadConfig().TRUST_PROXY }) ?? 'unknown';
}

/** Whether the client's connection is https (for Secure cookies). */
export function requestIsHttps(event: H3Event): boolean {
  return getRequestProtocol(event, { xForwardedProto: loadConfig().TRUST_PROXY }) === 'https';
}
