// Data of the platform status page, read on the server before it renders: the router is called
// in-process (no HTTP hop). Failures become an error state on the page, never a throw,
// which Analog would turn into an empty page answered 200.
import type { PageServerLoad } from '@analogjs/router';
import { TRPCError } from '@trpc/server';
import { createContext } from '../../server/trpc/context';
import { appRouter } from '../../server/trpc/routers/_app';
import { toProductCard, type ProductCard } from '../catalog/product-card';

const LATEST_PRODUCTS = 12;

export type StatusCatalog =
  | { readonly status: 'ok'; readonly products: readonly ProductCard[]; readonly productCount: number }
  | { readonly status: 'error'; readonly message: string };

export async function load({ event }: PageServerLoad): Promise<StatusCatalog> {
  const caller = appRouter.createCaller(createContext(event));
  try {
    const [products, productCount] = await Promise.all([caller.catalog.latest({ limit: LATEST_PRODUCTS }), caller.catalog.count()]);
    return { status: 'ok', products: products.map(toProductCard), productCount };
  } catch (error) {
    console.error('status page: the catalog could not be read', error);
    const unavailable = error instanceof TRPCError && error.code === 'SERVICE_UNAVAILABLE';
    return {
      status: 'error',
      message: unavailable ? 'The catalog database cannot be reached right now.' : 'The catalog could not be read.',
    };
  }
}
