// A shipping address as an agent may enter it, checked per country: postal codes have each
// country's shape (Spain's start with a province number, 01 to 52). Pure; the zod issues name
// the field, so the back office shows the message next to it.
import { z } from 'zod';
import { Address } from './order.schema';

const POSTAL_CODES: Readonly<Record<Address['country'], { readonly pattern: RegExp; readonly example: string }>> = {
  IT: { pattern: /^\d{5}$/, example: '00184' },
  FR: { pattern: /^\d{5}$/, example: '75011' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  ES: { pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28013' },
};

const text = (max: number) => z.string().trim().min(1, 'required').max(max);

export const AddressInput = z
  .object({
    name: text(200),
    line1: text(200),
    line2: z.string().trim().max(200).transform((v) => (v === '' ? null : v)).nullable().default(null),
    postalCode: z.string().trim().toUpperCase(),
    city: text(100),
    country: Address.shape.country,
    phone: z
      .string()
      .trim()
      .regex(/^(\+?[\d\s().-]{6,20})?$/, 'expected a phone number such as +39 333 123 4567')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
  })
  .superRefine((address, ctx) => {
    const rule = POSTAL_CODES[address.country];
    if (!rule.pattern.test(address.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: `not a postal code of ${address.country} (such as ${rule.example})` });
    }
  });
export type AddressInput = z.infer<typeof AddressInput>;

export function formatAddress(a: Address): string {
  return [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ');
}
