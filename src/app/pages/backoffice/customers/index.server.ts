// Data of the customers list: the customers the search finds by e-mail, phone or name.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad, readFilters } from '../../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../../backoffice/backoffice-load';
import type { CustomerSummaryView } from '../../../../server/customers';

export interface CustomersListData {
  readonly q: string;
  readonly customers: readonly CustomerSummaryView[];
}

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<CustomersListData>> {
  const { filters, pagePath } = readFilters(event, '/backoffice/customers', ['q']);
  const q = filters['q'] ?? '';
  return backofficeLoad(event, pagePath, async (caller) => ({ q, customers: q ? await caller.backoffice.customers.search({ q }) : [] }));
}
