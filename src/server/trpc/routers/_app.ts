// The whole API: one router per capability. `AppRouter` is the only thing the browser
// imports from the server, as a type.
import { router } from '../trpc';
import { backofficeRouter } from './backoffice';
import { catalogRouter } from './catalog';
import { checkoutRouter } from './checkout';
import { productRouter } from './product';
import { systemRouter } from './system';

export const appRouter = router({
  backoffice: backofficeRouter,
  catalog: catalogRouter,
  checkout: checkoutRouter,
  product: productRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
