// What the SP-API and eBay stand-ins (sp-api.ts, ebay-browse-api.ts) share: the access tokens
// they issue, Amazon's throttling, reading a form or JSON body, money on the wire, and answering
// a call with the faults of the market it names, as the shops answer their own offer API (a
// call is counted as that market's `offer` route, may hang, wait, fail or come back damaged).
// The simulator's shops are the only catalog these stand-ins know, so the ASINs and eBay item ids
// they accept are the shops' own source ids.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MarketCode } from '../../src/common/markets';
import { decideFaults, type ErrorFault, type FaultDecision } from './faults';
import { damage, readBody, send, sendInternalError, type Reply } from './shop-routes';
import type { SimulatorState } from './simulator-state';

export interface PartnerContext {
  readonly state: SimulatorState;
  /** Each market's shop, for the product URLs an API names. */
  readonly urls: Readonly<Record<MarketCode, string>>;
  /** setTimeout that the simulator can cancel all at once when it stops. */
  readonly schedule: (run: () => void, delayMs: number) => void;
  readonly partnerApis: PartnerApis;
}

export type TokenCheck = { readonly clientId: string } | { readonly refused: 'unknown' | 'expired' };

/**
 * The OAuth side of one service: client ids with their secret, and the access tokens issued to
 * them. Any client id is welcome; its first secret is its secret from then on, so a client
 * presenting another one is refused as a real service refuses a wrong secret. Tokens expire on
 * the simulator's clock, so a test can move it past their lifetime.
 */
export class AccessTokens {
  /** How many tokens were issued since the start. */
  issued = 0;
  private readonly secrets = new Map<string, string>();
  private readonly tokens = new Map<string, { readonly clientId: string; readonly expiresAtMs: number }>();

  constructor(
    private readonly prefix: string,
    readonly lifetimeSeconds: number,
  ) {}

  authenticates(clientId: string, secret: string): boolean {
    if (clientId === '' || secret === '') return false;
    const known = this.secrets.get(clientId);
    if (known === undefined) this.secrets.set(clientId, secret);
    return known === undefined || known === secret;
  }

  issue(clientId: string, nowMs: number): string {
    // Tokens are forgotten a lifetime after they expired, so that a long run keeps few: until
    // then, a client using one is told it expired rather than that it was never issued.
    for (const [token, grant] of this.tokens) if (grant.expiresAtMs + this.lifetimeSeconds * 1000 <= nowMs) this.tokens.delete(token);
    const token = `${this.prefix}${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { clientId, expiresAtMs: nowMs + this.lifetimeSeconds * 1000 });
    this.issued += 1;
    return token;
  }

  /** The client a live token was issued to, or why the token is refused. */
  check(token: string | undefined, nowMs: number): TokenCheck {
    const grant = token === undefined ? undefined : this.tokens.get(token);
    if (!grant) return { refused: 'unknown' };
    return grant.expiresAtMs > nowMs ? { clientId: grant.clientId } : { refused: 'expired' };
  }
}

/** An operation's usage plan as Amazon publishes it: requests per second, and how many may come at once. */
export interface UsagePlan {
  readonly operation: string;
  readonly rate: number;
  readonly burst: number;
}

/**
 * Token buckets, one per key (selling account and operation), on the host's clock: a quota is
 * real time, whatever the simulator's clock says. A refused call takes nothing from its bucket.
 */
export class Throttle {
  /** Calls refused since the start. */
  refused = 0;
  private readonly buckets = new Map<string, { readonly tokens: number; readonly atMs: number }>();

  take(key: string, plan: UsagePlan): boolean {
    const now = performance.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(plan.burst, bucket.tokens + ((now - bucket.atMs) / 1000) * plan.rate) : plan.burst;
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, atMs: now });
    if (!allowed) this.refused += 1;
    return allowed;
  }
}

/** What the partner API stand-ins remember between calls; a control API reset leaves it alone, as it would a real service. */
export class PartnerApis {
  /** Login with Amazon: access tokens live an hour. */
  readonly lwaTokens = new AccessTokens('Atza|', 3600);
  /** eBay application tokens (client credentials) live two hours. */
  readonly ebayTokens = new AccessTokens('v^1.1#i^1#p^1#r^0#', 7200);
  readonly spApiThrottle = new Throttle();
  /** getItemOffersBatch calls admitted: how a client shows it batches. */
  spApiBatches = 0;
  /** Browse calls per simulated UTC day and app: eBay's allowance is per app and day (5,000), not enforced here. */
  readonly ebayBrowseCalls = new Map<string, Map<string, number>>();

  countBrowseCall(appId: string, nowMs: number): void {
    const day = new Date(nowMs).toISOString().slice(0, 10);
    const apps = this.ebayBrowseCalls.get(day) ?? new Map<string, number>();
    apps.set(appId, (apps.get(appId) ?? 0) + 1);
    this.ebayBrowseCalls.set(day, apps);
  }

  toJSON(): unknown {
    return {
      lwaTokens: this.lwaTokens.issued,
      ebayTokens: this.ebayTokens.issued,
      spApiThrottled: this.spApiThrottle.refused,
      spApiBatches: this.spApiBatches,
      ebayBrowseCalls: Object.fromEntries([...this.ebayBrowseCalls].map(([day, apps]) => [day, Object.fromEntries(apps)])),
    };
  }
}

/** SP-API's amounts are JSON numbers (12.34), eBay's decimal strings ("12.34"); both exact from integer cents. */
export const amountOf = (cents: number): number => cents / 100;
export const decimalOf = (cents: number): string => (cents / 100).toFixed(2);

/**
 * The fields of a form (what OAuth clients send) or of a JSON object; null when the body is too
 * large, or says it is JSON and is not a JSON object.
 */
export async function readFields(req: IncomingMessage): Promise<Readonly<Record<string, unknown>> | null> {
  const body = await readBody(req);
  if (body === null) return null;
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
    return Object.fromEntries(new URLSearchParams(body));
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A header's value; the first, for the few headers node keeps as a list. */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A call that reached a market: its answer meets that market's offer faults. */
export interface MarketCall {
  readonly faults: FaultDecision;
  /** Built when the answer goes out, after any latency, so that it shows the offer at that time. */
  readonly respond: () => Reply;
}

/** A call answered at once (refused, throttled, malformed), or one that reached a market. */
export type PartnerOutcome = Reply | MarketCall;

/** Counts a call in the market's `offer` route under `path` and rolls its faults, as a shop does for its offer API. */
export function marketFaults(ctx: PartnerContext, market: MarketCode, path: string, productIndex?: number): FaultDecision {
  ctx.state.counts[market].record('offer', path);
  return decideFaults(ctx.state.faultsFor(market, 'offer', productIndex), ctx.state.random);
}

/**
 * The faults a batch meets as a whole: it hangs if a part hangs, answers when its slowest part
 * does and comes back damaged if a part would; errors stay with their parts.
 */
export function batchFaults(parts: readonly FaultDecision[]): FaultDecision {
  return {
    hang: parts.some((p) => p.hang),
    delayMs: Math.max(0, ...parts.map((p) => p.delayMs)),
    error: null,
    content: parts.find((p) => p.content === 'truncated' || p.content === 'malformed')?.content ?? null,
    elsewhere: null,
  };
}

/**
 * Writes the outcome with its faults: no answer for a hang, the answer after the latency, the
 * API's own error for an error fault, a truncated or malformed body. A captcha, hostile content
 * or a redirect elsewhere are what shops' pages do, not what these APIs do, so they are ignored.
 */
export function answer(
  ctx: PartnerContext,
  res: ServerResponse,
  arrivedAt: number,
  outcome: PartnerOutcome,
  errorReply: (error: ErrorFault) => Reply,
): void {
  if (!('faults' in outcome)) {
    send(res, outcome, arrivedAt);
    return;
  }
  const { faults, respond } = outcome;
  if (faults.hang) return;
  const write = () => {
    try {
      if (faults.error) send(res, errorReply(faults.error), arrivedAt);
      else {
        const reply = respond();
        send(res, faults.content === 'truncated' || faults.content === 'malformed' ? damage(reply, faults.content) : reply, arrivedAt);
      }
    } catch (error) {
      // Perhaps in a timer, where nothing else would catch it.
      sendInternalError(res, error);
    }
  };
  if (faults.delayMs > 0) ctx.schedule(write, faults.delayMs);
  else write();
}
