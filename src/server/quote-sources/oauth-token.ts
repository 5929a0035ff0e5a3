// An OAuth 2 access token kept for as long as it lives: asked at a token endpoint with a form
// (Login with Amazon's refresh-token exchange), reused until shortly before it expires, asked
// once however many calls wait for it. The form holds credentials: it is sent, never logged.
import { z } from 'zod';
import { outboundFetch, type OutboundPolicy } from '../platform/outbound';
import { OfferCallError } from '../pricing';

export interface TokenEndpoint {
  readonly url: string;
  readonly form: Readonly<Record<string, string>>;
  readonly policy: OutboundPolicy;
  readonly timeoutMs: number;
}

/** The endpoint refused the credentials: a configuration to fix, not an outage. */
export class TokenRefused extends Error {
  override readonly name = 'TokenRefused';
}

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const TokenError = z.object({ error: z.string(), error_description: z.string().optional() });

/** Renewed this long before it expires, so a call never leaves with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

export interface OAuthTokens {
  get(signal: AbortSignal): Promise<string>;
  /** Forgets a token the API refused, so the next `get` asks for a new one. */
  drop(token: string): void;
}

export function oauthTokens(endpoint: TokenEndpoint, now: () => number = Date.now): OAuthTokens {
  let held: { token: string; expiresAtMs: number } | null = null;
  let pending: Promise<string> | null = null;

  const ask = async (): Promise<string> => {
    const response = await outboundFetch(endpoint.url, {
      policy: endpoint.policy,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(endpoint.form).toString(),
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    }).catch((error: unknown) => {
      throw new OfferCallError('network', `token endpoint ${new URL(endpoint.url).host}: ${(error as Error).message}`);
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 400 || response.status === 401) {
      const refused = TokenError.safeParse(body);
      throw new TokenRefused(
        refused.success ? `${refused.data.error}: ${refused.data.error_description ?? ''}`.trim() : `${response.status}`,
      );
    }
    if (!response.ok) throw new OfferCallError('http-error', `token endpoint answered ${response.status}`);
    const answer = TokenAnswer.safeParse(body);
    if (!answer.success) throw new OfferCallError('invalid-answer', 'the token endpoint answered no access token');
    held = { token: answer.data.access_token, expiresAtMs: now() + answer.data.expires_in * 1000 - EXPIRY_MARGIN_MS };
    return held.token;
  };

  return {
    async get(signal) {
      if (held && now() < held.expiresAtMs) return held.token;
      pending ??= ask().finally(() => {
        pending = null;
      });
      // The shared request runs to its own end; this caller stops waiting when its budget does.
      return untilAborted(pending, signal, () => new OfferCallError('timeout', 'no access token within the time budget'));
    },
    drop(token) {
      if (held?.token === token) held = null;
    },
  };
}

/** `shared`'s outcome, unless `signal` ends first: then `aborted()`'s error, and `shared` goes on for the others. */
export function untilAborted<T>(shared: Promise<T>, signal: AbortSignal, aborted: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
