// An axios instance whose every request goes through outboundFetch: the client libraries of the
// partner APIs (Amazon's SP-API, eBay's) speak axios, and this is how their calls get the same
// address checks, redirect rules and abort signals as ours, and a time limit even where the
// library sets none (its token requests). `rewrite` points a library whose hosts are written
// into it (eBay's) at the configured base URL instead.
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { outboundFetch, type OutboundPolicy } from './outbound';

export interface OutboundAxiosOptions {
  readonly policy: OutboundPolicy;
  /** Every request ends by then, whatever signal the library passes or does not. */
  readonly timeoutMs: number;
  /** The URL actually fetched for the one the library built. @defaultValue the same URL */
  readonly rewrite?: (url: URL) => URL;
}

function requestBody(config: InternalAxiosRequestConfig): string | Uint8Array | undefined {
  const { data } = config;
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  // transformRequest has serialised JSON and forms already; anything else is a library's bug.
  throw new TypeError(`outbound axios sends text or bytes, not ${Object.prototype.toString.call(data)}`);
}

/** For a library that builds its own axios instance from a config (eBay's AxiosRequest). */
export function outboundAdapter(options: OutboundAxiosOptions): AxiosAdapter {
  return async (config) => {
    const url = new URL(axios.getUri(config));
    const target = options.rewrite ? options.rewrite(url) : url;
    const headers = AxiosHeaders.from(config.headers).toJSON(true) as Record<string, string>;
    // What axios's own adapters do with `auth` (eBay's token request sends its credentials so).
    if (config.auth)
      headers['Authorization'] = `Basic ${Buffer.from(`${config.auth.username}:${config.auth.password}`).toString('base64')}`;
    const limit = AbortSignal.timeout(options.timeoutMs);
    const given = config.signal as AbortSignal | undefined;
    const signal = given ? AbortSignal.any([given, limit]) : limit;
    let response;
    let data: string;
    try {
      response = await outboundFetch(target, {
        policy: options.policy,
        method: (config.method ?? 'get').toUpperCase(),
        headers,
        body: requestBody(config),
        signal,
      });
      data = await response.text();
    } catch (error) {
      const code = signal.aborted ? (limit.aborted ? AxiosError.ETIMEDOUT : AxiosError.ERR_CANCELED) : AxiosError.ERR_NETWORK;
      throw AxiosError.from(error as Error, code, config);
    }
    const answer = {
      data,
      status: response.status,
      statusText: response.statusText,
      headers: AxiosHeaders.from(Object.fromEntries(response.headers)),
      config,
      request: { url: target.href },
    };
    const valid = config.validateStatus ?? ((status: number) => status >= 200 && status < 300);
    if (!valid(response.status)) {
      const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
      throw new AxiosError(`Request failed with status code ${response.status}`, code, config, answer.request, answer);
    }
    return answer;
  };
}

export function outboundAxios(options: OutboundAxiosOptions): AxiosInstance {
  return axios.create({ adapter: outboundAdapter(options) });
}
