// Data of the audit log page: entries newest first, filtered by the query string (which the order,
// customer and product pages' links fill in).
import type { PageServerLoad } from '@analogjs/router';
import { agentTimeZoneOf, backofficeLoad, readFilters } from '../../backoffice/backoffice-load.server';
import type { BackofficeLoad } from '../../backoffice/backoffice-load';
import type { AuditView } from '../../../server/backoffice';
import { AuditEntry } from '../../../server/backoffice';

export interface AuditPageData {
  readonly filters: Record<string, string>;
  /** The entity filter's choices, from the audit entry's schema. */
  readonly kinds: readonly string[];
  readonly entries: readonly AuditView[];
}

const FILTERS = ['orderNumber', 'customerEmail', 'productId', 'actorEmail', 'action', 'entityKind', 'entityId', 'from', 'to'] as const;

export async function load({ event }: PageServerLoad): Promise<BackofficeLoad<AuditPageData>> {
  const { filters, pagePath } = readFilters(event, '/backoffice/audit', FILTERS);
  return backofficeLoad(event, pagePath, async (caller) => ({
    filters,
    kinds: AuditEntry.shape.entity.shape.kind.options,
    entries: await caller.backoffice.audit.list({
      ...filters,
      entityKind: filters['entityKind'] as never,
      timeZone: agentTimeZoneOf(event),
    }),
  }));
}
