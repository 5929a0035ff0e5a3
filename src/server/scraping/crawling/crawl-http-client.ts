// Crawlee's HTTP client for our crawls: every page fetched through the outbound guard (the
// address checked when the socket opens) and redirects followed only within the site's hosts.
// Crawlee's default client (got-scraping) opens sockets of its own, for TLS protocol probes
// among others, where no address check can reach, so it is replaced rather than configured.
import { Readable } from 'node:stream';
import {
  NonRetryableError,
  type BaseHttpClient,
  type HttpRequest,
  type HttpResponse,
  type RedirectHandler,
  type ResponseTypes,
  type StreamingHttpResponse,
} from '@crawlee/cheerio';
import type { Response } from 'undici';
import { outboundFetch, outboundRefusal, type OutboundPolicy } from '../../platform/outbound';

type Headers = Record<string, string | string[] | undefined>;

/** What a refused fetch is recorded as: a crawl step off the site, never retried. */
export const OFF_SITE = 'off_site';

/** Sent unless the crawl sets its own: what a desktop browser asks for. */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'it,fr;q=0.9,de;q=0.8,es;q=0.7,en;q=0.5',
};

function plainHeaders(response: Response): Headers {
  const out: Headers = {};
  for (const [name, value] of response.headers) if (name !== 'set-cookie') out[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  return out;
}

function requestHeaders(headers: HttpRequest['headers']): Record<string, string> {
  const out: Record<string, string> = { ...BROWSER_HEADERS };
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class ConfinedHttpClient implements BaseHttpClient {
  constructor(
    private readonly policy: OutboundPolicy,
    /** Whether a URL is the site's: the first one and every redirect's target. */
    private readonly allow: (url: URL) => boolean,
  ) {}

  async stream(request: HttpRequest, onRedirect?: RedirectHandler): Promise<StreamingHttpResponse> {
    const headers = requestHeaders(request.headers);
    const timeoutMs = request.timeout && 'request' in request.timeout ? request.timeout.request : undefined;
    const signal = AbortSignal.any(
      [request.signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined),
    );
    const redirectUrls: URL[] = [];
    let response: Response;
    try {
      response = await outboundFetch(request.url, {
        policy: this.policy,
        allow: this.allow,
        maxRedirects: request.maxRedirects ?? 10,
        method: request.method?.toUpperCase() ?? 'GET',
        // The same object at every hop: Crawlee's redirect handler puts the session's cookies in it.
        headers,
        body: typeof request.body === 'string' || Buffer.isBuffer(request.body) ? request.body : undefined,
        signal,
        proxyUrl: request.proxyUrl,
        onRedirect: (from, next) => {
          redirectUrls.push(next);
          onRedirect?.(
            { redirectUrls, url: from.url, statusCode: from.status, headers: plainHeaders(from), trailers: {}, complete: true },
            { url: next, headers },
          );
        },
      });
    } catch (error) {
      const refused = outboundRefusal(error);
      if (refused) throw new NonRetryableError(`${OFF_SITE}: ${refused.message}`);
      throw error;
    }
    const stream = response.body ? Readable.fromWeb(response.body) : Readable.from([]);
    const result: StreamingHttpResponse = {
      stream,
      request,
      redirectUrls,
      url: response.url,
      statusCode: response.status,
      statusMessage: response.statusText,
      headers: plainHeaders(response),
      trailers: {},
      complete: false,
      downloadProgress: { percent: 0, transferred: 0 },
      uploadProgress: { percent: 1, transferred: 0 },
    };
    stream.on('end', () => (result.complete = true));
    return result;
  }

  async sendRequest<T extends keyof ResponseTypes = 'text'>(request: HttpRequest<T>): Promise<HttpResponse<T>> {
    const { stream, ...rest } = await this.stream(request as HttpRequest);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    const bytes = Buffer.concat(chunks);
    const type = request.responseType ?? 'text';
    const body = type === 'buffer' ? bytes : type === 'json' ? JSON.parse(bytes.toString('utf8')) : bytes.toString('utf8');
    return { ...rest, complete: true, request, body } as HttpResponse<T>;
  }
}
