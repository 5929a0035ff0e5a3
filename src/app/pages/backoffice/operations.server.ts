// Data of the operations page: scrape runs, queues, failed jobs and refresher latency.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { OperationsView } from '../../../server/operations';

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<OperationsView>> {
  return backofficeLoad(event, '/backoffice/operations', (caller) => caller.backoffice.operations.overview());
}
