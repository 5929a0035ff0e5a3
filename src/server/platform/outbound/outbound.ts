// Every HTTP call a worker or route makes to the outside goes through `outboundFetch`: the address
// is checked when the socket is opened (the DNS answer the connection will use, not one looked up
// earlier, so a name that rebinds to 127.0.0.1 between two lookups is still refused), and every
// redirect is checked against what the caller allows before it is followed. Only the configured
// shops (MARKETPLACE_URL_*, DEEPL_SERVER_URL), exactly their host and port, may be private, and
// only while OUTBOUND_ALLOW_PRIVATE_SHOPS says so: the simulator on 127.0.0.1 in development.
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch, ProxyAgent, type Dispatcher, type RequestInit, type Response } from 'undici';
import type { Config } from '../config';
import { classifyAddress, isPublicAddress } from './address';

export interface OutboundPolicy {
  /** `host:port` (IPv6 in brackets, lowercase) of the origins that may be at a private address. */
  readonly privateOrigins: ReadonlySet<string>;
}

export type OutboundSettings = Pick<
  Config,
  | 'OUTBOUND_ALLOW_PRIVATE_SHOPS'
  | 'MARKETPLACE_URL_IT'
  | 'MARKETPLACE_URL_FR'
  | 'MARKETPLACE_URL_DE'
  | 'MARKETPLACE_URL_ES'
  | 'DEEPL_SERVER_URL'
> &
  Partial<Pick<Config, 'SP_API_URL' | 'SP_API_LWA_TOKEN_URL' | 'EBAY_API_URL'>>;

/** A URL, a redirect or an address the policy does not allow; nothing was sent to it. */
export class OutboundRefused extends Error {
  override readonly name = 'OutboundRefused';
  readonly code = 'E_OUTBOUND_REFUSED';
}

const defaultPort = (protocol: string) => (protocol === 'https:' ? 443 : 80);

function originKey(hostname: string, port: number): string {
  const host = hostname.toLowerCase();
  return `${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/** `host:port` of a URL as the policy writes it. */
export function originOf(url: string | URL): string {
  const parsed = new URL(url);
  return originKey(parsed.hostname, Number(parsed.port) || defaultPort(parsed.protocol));
}

export function outboundPolicy(settings: OutboundSettings): OutboundPolicy {
  if (!settings.OUTBOUND_ALLOW_PRIVATE_SHOPS) return { privateOrigins: new Set() };
  const configured = [
    settings.MARKETPLACE_URL_IT,
    settings.MARKETPLACE_URL_FR,
    settings.MARKETPLACE_URL_DE,
    settings.MARKETPLACE_URL_ES,
    settings.DEEPL_SERVER_URL,
    settings.SP_API_URL,
    settings.SP_API_LWA_TOKEN_URL,
    settings.EBAY_API_URL,
  ];
  return { privateOrigins: new Set(configured.filter((url): url is string => Boolean(url)).map(originOf)) };
}

/** A resolver that answers only when every address of the name is public: a mixed answer is a rebinding attempt. */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused || addresses.length === 0) {
      const why = refused ? `${refused.address}, a ${classifyAddress(refused.address)} address` : 'no address';
      return callback(new OutboundRefused(`${hostname} resolves to ${why}: not connecting`), '', 0);
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/** Undici's connector with the check in front: IP literals never reach a resolver, so they are judged here. */
function guardedConnector(policy: OutboundPolicy): buildConnector.connector {
  const strict = buildConnector({ lookup: publicOnlyLookup });
  const open = buildConnector({});
  return (options, callback) => {
    const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(options.port) || defaultPort(options.protocol);
    if (policy.privateOrigins.has(originKey(host, port))) return open(options, callback);
    if (isIP(host) && !isPublicAddress(host)) {
      return callback(new OutboundRefused(`${host} is a ${classifyAddress(host)} address: not connecting`), null);
    }
    return strict(options, callback);
  };
}

const agents = new Map<string, Agent>();
const proxies = new Map<string, ProxyAgent>();

/** One connection pool per policy (there is one per process in practice). */
export function outboundDispatcher(policy: OutboundPolicy): Dispatcher {
  const key = [...policy.privateOrigins].sort().join(' ');
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: guardedConnector(policy) });
    agents.set(key, agent);
  }
  return agent;
}

/** A configured proxy resolves the names itself; what may be fetched through it is still checked by URL. */
function proxyDispatcher(proxyUrl: string): Dispatcher {
  let agent = proxies.get(proxyUrl);
  if (!agent) {
    // Plain-HTTP pages go to an HTTP proxy as absolute-form requests, as browsers send them; HTTPS is tunnelled.
    agent = new ProxyAgent({ uri: proxyUrl, proxyTunnel: false });
    proxies.set(proxyUrl, agent);
  }
  return agent;
}

export interface OutboundInit extends Omit<RequestInit, 'redirect' | 'dispatcher'> {
  readonly policy: OutboundPolicy;
  /** Whether a URL may be fetched: the first one and every redirect's target. @defaultValue the first URL's origin only */
  readonly allow?: (url: URL) => boolean;
  /** Redirects followed; beyond, the last redirect is returned as it is. @defaultValue 5 */
  readonly maxRedirects?: number;
  /** Told of each redirect before it is followed; may change the `headers` object passed in (cookies). */
  readonly onRedirect?: (response: Response, next: URL) => void;
  readonly proxyUrl?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * fetch with the address check and redirects followed only where `allow` says. Throws
 * OutboundRefused for a URL or redirect outside it; connection refusals (a private address)
 * surface as fetch's TypeError whose `cause` is the OutboundRefused.
 */
export async function outboundFetch(url: string | URL, init: OutboundInit): Promise<Response> {
  const { policy, allow, maxRedirects = 5, onRedirect, proxyUrl, ...request } = init;
  let current = new URL(url);
  const first = current.origin;
  const allowed = allow ?? ((u: URL) => u.origin === first);
  const dispatcher = proxyUrl ? proxyDispatcher(proxyUrl) : outboundDispatcher(policy);
  let method = request.method ?? 'GET';
  let body = request.body;
  for (let hop = 0; ; hop++) {
    if ((current.protocol !== 'http:' && current.protocol !== 'https:') || !allowed(current)) {
      throw new OutboundRefused(hop === 0 ? `not an allowed URL: ${current.href}` : `redirect to ${current.href} is off the allowed hosts`);
    }
    const response = await fetch(current, { ...request, method, body, redirect: 'manual', dispatcher });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || !location || hop >= maxRedirects) return response;
    await response.body?.cancel().catch(() => undefined);
    const next = new URL(location, current);
    // What browsers do: a 303 (and a 301/302 after a POST) becomes a GET without the body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    onRedirect?.(response, next);
    current = next;
  }
}

/** The OutboundRefused behind a failed fetch, if that is why it failed. */
export function outboundRefusal(error: unknown): OutboundRefused | undefined {
  if (error instanceof OutboundRefused) return error;
  return error instanceof Error && error.cause instanceof OutboundRefused ? error.cause : undefined;
}
