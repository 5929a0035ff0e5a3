// What the marketplaces push, read into one shape. Pure.
//
// - `sp-api`: Amazon's ANY_OFFER_CHANGED notification (Notifications API, payload version 1.0),
//   which Amazon delivers through a queue: the buy box's price when there is one, else the lowest
//   new offer's; an item with no offer left is out of stock at its last price.
// - `ebay`: an eBay Notification API message (`metadata` + `notification`) on the
//   ITEM_PRICE_REVISION topic, modelled on eBay's envelope: the item, its marketplace, and its new
//   price when the message carries one.
// A message that says the offer changed without a price in it becomes a signal without a quote:
// the refresher then asks the price itself.
import { z } from 'zod';
import { MARKET_CODES, MarketCode, MARKETS } from '../../common/markets';
import { Availability, PUSH_CHANNELS, type PushChannel } from '../catalog';
import { AmazonMoney, cents, EBAY_AVAILABILITY, EbayMoney, foreignCurrency, landed } from '../quote-sources';

/** A signal's source is the channel it came over (declared with the offer it is about). */
export const SIGNAL_SOURCES = PUSH_CHANNELS;
export type SignalSource = PushChannel;

export const SignalQuote = z.object({
  /** Null for an item no longer offered: it is out of stock at its last price. */
  priceCents: z.number().int().nonnegative().nullable(),
  shippingCents: z.number().int().nonnegative().nullable(),
  availability: Availability,
});
export type SignalQuote = z.infer<typeof SignalQuote>;

/** A message read: what the route queues and the refresher applies. */
export const PriceSignal = z.object({
  /** The marketplace's id of the message: a message delivered twice has the same. */
  id: z.string().min(1).max(200),
  source: z.enum(SIGNAL_SOURCES),
  market: MarketCode,
  /** The offer's id at the marketplace: an ASIN, an eBay item's legacy id. */
  sourceId: z.string().min(1).max(100),
  /** When the marketplace says the offer changed: what orders two signals of one offer. */
  offerAt: z.iso.datetime(),
  /** Null when the message does not say the price. */
  quote: SignalQuote.nullable(),
});
export type PriceSignal = z.infer<typeof PriceSignal>;

const AmazonPrice = z.object({
  Condition: z.string(),
  LandedPrice: AmazonMoney.optional(),
  ListingPrice: AmazonMoney,
  Shipping: AmazonMoney.optional(),
});
const AnyOfferChanged = z.object({
  NotificationType: z.literal('ANY_OFFER_CHANGED'),
  Payload: z.object({
    AnyOfferChangedNotification: z.object({
      OfferChangeTrigger: z.object({
        MarketplaceId: z.string(),
        ASIN: z.string().regex(/^[A-Z0-9]{10}$/, 'expected a 10-character ASIN'),
        ItemCondition: z.string().optional(),
        TimeOfOfferChange: z.iso.datetime({ offset: true }),
      }),
      Summary: z
        .object({
          NumberOfOffers: z.array(z.object({ Condition: z.string(), OfferCount: z.number().int().nonnegative() })).optional(),
          BuyBoxPrices: z.array(AmazonPrice).optional(),
          LowestPrices: z.array(AmazonPrice).optional(),
        })
        .optional(),
    }),
  }),
  NotificationMetadata: z.object({ NotificationId: z.string().min(1).max(200) }),
});

const EbayPriceRevision = z.object({
  metadata: z.object({ topic: z.literal('ITEM_PRICE_REVISION') }),
  notification: z.object({
    notificationId: z.string().min(1).max(200),
    eventDate: z.iso.datetime({ offset: true }),
    data: z.object({
      itemId: z.string().regex(/^v1\|[^|]+\|\d+$/, 'expected a Browse item id such as v1|110012345678|0'),
      marketplaceId: z.string(),
      price: EbayMoney.optional(),
      shippingCost: EbayMoney.optional(),
      estimatedAvailabilityStatus: z.enum(['IN_STOCK', 'LIMITED_STOCK', 'OUT_OF_STOCK']).optional(),
    }),
  }),
});

const marketOf = (key: 'amazonMarketplaceId' | 'ebayMarketplaceId', id: string) => MARKET_CODES.find((m) => MARKETS[m][key] === id);

/** The price a shopper on Amazon would pay: the buy box's, else the lowest new offer's (landed). */
function amazonQuote(
  summary: z.infer<typeof AnyOfferChanged>['Payload']['AnyOfferChangedNotification']['Summary'],
): SignalQuote | null | string {
  if (!summary) return null;
  const isNew = (p: z.infer<typeof AmazonPrice>) => p.Condition.toLowerCase() === 'new';
  const lowest = summary.LowestPrices?.filter(isNew).reduce<z.infer<typeof AmazonPrice> | undefined>(
    (low, p) => (!low || landed(p) < landed(low) ? p : low),
    undefined,
  );
  const chosen = summary.BuyBoxPrices?.find(isNew) ?? lowest;
  if (!chosen) {
    const offers = summary.NumberOfOffers?.filter((n) => n.Condition.toLowerCase() === 'new').reduce((sum, n) => sum + n.OfferCount, 0);
    // No offer left at all: sold out. No count either: the message does not say.
    return offers === 0 ? { priceCents: null, shippingCents: null, availability: 'out_of_stock' } : null;
  }
  const foreign = foreignCurrency(chosen.ListingPrice.CurrencyCode, chosen.Shipping?.CurrencyCode);
  if (foreign) return `priced in ${foreign}, not EUR`;
  return {
    priceCents: cents(chosen.ListingPrice.Amount),
    shippingCents: chosen.Shipping ? cents(chosen.Shipping.Amount) : null,
    availability: 'in_stock',
  };
}

/** The signal, or why the message is not one (a 400's text: it names the field). */
export function readSignal(source: SignalSource, body: unknown): PriceSignal | string {
  if (source === 'sp-api') {
    const parsed = AnyOfferChanged.safeParse(body);
    if (!parsed.success) return `not an ANY_OFFER_CHANGED notification: ${z.prettifyError(parsed.error)}`;
    const { OfferChangeTrigger: trigger, Summary: summary } = parsed.data.Payload.AnyOfferChangedNotification;
    const market = marketOf('amazonMarketplaceId', trigger.MarketplaceId);
    if (!market) return `MarketplaceId ${trigger.MarketplaceId} is none of our markets'`;
    const quote = amazonQuote(summary);
    if (typeof quote === 'string') return quote;
    return {
      id: parsed.data.NotificationMetadata.NotificationId,
      source,
      market,
      sourceId: trigger.ASIN,
      offerAt: new Date(trigger.TimeOfOfferChange).toISOString(),
      quote,
    };
  }
  const parsed = EbayPriceRevision.safeParse(body);
  if (!parsed.success) return `not an ITEM_PRICE_REVISION notification: ${z.prettifyError(parsed.error)}`;
  const { notificationId, eventDate, data } = parsed.data.notification;
  const market = marketOf('ebayMarketplaceId', data.marketplaceId);
  if (!market) return `marketplaceId ${data.marketplaceId} is none of our markets'`;
  const foreign = foreignCurrency(data.price?.currency, data.shippingCost?.currency);
  if (foreign) return `priced in ${foreign}, not EUR`;
  const status = data.estimatedAvailabilityStatus;
  return {
    id: notificationId,
    source,
    market,
    sourceId: data.itemId.split('|')[1]!,
    offerAt: new Date(eventDate).toISOString(),
    quote: data.price
      ? {
          priceCents: cents(Number(data.price.value)),
          shippingCents: data.shippingCost ? cents(Number(data.shippingCost.value)) : null,
          availability: (status && EBAY_AVAILABILITY[status]) || 'in_stock',
        }
      : null,
  };
}
