// A shipping address as an agent may enter it, checked per country: postal codes have each
// country's shape (Spain's start with a province number, 01 to 52). Pure; the zod issues name
// the field, so the back office shows the message next to it.
import { z } from 'zod';
import { Address } from './order.schema';
import { PHONE_EXAMPLES, toE164 } from '../customers';
import { isValidPostalCode, normalizePostalCode, POSTAL_CODE_RULES } from './postal-code';

const text = (max: number) => z.string().trim().min(1, 'required').max(max);

export const AddressInput = z
  .object({
    name: text(200),
    line1: text(200),
    line2: z
      .string()
      .trim()
      .max(200)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
    postalCode: z.string().transform(normalizePostalCode),
    city: text(100),
    country: Address.shape.country,
    phone: z
      .string()
      .trim()
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
  })
  .superRefine((address, ctx) => {
    if (!isValidPostalCode(address.country, address.postalCode)) {
      const { example } = POSTAL_CODE_RULES[address.country];
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: `not a postal code of ${address.country} (such as ${example})` });
    }
    if (address.phone !== null && toE164(address.phone, address.country) === null)
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: `not a phone number in ${address.country} (such as ${PHONE_EXAMPLES[address.country]})`,
      });
  })
  // Stored in E.164 so that searches find it however it is typed; the agent's form kept for display.
  .transform(({ phone, ...address }) => ({
    ...address,
    phone: phone === null ? null : toE164(phone, address.country),
    phoneAsTyped: phone,
  }));
export type AddressInput = z.infer<typeof AddressInput>;

export function formatAddress(a: Address): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ');
}
