// Redis side of the live price: the last failed refresh of a product, the publication of each
// refresh's outcome on `ds:price:{id}`, and the process's one subscriber connection that fans
// those messages out to every open page subscription.
import type { Redis } from 'ioredis';
import type { Product } from '../catalog';
import { queueCacheWrite } from '../catalog';
import { createRedis } from '../platform/redis';
import type { Runtime } from '../platform/runtime';
import { PriceEvent, RefreshFailureInfo } from './live-price.schema';
import { priceChannel, refreshFailureKey } from './live-price';
import { queueLatencySample, queueSourceCalls } from './refresh-latency.store';
import type { SourceCall } from './source-calls';

/** A failure is news while the price it left behind is still shown; the window bounds that. */
const FAILURE_TTL_S = 10 * 60;

/**
 * One round trip: the product to the cache (when the refresh changed it), the failure recorded
 * or cleared, the marketplace call's duration counted for the operations page, the event published. Published last, so a page that reads after the message
 * finds the cache already updated.
 */
export async function recordRefreshOutcome(
  redis: Redis,
  event: PriceEvent,
  product: Product | null,
  callDurationMs: number | null = null,
  calls: readonly SourceCall[] = [],
): Promise<void> {
  const pipeline = redis.pipeline();
  if (product) queueCacheWrite(pipeline, product);
  if (event.failure) pipeline.set(refreshFailureKey(event.productId), JSON.stringify(event.failure), 'EX', FAILURE_TTL_S);
  else pipeline.del(refreshFailureKey(event.productId));
  if (callDurationMs !== null) queueLatencySample(pipeline, callDurationMs, new Date(event.publishedAt));
  queueSourceCalls(pipeline, calls, new Date(event.publishedAt));
  pipeline.publish(priceChannel(event.productId), JSON.stringify(event));
  const results = await pipeline.exec();
  const failed = results?.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
}

export function decodeRefreshFailure(json: string | null): RefreshFailureInfo | null {
  if (json === null) return null;
  try {
    const parsed = RefreshFailureInfo.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type Listener = (event: PriceEvent) => void;

/**
 * Every page subscription of this process shares one Redis subscriber connection: a channel
 * is subscribed when its first listener arrives and unsubscribed when its last one leaves.
 */
export class PriceEventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly subscriber: Redis) {
    subscriber.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      let event: PriceEvent;
      try {
        const parsed = PriceEvent.safeParse(JSON.parse(message));
        if (!parsed.success) return;
        event = parsed.data;
      } catch {
        return;
      }
      for (const listener of set) listener(event);
    });
  }

  /** Resolves once Redis has confirmed the subscription, so nothing published after it is missed. */
  async listen(productId: string, listener: Listener): Promise<() => void> {
    const channel = priceChannel(productId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    await this.subscriber.subscribe(channel);
    return () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        void this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  get channelCount(): number {
    return this.listeners.size;
  }

  close(): void {
    this.subscriber.disconnect();
  }
}

const hubs = new WeakMap<Runtime, PriceEventHub>();

export function priceEventHub(rt: Runtime): PriceEventHub {
  let hub = hubs.get(rt);
  if (!hub) {
    // No command timeout: a subscriber connection waits for messages, not answers.
    hub = new PriceEventHub(
      createRedis(
        { url: rt.config.REDIS_URL, timeoutMs: rt.config.REDIS_TIMEOUT_MS, name: 'price-events' },
        { commandTimeout: undefined, lazyConnect: false },
      ),
    );
    hubs.set(rt, hub);
  }
  return hub;
}

export function closePriceEventHub(rt: Runtime): void {
  hubs.get(rt)?.close();
  hubs.delete(rt);
}

/**
 * A product's events as an async iterable that ends when `signal` aborts. Events are buffered
 * between reads, so a slow consumer misses none.
 */
export async function listenForPriceEvents(
  hub: PriceEventHub,
  productId: string,
  signal: AbortSignal,
): Promise<AsyncGenerator<PriceEvent>> {
  const buffer: PriceEvent[] = [];
  let wake: (() => void) | null = null;
  const stop = await hub.listen(productId, (event) => {
    buffer.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  async function* events(): AsyncGenerator<PriceEvent> {
    try {
      while (!signal.aborted) {
        const next = buffer.shift();
        if (next) {
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    } finally {
      stop();
      signal.removeEventListener('abort', onAbort);
    }
  }
  return events();
}
