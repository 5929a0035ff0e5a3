// Phone numbers in E.164 however typed, and every form an agent's search may mean.
import { describe, expect, it } from 'vitest';
import { looksLikePhone, PHONE_EXAMPLES, phoneCandidates, toE164 } from './phone-number';
import { searchTerms } from './search-terms';

describe('toE164', () => {
  it("reads a number with its country code whatever the spacing, and one without in the shopper's country", () => {
    for (const typed of ['+39 333 7654321', '+393337654321', '+39 333 765 4321', '+39 (333) 765-4321', '333 765 4321'])
      expect(toE164(typed, 'IT')).toBe('+393337654321');
    // The trunk zero of France, Germany and Spain's national forms is dropped.
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(toE164('0151 23456789', 'DE')).toBe('+4915123456789');
    expect(toE164('612 34 56 78', 'ES')).toBe('+34612345678');
    // A landline keeps Italy's leading zero, which belongs to the number.
    expect(toE164('06 1234 5678', 'IT')).toBe('+390612345678');
  });

  it('refuses what is no phone number in that country', () => {
    expect(toE164('12345', 'IT')).toBeNull();
    expect(toE164('+39 123', 'IT')).toBeNull();
    expect(toE164('call me', 'DE')).toBeNull();
  });

  it('reads every example it shows', () => {
    for (const [country, example] of Object.entries(PHONE_EXAMPLES))
      expect(toE164(example, country as keyof typeof PHONE_EXAMPLES)).not.toBeNull();
  });
});

describe('phone searches', () => {
  it('find a number stored in E.164 however the agent types it', () => {
    for (const typed of ['+393337654321', '+39 333 765 4321', '+39 333 7654321', '333 765 4321'])
      expect(phoneCandidates(typed)).toContain('+393337654321');
    expect(searchTerms('+39 333 765 4321')).toMatchObject({ phones: expect.arrayContaining(['+393337654321']), namePrefix: null });
  });

  it('still find a number stored before normalisation, without its separators', () => {
    expect(phoneCandidates('333 765 4321')).toContain('3337654321');
  });

  it('tell a phone from a name, an order number or a year', () => {
    expect(looksLikePhone('+39 333 765 4321')).toBe(true);
    expect(looksLikePhone('Rossi')).toBe(false);
    expect(looksLikePhone('2026')).toBe(false);
    expect(searchTerms('Rossi')).toMatchObject({ phones: [], namePrefix: 'Rossi' });
  });
});
