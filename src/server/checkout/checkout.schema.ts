// What the checkout form sends, validated once for the API and the no-JavaScript form route.
// Messages name the rule in English (API clients); pages show their own words per field.
import { z } from 'zod';
import { Id } from '../../common/ids';
import { isMarketCode, MarketCode } from '../../common/markets';
import { Cents } from '../../common/money';
import { PHONE_EXAMPLES, toE164 } from '../customers';
import { isValidPostalCode, MARKET_COUNTRY, normalizePostalCode, POSTAL_CODE_RULES } from '../orders';

export const PaymentMethod = z.enum(['bank_transfer', 'cash_on_delivery']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Rendered into the form as a hidden field: the same form submitted twice makes one order. */
export const IdempotencyKey = z.string().regex(/^[0-9a-z]{20,40}$/, 'expected the idempotency key rendered with the checkout form');

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);

export const CheckoutInput = z
  .object({
    market: MarketCode,
    idempotencyKey: IdempotencyKey,
    email: z.string().trim().max(200).pipe(z.email('expected an e-mail address such as anna@example.com')),
    name: text(120),
    // As typed here; checked against the market's country below, and stored in E.164 beside it.
    phone: z.string().trim().min(1, 'required').max(40, 'at most 40 characters'),
    line1: text(200),
    line2: z.string().trim().max(200, 'at most 200 characters').default(''),
    postalCode: z.string().max(20).transform(normalizePostalCode),
    city: text(100),
    paymentMethod: PaymentMethod,
    /** Prices (cents) the shopper confirmed after being shown that they changed, by product id. */
    acceptedPrices: z.record(Id, Cents).default({}),
  })
  // Checked even when other fields are wrong (`when`), so the shopper sees every error at once.
  .refine((input) => isValidPostalCode(MARKET_COUNTRY[input.market], input.postalCode), {
    path: ['postalCode'],
    when: ({ value }) => {
      const v = value as { market?: unknown; postalCode?: unknown };
      return isMarketCode(v.market) && typeof v.postalCode === 'string';
    },
    error: (issue) => `expected ${POSTAL_CODE_RULES[MARKET_COUNTRY[(issue.input as { market: MarketCode }).market]].expected}`,
  })
  .refine((input) => toE164(input.phone, MARKET_COUNTRY[input.market]) !== null, {
    path: ['phone'],
    when: ({ value }) => {
      const v = value as { market?: unknown; phone?: unknown };
      return isMarketCode(v.market) && typeof v.phone === 'string' && v.phone.trim() !== '';
    },
    error: (issue) => `expected a phone number such as ${PHONE_EXAMPLES[MARKET_COUNTRY[(issue.input as { market: MarketCode }).market]]}`,
  })
  // E.164 is what the back office's search finds a shopper by, however the number is typed again.
  .transform((input) => ({ ...input, phone: toE164(input.phone, MARKET_COUNTRY[input.market]) as string, phoneAsTyped: input.phone }));
export type CheckoutInput = z.infer<typeof CheckoutInput>;
