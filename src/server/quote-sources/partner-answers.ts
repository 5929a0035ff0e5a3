// What the partner APIs' answers mean for our offer, pure. Amounts arrive as decimal euros (a
// number from Amazon, a string from eBay) and become integer cents; anything else is refused.
// SP-API getItemOffers: the price is the buy box's, as a shopper on Amazon would pay it, else the
// lowest landed offer's; an item with no buyable offer is out of stock at its last price.
// eBay Browse getItem: the item's price, its first shipping option, its estimated availability.
import { z } from 'zod';
import type { Offer } from '../catalog';
import { OfferCallError, type OfferQuote } from '../pricing';

/** Amazon's money on the wire, and eBay's: shared with the offer notifications both push (price-signals). */
export const AmazonMoney = z.object({ CurrencyCode: z.string(), Amount: z.number().nonnegative() });
const OfferDetail = z.object({
  ListingPrice: AmazonMoney,
  Shipping: AmazonMoney.optional(),
  IsBuyBoxWinner: z.boolean().optional(),
});
const GetOffersResponse = z.object({
  payload: z.object({
    status: z.string(),
    Offers: z.array(OfferDetail),
  }),
});
const ErrorList = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string() })).min(1) });

export const cents = (amount: number) => Math.round(amount * 100);
/** Our shops sell in euros: the first amount in another currency, if any. */
export const foreignCurrency = (...codes: (string | undefined)[]) => codes.find((c) => c !== undefined && c !== 'EUR');
type AmazonMoney = z.infer<typeof AmazonMoney>;
/** What an Amazon offer costs delivered: its price and its shipping. */
export const landed = (o: { readonly ListingPrice: AmazonMoney; readonly Shipping?: AmazonMoney | undefined }) =>
  cents(o.ListingPrice.Amount) + cents(o.Shipping?.Amount ?? 0);

/** The quote, or why the answer is not one. */
export function spApiAnswer(body: unknown, offer: Offer): Omit<OfferQuote, 'source'> | string {
  const parsed = GetOffersResponse.safeParse(body);
  if (!parsed.success) return `not an offers answer (${z.prettifyError(parsed.error)})`;
  const { status, Offers } = parsed.data.payload;
  if (status !== 'Success' || Offers.length === 0)
    return { priceCents: offer.price.amountCents, shippingCents: offer.shipping?.amountCents ?? null, availability: 'out_of_stock' };
  const chosen = Offers.find((o) => o.IsBuyBoxWinner) ?? Offers.reduce((low, o) => (landed(o) < landed(low) ? o : low));
  const foreign = foreignCurrency(chosen.ListingPrice.CurrencyCode, chosen.Shipping?.CurrencyCode);
  if (foreign) return `priced in ${foreign}, not EUR`;
  return {
    priceCents: cents(chosen.ListingPrice.Amount),
    shippingCents: chosen.Shipping ? cents(chosen.Shipping.Amount) : null,
    availability: 'in_stock',
  };
}

/** `: QuotaExceeded You exceeded …` from an SP-API error body, or nothing. */
export function spApiErrorText(body: unknown): string {
  const parsed = ErrorList.safeParse(body);
  return parsed.success ? `: ${parsed.data.errors[0]!.code} ${parsed.data.errors[0]!.message}` : '';
}

const Decimal = z.string().regex(/^\d+(?:\.\d{1,2})?$/, 'expected an amount such as 12.34');
export const EbayMoney = z.object({ value: Decimal, currency: z.string() });
const EbayItem = z.object({
  price: EbayMoney,
  shippingOptions: z.array(z.object({ shippingCost: EbayMoney.optional() })).optional(),
  estimatedAvailabilities: z.array(z.object({ estimatedAvailabilityStatus: z.string() })).optional(),
});
/** eBay's words for availability; LIMITED_STOCK is still for sale. */
export const EBAY_AVAILABILITY: Readonly<Record<string, Offer['availability']>> = {
  IN_STOCK: 'in_stock',
  LIMITED_STOCK: 'in_stock',
  OUT_OF_STOCK: 'out_of_stock',
};

export function ebayItemAnswer(body: unknown): Omit<OfferQuote, 'source'> | string {
  const parsed = EbayItem.safeParse(body);
  if (!parsed.success) return `not an item (${z.prettifyError(parsed.error)})`;
  const { price, shippingOptions, estimatedAvailabilities } = parsed.data;
  const shipping = shippingOptions?.[0]?.shippingCost;
  const foreign = foreignCurrency(price.currency, shipping?.currency);
  if (foreign) return `priced in ${foreign}, not EUR`;
  const status = estimatedAvailabilities?.[0]?.estimatedAvailabilityStatus;
  return {
    priceCents: cents(Number(price.value)),
    shippingCents: shipping ? cents(Number(shipping.value)) : null,
    availability: (status === undefined ? undefined : EBAY_AVAILABILITY[status]) ?? 'unknown',
  };
}

/**
 * A partner API's HTTP error as the gate and the page understand it, the same for Amazon's and
 * eBay's: their quota is rate-limited, an item they do not know (or an id they refuse) is gone,
 * refused credentials are ours to fix, anything else is the marketplace unwell.
 */
export function partnerStatusFailure(status: number, detail: string, sourceId: string): OfferCallError {
  if (status === 429) return new OfferCallError('rate-limited', detail);
  if (status === 404 || status === 400) return new OfferCallError('not-found', `${sourceId}: ${detail}`);
  if (status === 401 || status === 403) return new OfferCallError('not-configured', detail);
  return new OfferCallError('http-error', detail);
}
