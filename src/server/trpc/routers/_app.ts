// The whole API: one router per capability. `AppRouter` is the only thing the browser
// imports from the server, as a type.
import { router } from '../trpc';
import { catalogRouter } from './catalog';
import { productRouter } from './product';
import { systemRouter } from './system';

export const appRouter = router({
  catalog: catalogRouter,
  product: productRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
