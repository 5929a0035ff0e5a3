// Data of one product's page: offers, prices, overrides, margins and price history per market.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad } from '../../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../../backoffice/backoffice-load';
import type { ProductAdminView } from '../../../../server/catalog-admin';

export async function load({ event, params }: PageServerLoad): Promise<BackofficeLoad<ProductAdminView>> {
  const productId = String(params?.['productId'] ?? '');
  return backofficeLoad(event, `/backoffice/products/${encodeURIComponent(productId)}`, (caller) =>
    caller.backoffice.products.detail({ productId }),
  );
}
