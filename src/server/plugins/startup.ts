// Runs once when the server process starts (Nitro loads every file in this folder). A bad
// environment ends the process here, naming the variables, instead of failing the first
// request; the connections are opened and the indexes created before traffic arrives.
import { defineNitroPlugin } from 'nitropack/runtime';
import { loadConfigOrExit } from '../config';
import { runtime } from '../runtime';

export default defineNitroPlugin(() => {
  loadConfigOrExit();
  // Not awaited: a database that is still starting must not stop the process. Requests wait
  // for the same promise, and /api/ready answers 503 until it succeeds.
  runtime().catch((error: unknown) => console.error(`could not open MongoDB or Redis yet: ${(error as Error).message}`));
});
