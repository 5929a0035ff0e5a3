// The products collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn, type IndexKey } from '../platform/db';
import { MARKET_CODES } from '../../common/markets';
import { PRODUCT_SEARCH_INDEXES } from './product-search-indexes';
import { Product } from './product.schema';

export const PRODUCTS = collection({
  name: 'products',
  schema: Product,
  // Every index costs each scraper write (catalog loader on SecantusDB, 36,000 products: about
  // 14,000 inserts/s with `_id` alone, 3,000/s with the 23 secondary indexes); only those a
  // read path uses are kept. The search tokens (multikey) and the eight per-market price
  // indexes cost the most, and listings need them all (every product has a selling price in
  // every market, so a partial index would not be smaller).
  indexes: [
    // The back office's search box finds a product by GTIN, source id or the source URL an agent pasted.
    { name: 'gtin', key: { gtin: 1 }, partialFilterExpression: { gtin: { $type: 'string' } } },
    ...MARKET_CODES.map((code) => ({
      name: `offers_${code}_source_id`,
      key: { [`offers.${code}.sourceId`]: 1 } as IndexKey,
      partialFilterExpression: { [`offers.${code}.sourceId`]: { $exists: true } },
    })),
    ...MARKET_CODES.map((code) => ({
      name: `offers_${code}_url`,
      key: { [`offers.${code}.url`]: 1 } as IndexKey,
      partialFilterExpression: { [`offers.${code}.url`]: { $exists: true } },
    })),
    ...PRODUCT_SEARCH_INDEXES,
    // A scraped page finds the product it belongs to by any of its ids (a few per product).
    { name: 'identities', key: { identities: 1 } },
    // The back office's opportunities sample the products that changed last (recentProducts).
    { name: 'updated', key: { updatedAt: -1, _id: -1 } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason:
    'the product page reads one product by id: a hashed id routes it to one shard and spreads scraper inserts evenly. ' +
    'GTIN uniqueness cannot be an index here, so a product with a GTIN takes an id derived from it and upserts de-duplicate',
});

export const productCollection = collectionIn(PRODUCTS);
