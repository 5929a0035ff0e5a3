import { describe, expect, it } from 'vitest';
import { clockTime, PRODUCT_PAGE_TEXTS, shortAge } from './product-page-texts';

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

  it('tells the time of the last known price in the market’s time zone', () => {
    // 09:05 UTC in November is 10:05 in Rome.
    expect(PRODUCT_PAGE_TEXTS.it.couldNotRefresh(clockTime('2026-11-25T09:05:00Z', 'it-IT', 'Europe/Rome'))).toBe(
      'impossibile aggiornare, prezzo delle 10:05',
    );
  });
});
