// The extraction command's output: one flat JSON object per page, the shape accuracy is measured
// on (prices as decimal strings, so `1299.95` is compared as written, never as a float).
// Pure: no I/O.
import type { Availability } from '../../catalog';
import type { ExtractResult } from './listing.schema';
import { centsToDecimal } from './price-parse';

export type ExtractRecord =
  | {
      readonly file: string;
      readonly title: string;
      readonly brand: string | null;
      readonly gtin: string | null;
      /** The maker's part number, which with the brand matches the item across shops. */
      readonly mpn: string | null;
      readonly sourceId: string | null;
      readonly price: string | null;
      readonly listPrice: string | null;
      readonly currency: string | null;
      readonly availability: Availability;
      readonly imageUrl: string | null;
      readonly url: string;
      readonly confidence: number;
    }
  | { readonly file: string; readonly error: 'blocked' | 'no_product' | 'unreadable'; readonly detail?: string };

export function toExtractRecord(file: string, result: ExtractResult): ExtractRecord {
  switch (result.kind) {
    case 'blocked':
      return { file, error: 'blocked', detail: result.reason };
    case 'no_product':
      return { file, error: 'no_product', detail: result.reason };
    case 'listing': {
      const l = result.listing;
      return {
        file,
        title: l.title,
        brand: l.brand,
        gtin: l.gtin,
        mpn: l.mpn ?? null,
        sourceId: l.sourceId,
        price: l.priceCents === null ? null : centsToDecimal(l.priceCents),
        listPrice: l.listPriceCents === null ? null : centsToDecimal(l.listPriceCents),
        currency: l.currency,
        availability: l.availability,
        imageUrl: l.imageUrl,
        url: l.url,
        confidence: l.confidence,
      };
    }
  }
}

/** Where relative links of a saved page point when no URL is given: its canonical or og:url. */
export function declaredPageUrl(html: string): string | undefined {
  const canonical =
    /<link\b[^>]*rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<link\b[^>]*href=["']([^"']+)["'][^>]*rel=["']?canonical/i.exec(html)?.[1] ??
    /<meta\b[^>]*property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1];
  return canonical && /^https?:\/\//i.test(canonical) ? canonical : undefined;
}
