// Data of the opportunities page: where buying in one market and selling in another pays most,
// from the margin engine, optionally for one selling market.
import type { PageServerLoad } from '@analogjs/router';
import { backofficeLoad, readFilters } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { OpportunityView } from '../../../server/fulfillment';
import { MARKET_CODES } from '../../../common/markets';

export interface OpportunitiesPageData {
  readonly filters: Record<string, string>;
  readonly markets: readonly string[];
  readonly opportunities: readonly OpportunityView[];
}

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<OpportunitiesPageData>> {
  const { filters, pagePath } = readFilters(event, '/backoffice/opportunities', ['sellMarket']);
  return backofficeLoad(event, pagePath, async (caller) => ({
    filters,
    markets: MARKET_CODES,
    opportunities: await caller.backoffice.opportunities.list({ sellMarket: filters['sellMarket'] as never }),
  }));
}
