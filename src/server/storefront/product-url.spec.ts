import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARKET_CODES } from '../../common/markets';
import { gtinCheckDigitOk, productIdFor, slugFor, type Listing } from '../scraping';
import { legacyProductIdCandidates, productIdFromSlugId, productPath } from './product-url';

/** The segment the router hands the page: the path's last segment, decoded. */
const lastSegment = (path: string) => decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));

/** A GTIN-8/12/13/14 with a right check digit, as the extractors keep them. */
const gtin = fc
  .constantFrom(8, 12, 13, 14)
  .chain((length) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 }))
  .map((digits) => {
    const body = digits.join('');
    const check = [...'0123456789'].find((d) => gtinCheckDigitOk(body + d))!;
    return body + check;
  })
  .filter((g) => !/^0+$/.test(g));

const listing = fc.record({
  market: fc.constantFrom(...MARKET_CODES),
  site: fc.string({ minLength: 1, unit: 'grapheme' }),
  sourceId: fc.option(fc.string({ minLength: 1, unit: 'grapheme' })),
  url: fc.webUrl(),
  title: fc.string({ minLength: 1, unit: 'grapheme' }),
  gtin: fc.option(gtin),
});

describe('product URLs', () => {
  it('recover the id of every product the catalog can make, whatever its title', () => {
    fc.assert(
      fc.property(listing, (l) => {
        const id = productIdFor(l as Listing & typeof l);
        const path = productPath(l.market, { slug: slugFor(l.title, id), id });
        expect(path.startsWith(`/${l.market}/p/`)).toBe(true);
        expect(path.slice(1).split('/')).toHaveLength(3);
        expect(productIdFromSlugId(lastSegment(path))).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });

  it('keep the hyphens of scraped ids', () => {
    const path = productPath('it', { slug: 'moka-express-6-tazze', id: 'gtin-08419723592143' });
    expect(path).toBe('/it/p/moka-express-6-tazze--gtin-08419723592143');
    expect(productIdFromSlugId(lastSegment(path))).toBe('gtin-08419723592143');
    expect(productIdFromSlugId('--src-it-0a1b2c3d4e5f6a7b8c9d0e1f')).toBe('src-it-0a1b2c3d4e5f6a7b8c9d0e1f');
  });

  it('refuse a segment without an id', () => {
    expect(productIdFromSlugId('moka-express-k3v9x2m1qa')).toBeNull();
    expect(productIdFromSlugId('moka--')).toBeNull();
    expect(productIdFromSlugId('moka--ABC')).toBeNull();
  });

  it('list the ids a URL of the first shape may name, for its redirect', () => {
    expect(legacyProductIdCandidates('moka-express-gtin-08419723592143')).toEqual([
      'moka-express-gtin-08419723592143',
      'express-gtin-08419723592143',
      'gtin-08419723592143',
      '08419723592143',
    ]);
    expect(legacyProductIdCandidates('moka-k3v9x2m1qa')).toEqual(['moka-k3v9x2m1qa', 'k3v9x2m1qa']);
    expect(legacyProductIdCandidates('moka--k3v9x2m1qa')).toEqual([]);
  });
});
