// Data of the products search: the products found by id, GTIN, source id, source URL or title words.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad, readFilters } from '../../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../../backoffice/backoffice-load';
import type { ProductHit } from '../../../../server/catalog-admin';

export interface ProductsListData {
  readonly q: string;
  readonly products: readonly ProductHit[];
}

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<ProductsListData>> {
  const { filters, pagePath } = readFilters(event, '/backoffice/products', ['q']);
  const q = filters['q'] ?? '';
  return backofficeLoad(event, pagePath, async (caller) => ({
    q,
    products: q ? await caller.backoffice.products.search({ q, limit: 50 }) : [],
  }));
}
