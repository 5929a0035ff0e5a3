// Data of the audit log page: entries newest first, filtered by the query string.
import type { PageServerLoad } from '@analogjs/router';
import { getQuery } from 'h3';
import { backofficeLoad } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { AuditView } from '../../../server/backoffice/audit';

export interface AuditPageData {
  readonly filters: Record<string, string>;
  readonly entries: readonly AuditView[];
}

const FILTERS = ['actorEmail', 'entityKind', 'entityId', 'action', 'from', 'to'] as const;

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<AuditPageData>> {
  const query = getQuery(event);
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = query[name];
    if (typeof value === 'string' && value.trim() !== '') filters[name] = value.trim();
  }
  const search = new URLSearchParams(filters).toString();
  return backofficeLoad(event, `/backoffice/audit${search ? `?${search}` : ''}`, async (caller) => ({
    filters,
    entries: await caller.backoffice.audit.list({ ...filters, entityKind: filters['entityKind'] as never }),
  }));
}
