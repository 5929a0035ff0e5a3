// The HTTP calls to a marketplace's supplier order API: place an order under an idempotency key
// (`POST {base}/api/supplier/orders`) and read one back (`GET {base}/api/supplier/orders/{id}`).
// Every call has a time limit. A failure becomes a SupplierCallError whose `retryable` says, in
// this one place, whether calling again may help (timeouts, network, 429, 5xx) or not (refusals).
import type { RequestInit, Response } from 'undici';
import { z } from 'zod';
import { Cents } from '../../common/money';
import { outboundFetch, outboundRefusal, type OutboundPolicy } from '../platform/outbound';

export const SupplierOrder = z.object({
  id: z.string().min(1),
  status: z.enum(['accepted', 'shipped', 'delivered', 'failed']),
  totalCents: Cents.nonnegative(),
  failureReason: z.string().nullable(),
  tracking: z.object({ carrier: z.string(), number: z.string() }).nullable(),
});
export type SupplierOrder = z.infer<typeof SupplierOrder>;

export interface PlaceSupplierOrder {
  readonly sourceId: string;
  readonly quantity: number;
  readonly expectedPriceCents: number;
  readonly shipTo: {
    readonly country: string;
    readonly name: string;
    readonly line1: string;
    readonly postalCode: string;
    readonly city: string;
  };
}

export type SupplierCallFailure = 'timeout' | 'network' | 'unavailable' | 'refused' | 'invalid-answer';

export class SupplierCallError extends Error {
  constructor(
    readonly kind: SupplierCallFailure,
    detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'SupplierCallError';
  }

  /** A refusal or a nonsensical answer will be the same next time; the others may not. */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'network' || this.kind === 'unavailable';
  }
}

function endpoint(baseUrl: string, path: string): URL {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/** The call connects only to the configured marketplace (`outbound`), and follows redirects only within it. */
async function call(url: URL, init: RequestInit, timeoutMs: number, outbound: OutboundPolicy): Promise<SupplierOrder> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await outboundFetch(url, { ...init, policy: outbound, signal });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw new SupplierCallError('timeout', `no answer from ${url.host} within ${timeoutMs} ms`);
    // Refused by the outbound guard: the same next time.
    const refused = outboundRefusal(error);
    if (refused) throw new SupplierCallError('refused', refused.message);
    throw new SupplierCallError(
      'network',
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
    );
  }
  if (response.status === 429 || response.status >= 500)
    throw new SupplierCallError('unavailable', `${url.host} answered ${response.status}`);
  if (!response.ok) {
    const message = /"message"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? /"error"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 200);
    throw new SupplierCallError('refused', `${url.host} answered ${response.status}: ${message}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A cut answer may follow a placed order: calling again with the same key gets it back.
    throw new SupplierCallError('unavailable', `${url.host} answered something that is not JSON`);
  }
  const parsed = SupplierOrder.safeParse(body);
  if (!parsed.success) throw new SupplierCallError('invalid-answer', z.prettifyError(parsed.error));
  return parsed.data;
}

export function placeSupplierOrder(
  baseUrl: string,
  idempotencyKey: string,
  order: PlaceSupplierOrder,
  timeoutMs: number,
  outbound: OutboundPolicy,
): Promise<SupplierOrder> {
  return call(
    endpoint(baseUrl, 'api/supplier/orders'),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(order),
    },
    timeoutMs,
    outbound,
  );
}

export function readSupplierOrder(
  baseUrl: string,
  supplierOrderId: string,
  timeoutMs: number,
  outbound: OutboundPolicy,
): Promise<SupplierOrder> {
  return call(
    endpoint(baseUrl, `api/supplier/orders/${encodeURIComponent(supplierOrderId)}`),
    { headers: { accept: 'application/json' } },
    timeoutMs,
    outbound,
  );
}
