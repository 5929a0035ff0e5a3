import { describe, expect, it } from 'vitest';
import { clockTime, formatPrice, PRODUCT_PAGE_TEXTS, shortAge } from './product-page-texts';

describe('product page texts', () => {
  it('says how old the price is in each shop language', () => {
    expect(PRODUCT_PAGE_TEXTS.it.updated(shortAge(3_400))).toBe('aggiornato 3 s fa');
    expect(PRODUCT_PAGE_TEXTS.fr.updated(shortAge(3_000))).toBe('mis à jour il y a 3 s');
    expect(PRODUCT_PAGE_TEXTS.de.updated(shortAge(3_000))).toBe('aktualisiert vor 3 s');
    expect(PRODUCT_PAGE_TEXTS.es.updated(shortAge(3_000))).toBe('actualizado hace 3 s');
  });

  it('switches to minutes, hours and days', () => {
    expect(shortAge(59_999)).toBe('59 s');
    expect(shortAge(5 * 60_000)).toBe('5 min');
    expect(shortAge(2 * 3_600_000)).toBe('2 h');
    expect(shortAge(3 * 86_400_000)).toBe('3 d');
  });

  it('formats prices the way each market writes them', () => {
    // Intl puts a no-break space before the euro sign; \s matches it.
    expect(formatPrice(129_995, 'EUR', 'de-DE')).toMatch(/^1\.299,95\s€$/);
    // Italian and Spanish group thousands only from five digits on (CLDR's minimum grouping).
    expect(formatPrice(129_995, 'EUR', 'it-IT')).toMatch(/^1299,95\s€$/);
    expect(formatPrice(1_299_995, 'EUR', 'it-IT')).toMatch(/^12\.999,95\s€$/);
    expect(formatPrice(129_995, 'EUR', 'fr-FR')).toMatch(/^1\s299,95\s€$/);
    expect(formatPrice(1_995, 'EUR', 'es-ES')).toMatch(/^19,95\s€$/);
  });

  it('tells the time of the last known price in the market’s time zone', () => {
    // 09:05 UTC in November is 10:05 in Rome.
    expect(PRODUCT_PAGE_TEXTS.it.couldNotRefresh(clockTime('2026-11-25T09:05:00Z', 'it-IT', 'Europe/Rome'))).toBe('impossibile aggiornare, prezzo delle 10:05');
  });
});
