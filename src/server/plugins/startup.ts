// Runs once when the server process starts (Nitro loads every file in this folder). A bad
// environment ends the process here, naming the variables, instead of failing the first
// request; the connections are opened and the indexes created before traffic arrives.
import { defineNitroPlugin } from 'nitropack/runtime';
import { loadConfigOrExit } from '../platform/config';
import { forgetCatalogFacets, mapStoredCategories } from '../catalog';
import { runtime } from '../platform/runtime';
import { ensureCollections } from '../collections';

export default defineNitroPlugin(() => {
  loadConfigOrExit();
  // Not awaited: a database that is still starting must not stop the process. Requests wait
  // for the same promise, and /api/ready answers 503 until it succeeds.
  const opened = runtime();
  opened.catch((error: unknown) => console.error(`could not open MongoDB or Redis yet: ${(error as Error).message}`));
  // Products stored before the category taxonomy carry the shop's text: mapped once here, in the
  // app, rather than by every worker and script that opens a runtime.
  opened
    .then(
      async (rt) => {
        await ensureCollections(rt.db);
        if ((await mapStoredCategories(rt)) > 0) await forgetCatalogFacets(rt.redis);
      },
      () => undefined, // said above
    )
    .catch((error: unknown) => console.error(`stored categories not mapped to the taxonomy: ${(error as Error).message}`));
});
