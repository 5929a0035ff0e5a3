// MongoDB access for products. Documents are validated against the schema before they are
// written, so a bad scrape or a bug cannot store a half-formed product.
import type { Collection } from 'mongodb';
import { Product } from './product.schema';

export async function upsertProduct(products: Collection<Product>, product: Product): Promise<void> {
  const doc = Product.parse(product);
  await products.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

export async function findProduct(products: Collection<Product>, id: string): Promise<Product | null> {
  return products.findOne({ _id: id });
}

/** The first of `ids` that names a stored product (by the order of `ids`), with its slug. */
export async function firstStoredProduct(products: Collection<Product>, ids: readonly string[]): Promise<Pick<Product, '_id' | 'slug'> | null> {
  if (ids.length === 0) return null;
  const found = await products.find({ _id: { $in: [...ids] } }, { projection: { _id: 1, slug: 1 } }).toArray();
  return ids.map((id) => found.find((p) => p._id === id)).find((p) => p !== undefined) ?? null;
}

/** The storefront's newest products; one an agent stopped selling has left the storefront. */
export async function latestProducts(products: Collection<Product>, limit: number): Promise<Product[]> {
  return products.find({ salesStop: null }).sort({ updatedAt: -1 }).limit(limit).toArray();
}

export async function countProducts(products: Collection<Product>): Promise<number> {
  return products.estimatedDocumentCount();
}
