// The marketplaces' pushed offer changes: once turned on through the control API (PUT
// /__control/signals, with where to post and the key to sign with), the simulator looks, every
// `intervalMs`, at the products it has served lately (what a platform scraped or asked a price
// of) and sends a message for each whose price or stock moved since: Amazon's ANY_OFFER_CHANGED
// for the products its pages present as Amazon's, eBay's item notification for the others, both
// signed (HMAC-SHA256 of the body, header X-Signature). Its faults are the real ones: a message
// lost, delivered twice, late, after the next one, or badly signed.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { MarketCode, MARKETS } from '../../src/common/markets';
import type { SimProduct } from './catalog-generator';
import type { OfferState } from './offer-drift';
import type { SimulatorState } from './simulator-state';
import { hashKey, SeededRandom } from './seeded-random';

const Share = z.number().min(0).max(1);

export const SignalSettings = z.strictObject({
  /** The platform's base URL: messages go to {targetUrl}/api/signals/{sp-api|ebay}. */
  targetUrl: z.url({ protocol: /^https?$/ }),
  /** The key both sources sign with, at least 32 characters. */
  secret: z.string().min(32),
  intervalMs: z.int().min(50).max(60_000).default(1_000),
  /** Share of the products served lately that send their changes. */
  share: Share.default(1),
  /** The only products whose changes are sent (a subscription's filter); every product served when left out. */
  only: z
    .array(z.strictObject({ market: MarketCode, sourceId: z.string().min(1) }))
    .max(10_000)
    .optional(),
  /** Share of messages that carry the price; the others only say the offer changed. */
  withPriceShare: Share.default(0.9),
  faults: z
    .strictObject({
      lost: Share.default(0),
      duplicated: Share.default(0),
      delayed: Share.default(0),
      /** A delayed message arrives up to this much later. */
      delayMs: z.int().min(0).max(600_000).default(5_000),
      reordered: Share.default(0),
      badlySigned: Share.default(0),
    })
    .prefault({}),
});
export type SignalSettings = z.infer<typeof SignalSettings>;

/** The products watched per market at most: the oldest seen is forgotten first. */
const WATCHED_MAX = 20_000;
/** Products looked at per market per tick, in turn: a full look over 20,000 takes 10 ticks. */
const LOOKS_PER_TICK = 2_000;
const SEND_TIMEOUT_MS = 2_000;

interface Watched {
  /** The offer's last change already told (or seen when first served). */
  toldAtMs: number;
}

export interface SignalCounts {
  sent: number;
  lost: number;
  duplicated: number;
  delayed: number;
  reordered: number;
  badlySigned: number;
  /** Posts the platform did not answer with 2xx (or did not answer). */
  refused: number;
}

const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const euros = (cents: number) => Math.round(cents) / 100;

/** Amazon's ANY_OFFER_CHANGED notification for the offer as it stands (payload version 1.0). */
export function anyOfferChangedMessage(product: SimProduct, offer: OfferState, id: string, withPrice: boolean): unknown {
  const at = new Date(offer.updatedAtMs).toISOString();
  const price = { Amount: euros(offer.priceCents), CurrencyCode: 'EUR' };
  const shipping = { Amount: euros(offer.shippingCents), CurrencyCode: 'EUR' };
  const inStock = offer.availability === 'in_stock';
  return {
    NotificationVersion: '1.0',
    NotificationType: 'ANY_OFFER_CHANGED',
    PayloadVersion: '1.0',
    EventTime: at,
    Payload: {
      AnyOfferChangedNotification: {
        SellerId: 'A1SIMULATORSELLER',
        OfferChangeTrigger: {
          MarketplaceId: MARKETS[product.market].amazonMarketplaceId,
          ASIN: product.sourceId,
          ItemCondition: 'new',
          TimeOfOfferChange: at,
          OfferChangeType: 'External',
        },
        ...(withPrice && {
          Summary: {
            NumberOfOffers: [{ Condition: 'new', FulfillmentChannel: 'Merchant', OfferCount: inStock ? 1 : 0 }],
            ...(inStock && {
              BuyBoxPrices: [
                {
                  Condition: 'New',
                  LandedPrice: { Amount: euros(offer.priceCents + offer.shippingCents), CurrencyCode: 'EUR' },
                  ListingPrice: price,
                  Shipping: shipping,
                },
              ],
            }),
          },
        }),
      },
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sellerapps.app.simulator',
      SubscriptionId: 'simulator-any-offer-changed',
      PublishTime: new Date().toISOString(),
      NotificationId: id,
    },
  };
}

/** eBay's item notification (Notification API envelope) for the offer as it stands. */
export function ebayItemMessage(product: SimProduct, offer: OfferState, id: string, withPrice: boolean): unknown {
  const at = new Date(offer.updatedAtMs).toISOString();
  return {
    metadata: { topic: 'ITEM_PRICE_REVISION', schemaVersion: '1.0', deprecated: false },
    notification: {
      notificationId: id,
      eventDate: at,
      publishDate: new Date().toISOString(),
      publishAttemptCount: 1,
      data: {
        itemId: `v1|${product.sourceId}|0`,
        marketplaceId: MARKETS[product.market].ebayMarketplaceId,
        ...(withPrice && {
          price: { value: euros(offer.priceCents).toFixed(2), currency: 'EUR' },
          shippingCost: { value: euros(offer.shippingCents).toFixed(2), currency: 'EUR' },
          estimatedAvailabilityStatus: offer.availability === 'in_stock' ? 'IN_STOCK' : 'OUT_OF_STOCK',
        }),
      },
    },
  };
}

export class SignalSender {
  readonly counts: SignalCounts = { sent: 0, lost: 0, duplicated: 0, delayed: 0, reordered: 0, badlySigned: 0, refused: 0 };
  private settings: SignalSettings | null = null;
  private readonly watched = new Map<MarketCode, Map<number, Watched>>();
  private readonly cursors = new Map<MarketCode, IterableIterator<[number, Watched]>>();
  private held: (() => void) | null = null;
  private only: ReadonlySet<string> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private serial = 0;
  private readonly random: SeededRandom;

  constructor(
    private readonly state: SimulatorState,
    private readonly schedule: (run: () => void, delayMs: number) => void,
  ) {
    this.random = new SeededRandom(hashKey(state.settings.seed, 'signals'));
  }

  /** A product served: its changes from now on are sent. */
  watch(product: SimProduct, offer: OfferState): void {
    let market = this.watched.get(product.market);
    if (!market) this.watched.set(product.market, (market = new Map()));
    if (market.has(product.index)) return;
    market.set(product.index, { toldAtMs: offer.updatedAtMs });
    if (market.size > WATCHED_MAX) market.delete(market.keys().next().value as number);
  }

  get enabled(): SignalSettings | null {
    return this.settings;
  }

  start(settings: SignalSettings): void {
    this.stop();
    this.settings = settings;
    this.only = settings.only ? new Set(settings.only.map((p) => `${p.market}/${p.sourceId}`)) : null;
    this.timer = setInterval(() => this.tick(), settings.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.settings = null;
  }

  private tick(): void {
    const settings = this.settings;
    if (!settings) return;
    for (const [market, products] of this.watched) {
      let cursor = this.cursors.get(market) ?? products.entries();
      for (let looked = 0; looked < Math.min(LOOKS_PER_TICK, products.size); looked++) {
        let next = cursor.next();
        if (next.done) {
          cursor = products.entries();
          next = cursor.next();
          if (next.done) break;
        }
        const [index, watched] = next.value;
        if (hashKey(this.state.settings.seed, 'signal-share', market, index) / 0x1_0000_0000 >= settings.share) continue;
        const product = this.state.catalog.product(market, index);
        if (this.only && !this.only.has(`${market}/${product.sourceId}`)) continue;
        const offer = this.state.offer(product);
        if (offer.updatedAtMs <= watched.toldAtMs) continue;
        watched.toldAtMs = offer.updatedAtMs;
        this.send(settings, product, offer);
      }
      this.cursors.set(market, cursor);
    }
  }

  private send(settings: SignalSettings, product: SimProduct, offer: OfferState): void {
    const amazon = product.markup.template === 'amazon' || product.markup.template === 'amazon-legacy';
    const id = `sim-${product.market}-${product.index}-${offer.updatedAtMs}-${++this.serial}`;
    const withPrice = this.random.chance(settings.withPriceShare);
    const message = amazon ? anyOfferChangedMessage(product, offer, id, withPrice) : ebayItemMessage(product, offer, id, withPrice);
    const body = JSON.stringify(message);
    const { faults } = settings;
    if (this.random.chance(faults.lost)) {
      this.counts.lost++;
      return;
    }
    const badlySigned = this.random.chance(faults.badlySigned);
    if (badlySigned) this.counts.badlySigned++;
    const signature = signBody(badlySigned ? `${settings.secret}-not-ours` : settings.secret, body);
    const post = () => void this.post(`${settings.targetUrl}/api/signals/${amazon ? 'sp-api' : 'ebay'}`, body, signature);
    const deliver = () => {
      post();
      if (this.random.chance(faults.duplicated)) {
        this.counts.duplicated++;
        post();
      }
    };
    // A message held back goes after the next one sent.
    const release = this.held;
    this.held = null;
    if (this.random.chance(faults.reordered)) {
      this.counts.reordered++;
      this.held = deliver;
    } else if (this.random.chance(faults.delayed)) {
      this.counts.delayed++;
      this.schedule(deliver, this.random.int(1, Math.max(1, faults.delayMs)));
    } else {
      deliver();
    }
    release?.();
  }

  private async post(url: string, body: string, signature: string): Promise<void> {
    this.counts.sent++;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signature },
        body,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      if (!response.ok) this.counts.refused++;
    } catch {
      this.counts.refused++;
    }
  }
}
