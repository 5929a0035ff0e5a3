// The price history collection, declared by its owner: schema, indexes and shard key.
import { collection, collectionIn } from '../platform/db';
import { PricePoint } from './price-history.schema';

export const PRICE_HISTORY = collection({
  name: 'price_history',
  schema: PricePoint,
  // Also the shard key's index: a range shard key needs an ascending index that starts with it.
  indexes: [{ name: 'product_market_at', key: { productId: 1, market: 1, at: 1 } }],
  // Hashed on the product id: a new collection's appends spread over every shard from the first
  // day (a range key starts as one chunk), and one product's history still lives on one shard.
  shardKey: { productId: 'hashed', market: 1, at: 1 },
  shardKeyReason: "a product's chart reads its history together, so it is keyed by product id; hashing spreads the appends from day one",
});

export const priceHistoryCollection = collectionIn(PRICE_HISTORY);
