// First-shape product URLs against the real MongoDB-wire server, on products written the way the
// scrapers write them (ids with hyphens of their own).
import { describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../infra/local/testing';
import { DEFAULT_MARGIN_RULES } from '../pricing';
import { productIdFor, upsertListings } from '../scraping';
import { listingFixture } from '../scraping/extraction/listing.fixture';
import { legacyProductRedirect } from './legacy-product-url.service';
import { productPath } from './product-url';
import { PRODUCTS } from '../catalog';
import { collectionIn } from '../platform/db';

// The test reads and seeds the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

const rt = useTestRuntime('legacy-product-url');
const RULES = DEFAULT_MARGIN_RULES;

describe('first-shape product URLs', () => {
  it('redirect to the product path when they name a stored product, whatever hyphens its id holds', async () => {
    const withGtin = listingFixture();
    const withoutGtin = listingFixture({ gtin: null, site: 'shop.example.it', sourceId: 'SKU-7', url: 'https://shop.example.it/p/sku-7' });
    await upsertListings(rt(), [withGtin, withoutGtin], RULES);
    for (const listing of [withGtin, withoutGtin]) {
      const id = productIdFor({ ...listing, market: 'it' });
      const product = await productCollection(rt()).findOne({ _id: id });
      expect(product).not.toBeNull();
      const now = productPath('fr', { slug: product!.slug, id });
      expect(await legacyProductRedirect(rt(), `/fr/p/${product!.slug}-${id}`)).toBe(now);
      expect(await legacyProductRedirect(rt(), `/fr/p/${id}`)).toBe(now);
    }
  });

  it('leave alone what names no product, and paths of today', async () => {
    expect(await legacyProductRedirect(rt(), '/it/p/moka-express-gtin-00000000000000')).toBeNull();
    expect(await legacyProductRedirect(rt(), '/it/p/moka--gtin-08006363011440')).toBeNull();
    expect(await legacyProductRedirect(rt(), '/xx/p/moka-gtin-08006363011440')).toBeNull();
    expect(await legacyProductRedirect(rt(), '/it/cart')).toBeNull();
  });
});
