// MongoDB access for products. Documents are validated against the schema before they are
// written, so a bad scrape or a bug cannot store a half-formed product.
import { Product } from './product.schema';
import { recentProducts } from './product-recent.store';
import { categoryIdOf, isCategoryId } from './taxonomy';
import { productCollection } from './product.collection';
import type { DbHandle } from '../platform/db';

export async function upsertProduct(rt: DbHandle, product: Product): Promise<void> {
  const products = productCollection(rt);
  const doc = Product.parse(product);
  await products.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

export async function findProduct(rt: DbHandle, id: string): Promise<Product | null> {
  const products = productCollection(rt);
  return products.findOne({ _id: id });
}

/** A product's photo URLs as scraped; null when there is no such product. */
export async function findProductImages(rt: DbHandle, id: string): Promise<readonly string[] | null> {
  const products = productCollection(rt);
  const found = await products.findOne({ _id: id }, { projection: { images: 1 } });
  return found ? found.images : null;
}

/** The first of `ids` that names a stored product (by the order of `ids`), with its slug. */
export async function firstStoredProduct(rt: DbHandle, ids: readonly string[]): Promise<Pick<Product, '_id' | 'slug'> | null> {
  const products = productCollection(rt);
  if (ids.length === 0) return null;
  const found = await products.find({ _id: { $in: [...ids] } }, { projection: { _id: 1, slug: 1 } }).toArray();
  return ids.map((id) => found.find((p) => p._id === id)).find((p) => p !== undefined) ?? null;
}

/**
 * The newest products, as the storefront's default listing orders them: in windows of the
 * `created` index (no index has updatedAt first). One an agent stopped selling has left the storefront.
 */
export async function latestProducts(rt: DbHandle, limit: number): Promise<Product[]> {
  return recentProducts(rt, { field: 'createdAt', where: { salesStop: null }, limit });
}

export async function countProducts(rt: DbHandle): Promise<number> {
  const products = productCollection(rt);
  return products.estimatedDocumentCount();
}

/**
 * Products written before the taxonomy stored the shop's category text: each distinct text
 * becomes its taxonomy id in one update (a catalog holds a few dozen texts, however many
 * products). Idempotent, so every process may run it at start; answers how many products changed.
 */
export async function mapStoredCategories(rt: DbHandle): Promise<number> {
  const products = productCollection(rt);
  const stored: unknown[] = await products.distinct('category');
  let changed = 0;
  for (const text of stored) {
    if (isCategoryId(text)) continue;
    // The stored value is not of the schema's type: that is the point of the update.
    changed += (
      await products.updateMany({ category: text as never }, { $set: { category: categoryIdOf(typeof text === 'string' ? text : null) } })
    ).modifiedCount;
  }
  return changed;
}

/** Products' back-office titles by id: how the audit log names them. */
export async function productTitles(rt: DbHandle, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await productCollection(rt)
    .find({ _id: { $in: [...ids] } }, { projection: { title: 1 } })
    .toArray();
  return new Map(found.map((p) => [p._id, p.title]));
}
