// Price refresher worker: takes refresh jobs for products whose price a shopper is waiting for.
import { QUEUES } from '../../src/server/queues';
import { runWorker } from '../../src/server/runtime';
import { REFRESH_HANDLERS } from '../../src/server/pricing';

await runWorker({ name: 'refresher', queue: QUEUES.refresh, handlers: REFRESH_HANDLERS });
