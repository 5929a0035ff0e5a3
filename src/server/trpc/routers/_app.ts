// The whole API: one router per capability, composed here under the paths pages call (the back
// office's under `backoffice.*`, which its role table keys on). `AppRouter` is the only thing the
// browser imports from the server, as a type.
import { mergeRouters, router } from '../trpc';
import { backofficeRouter } from './backoffice';
import { cartRouter } from './cart';
import { catalogRouter } from './catalog';
import { catalogAdminRouter } from './catalog-admin';
import { checkoutRouter } from './checkout';
import { customersRouter } from './customers';
import { fulfillmentRouter } from './fulfillment';
import { matchingRouter } from './matching';
import { operationsRouter } from './operations';
import { ordersRouter } from './orders';
import { productRouter } from './product';
import { systemRouter } from './system';

export const appRouter = router({
  backoffice: mergeRouters(
    backofficeRouter,
    router({
      orders: ordersRouter,
      customers: customersRouter,
      products: catalogAdminRouter,
      operations: operationsRouter,
      opportunities: fulfillmentRouter,
      matches: matchingRouter,
    }),
  ),
  catalog: catalogRouter,
  checkout: mergeRouters(router({ cart: cartRouter }), checkoutRouter),
  product: productRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
