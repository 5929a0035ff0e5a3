import { describe, expect, it } from 'vitest';
import { gtinSpellings, productFilter, productSearchPlan, sourceUrlVariants } from './product-lookup';

describe('the product search plan', () => {
  it('reads a GTIN in every spelling a scraper may have stored', () => {
    expect(gtinSpellings('012345678905')).toEqual(['012345678905', '0012345678905', '00012345678905']);
    expect(gtinSpellings('4006592532000')).toEqual(['4006592532000', '04006592532000']);
    expect(productSearchPlan('4006592532000')?.gtins).toContain('4006592532000');
  });

  it('asks for an ASIN as typed and in upper case, and for the words of a title', () => {
    const plan = productSearchPlan('b0abc12345');
    expect(plan?.sourceIds).toEqual(['b0abc12345', 'B0ABC12345']);
    expect(productSearchPlan('Moka Express')?.tokens).toEqual(['moka', 'express']);
  });

  it('reads a URL whatever its scheme, www, trailing slash or query', () => {
    const variants = sourceUrlVariants('HTTP://WWW.Shop.example/dp/B0ABC12345/?ref=x#top');
    expect(variants).toContain('https://shop.example/dp/B0ABC12345');
    expect(variants).toContain('http://www.shop.example/dp/B0ABC12345/?ref=x');
    expect(variants?.some((v) => v.includes('#'))).toBe(false);
    expect(sourceUrlVariants('javascript:alert(1)')).toBeNull();
    expect(sourceUrlVariants('not a url')).toBeNull();
    expect(productSearchPlan('https://shop.example/p/1')).toMatchObject({ ids: [], gtins: [], sourceIds: [], tokens: [] });
  });

  it('makes no filter of an empty search', () => {
    expect(productSearchPlan('  ')).toBeNull();
    expect(productFilter({ ids: [], gtins: [], sourceIds: [], urls: [], tokens: [] })).toBeNull();
  });
});
