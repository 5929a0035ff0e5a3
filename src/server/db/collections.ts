// Every MongoDB collection, declared once: its name, its document schema, its indexes and
// its shard key. The application creates the indexes from this table at start, and the
// cluster init script (infra/mongo-cluster) shards each collection from the same table.
import type { z } from 'zod';
import { MARKET_CODES } from '../markets';
import { Product } from '../catalog/product.schema';
import { PRODUCT_SEARCH_INDEXES } from '../catalog/product-search-indexes';
import { PricePoint } from '../pricing/price-history.schema';
import { Order } from '../orders/order.schema';
import { Customer } from '../customers/customer.schema';
import { Agent, AuditEntry, Session } from '../backoffice/backoffice.schema';
import { ScrapeRun } from '../scraping/scrape-run.schema';
import { OutboxEntry } from '../outbox/outbox.schema';
import { Message } from '../messages/message.schema';

export type IndexKey = Record<string, 1 | -1>;

export interface IndexSpec {
  readonly name: string;
  readonly key: IndexKey;
  readonly unique?: boolean;
  readonly expireAfterSeconds?: number;
  readonly partialFilterExpression?: Record<string, unknown>;
}

/** `hashed` spreads writes evenly; it exists only on the real cluster, where the init script creates it. */
export type ShardKey = Record<string, 1 | 'hashed'>;

/** An index as createIndexes takes it; `hashed` only for a shard key's own index, which the cluster init adds. */
export interface IndexDefinition extends Omit<IndexSpec, 'key'> {
  readonly key: Readonly<Record<string, 1 | -1 | 'hashed'>>;
}

/** MongoDB's rule: the index starts with the shard key's fields, same kind, and covers every document. */
export function supportsShardKey(index: IndexDefinition, shardKey: ShardKey): boolean {
  if (index.partialFilterExpression !== undefined) return false;
  const indexFields = Object.entries(index.key);
  return Object.entries(shardKey).every(([field, kind], position) => {
    const indexField = indexFields[position];
    return indexField !== undefined && indexField[0] === field && indexField[1] === kind;
  });
}

export interface CollectionSpec<S extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly schema: S;
  /** Only plain ascending/descending keys: no text, hashed or wildcard index (SecantusDB has none). */
  readonly indexes: readonly IndexSpec[];
  readonly shardKey: ShardKey;
  /** Why this key: the queries it routes and the writes it spreads. */
  readonly shardKeyReason: string;
}

function collection<S extends z.ZodObject>(spec: CollectionSpec<S>): CollectionSpec<S> {
  return spec;
}

export const COLLECTIONS = {
  products: collection({
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
    ],
    shardKey: { _id: 'hashed' },
    shardKeyReason:
      'the product page reads one product by id: a hashed id routes it to one shard and spreads scraper inserts evenly. ' +
      'GTIN uniqueness cannot be an index here, so a product with a GTIN takes an id derived from it and upserts de-duplicate',
  }),
  priceHistory: collection({
    name: 'price_history',
    schema: PricePoint,
    // Also the shard key's index: a range shard key needs an ascending index that starts with it.
    indexes: [{ name: 'product_market_at', key: { productId: 1, market: 1, at: 1 } }],
    // Hashed on the product id: a new collection's appends spread over every shard from the first
    // day (a range key starts as one chunk), and one product's history still lives on one shard.
    shardKey: { productId: 'hashed', market: 1, at: 1 },
    shardKeyReason:
      "a product's chart reads its history together, so it is keyed by product id; hashing spreads the appends from day one",
  }),
  orders: collection({
    name: 'orders',
    schema: Order,
    indexes: [
      { name: 'customer_idempotency', key: { customerId: 1, idempotencyKey: 1 }, unique: true },
      { name: 'customer_created', key: { customerId: 1, createdAt: -1 } },
      // Not unique: a unique index must start with the shard key. Numbers are random and long
      // enough that a collision is not a practical concern. The shopper's lookup by number also
      // names the customer id (derived from the e-mail), so it visits one shard.
      { name: 'number', key: { number: 1 } },
      { name: 'email', key: { email: 1 } },
      { name: 'status_created', key: { status: 1, createdAt: -1 } },
      // The tracking poll (purchased and shipped, oldest news first) and the stuck-purchase sweep:
      // a merge of each status's range in updatedAt order, not a sort of every order in flight.
      { name: 'status_updated', key: { status: 1, updatedAt: 1 } },
      { name: 'market_created', key: { market: 1, createdAt: -1 } },
    ],
    shardKey: { customerId: 'hashed' },
    shardKeyReason:
      "a shopper's orders and the checkout's idempotency check stay on one shard; hashing spreads new orders, whose ids would otherwise all land on the newest chunk",
  }),
  customers: collection({
    name: 'customers',
    schema: Customer,
    indexes: [
      // Not unique (see shardKeyReason): the id is derived from the normalized e-mail
      // (customers/customer-id.ts), so concurrent checkouts upsert the same document.
      { name: 'email', key: { email: 1 } },
      { name: 'name', key: { name: 1 } },
      { name: 'phone', key: { phone: 1 } },
    ],
    shardKey: { _id: 'hashed' },
    shardKeyReason:
      'orders and the back office open a customer by id; keying by e-mail would send those to every shard and move the document when the e-mail changes',
  }),
  agents: collection({
    name: 'agents',
    schema: Agent,
    indexes: [{ name: 'email', key: { email: 1 }, unique: true }],
    shardKey: { email: 'hashed' },
    shardKeyReason: 'login finds an agent by e-mail, which must be unique; the collection is small',
  }),
  sessions: collection({
    name: 'sessions',
    schema: Session,
    indexes: [
      { name: 'expires', key: { expiresAt: 1 }, expireAfterSeconds: 0 },
      { name: 'agent', key: { agentId: 1 } },
    ],
    shardKey: { _id: 'hashed' },
    shardKeyReason: 'a session is read by its id on every back-office request',
  }),
  auditEntries: collection({
    name: 'audit_entries',
    schema: AuditEntry,
    indexes: [
      { name: 'at', key: { at: -1 } },
      { name: 'entity_at', key: { 'entity.kind': 1, 'entity.id': 1, at: -1 } },
      { name: 'actor_at', key: { 'actor.id': 1, at: -1 } },
    ],
    shardKey: { _id: 'hashed' },
    shardKeyReason:
      'appends are spread evenly; browsing the log is rare and may visit every shard, which beats a hot chunk on time',
  }),
  scrapeRuns: collection({
    name: 'scrape_runs',
    schema: ScrapeRun,
    indexes: [{ name: 'market_started', key: { market: 1, startedAt: -1 } }],
    shardKey: { _id: 'hashed' },
    shardKeyReason: 'few writes; the operations page reads recent runs of every market at once',
  }),
  outbox: collection({
    name: 'outbox',
    schema: OutboxEntry,
    indexes: [
      { name: 'status_available', key: { status: 1, availableAt: 1 } },
      // Delivered entries are kept a week for inspection, then removed.
      { name: 'done_expiry', key: { doneAt: 1 }, expireAfterSeconds: 7 * 24 * 3600, partialFilterExpression: { status: 'done' } },
    ],
    shardKey: { _id: 'hashed' },
    shardKeyReason: 'entries are written by many writers and claimed one by one by id',
  }),
  messages: collection({
    name: 'messages',
    schema: Message,
    indexes: [{ name: 'customer_order_created', key: { customerId: 1, orderId: 1, createdAt: 1 } }],
    shardKey: { customerId: 'hashed' },
    shardKeyReason:
      "like orders: a shopper's messages are written and read with their orders, by customer id, on one shard; hashing spreads new shoppers",
  }),
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export type DocumentOf<K extends CollectionName> = z.infer<(typeof COLLECTIONS)[K]['schema']>;
