import { describe, expect, it } from 'vitest';
import { eur, formatMoney } from './money';

describe('formatMoney', () => {
  it('formats prices the way each market writes them', () => {
    // Intl puts a no-break space before the euro sign; \s matches it.
    expect(formatMoney(eur(129_995), 'de-DE')).toMatch(/^1\.299,95\s€$/);
    // Italian and Spanish group thousands only from five digits on (CLDR's minimum grouping).
    expect(formatMoney(eur(129_995), 'it-IT')).toMatch(/^1299,95\s€$/);
    expect(formatMoney(eur(1_299_995), 'it-IT')).toMatch(/^12\.999,95\s€$/);
    expect(formatMoney(eur(129_995), 'fr-FR')).toMatch(/^1\s299,95\s€$/);
    expect(formatMoney(eur(1_995), 'es-ES')).toMatch(/^19,95\s€$/);
  });

  it('keeps each locale’s formatter apart', () => {
    const [de, fr, deAgain] = [formatMoney(eur(129_995), 'de-DE'), formatMoney(eur(129_995), 'fr-FR'), formatMoney(eur(129_995), 'de-DE')];
    expect(de).toBe(deAgain);
    expect(fr).not.toBe(de);
  });
});
