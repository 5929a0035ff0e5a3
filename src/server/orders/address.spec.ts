import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AddressInput } from './address';

const base = { name: 'Ana García', line1: 'Calle Mayor 1', postalCode: '28013', city: 'Madrid', country: 'ES' };
const issues = (input: unknown) => {
  const parsed = AddressInput.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe('a shipping address entered by an agent', () => {
  it('stores the phone in E.164 for the address country, keeps it as typed, and refuses one that is no number there', () => {
    expect(AddressInput.parse({ ...base, phone: '612 34 56 78' })).toMatchObject({ phone: '+34612345678', phoneAsTyped: '612 34 56 78' });
    expect(issues({ ...base, phone: '12 34' }).phone).toEqual(['not a phone number in ES (such as +34 612 34 56 78)']);
  });

  it('accepts each country’s postal codes and tidies blanks', () => {
    expect(AddressInput.parse({ ...base, line2: ' ', phone: '' })).toEqual({ ...base, line2: null, phone: null, phoneAsTyped: null });
    for (const [country, postalCode] of [
      ['IT', '00184'],
      ['FR', '75011'],
      ['DE', '10115'],
      ['ES', '52001'],
    ]) {
      expect(AddressInput.safeParse({ ...base, country, postalCode }).success).toBe(true);
    }
  });

  it('names the field that is wrong, with an example of what fits', () => {
    expect(issues({ ...base, postalCode: '53001' })).toEqual({ postalCode: ['not a postal code of ES (such as 28013)'] });
    expect(issues({ ...base, country: 'DE', postalCode: '1011' })).toEqual({ postalCode: ['not a postal code of DE (such as 10115)'] });
    expect(issues({ ...base, city: ' ' })).toEqual({ city: ['required'] });
    expect(issues({ ...base, phone: 'call me' })).toMatchObject({ phone: [expect.stringContaining('phone number')] });
    expect(issues({ ...base, country: 'UK' })).toHaveProperty('country');
  });
});
