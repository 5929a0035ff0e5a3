// Every collection the platform stores, assembled from the declarations of their owners. The
// app and the workers create the indexes at start from this table, and the cluster init program
// (infra/mongo-cluster) shards each collection from it. Nothing a capability runs imports it.
import type { Db } from 'mongodb';
import { AGENTS, AUDIT_ENTRIES, SESSIONS } from '../backoffice';
import { PRODUCTS } from '../catalog';
import { CUSTOMERS } from '../customers';
import { MATCH_CANDIDATES, PRODUCT_MERGES } from '../matching';
import { MESSAGES } from '../messages';
import { ORDERS } from '../orders';
import { OUTBOX } from '../outbox';
import { ensureIndexes, type CollectionSpec } from '../platform/db';
import { PRICE_HISTORY } from '../pricing';
import { SCRAPE_RUNS } from '../scraping';

export const COLLECTIONS = {
  products: PRODUCTS,
  priceHistory: PRICE_HISTORY,
  orders: ORDERS,
  customers: CUSTOMERS,
  agents: AGENTS,
  sessions: SESSIONS,
  auditEntries: AUDIT_ENTRIES,
  scrapeRuns: SCRAPE_RUNS,
  outbox: OUTBOX,
  messages: MESSAGES,
  matchCandidates: MATCH_CANDIDATES,
  productMerges: PRODUCT_MERGES,
} as const;

export const EVERY_COLLECTION: readonly CollectionSpec[] = Object.values(COLLECTIONS);

/** Creates the missing indexes of every collection (see ensureIndexes); returns how many. */
export function ensureCollections(db: Db, onRebuild?: (message: string) => void): Promise<number> {
  return ensureIndexes(db, EVERY_COLLECTION, onRebuild);
}
