// The audit log's rules, free of I/O: the one shape every mutation records, the filters the
// audit page offers, and the JSON view sent to pages.
import { z } from 'zod';
import { AuditEntry } from './backoffice.schema';

export const AuditFilters = z.object({
  actorEmail: z.string().trim().toLowerCase().max(200).optional(),
  entityKind: AuditEntry.shape.entity.shape.kind.optional(),
  entityId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

/** Who is acting: a signed-in agent, or the system (CLI, stack start-up, workers). */
export type AuditActor = AuditEntry['actor'];

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, email: null };

/** The MongoDB filter for the audit page; dates are whole UTC days, `to` included. */
export function auditQuery(filters: AuditFilters): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filters.actorEmail) query['actor.email'] = filters.actorEmail;
  if (filters.entityKind) query['entity.kind'] = filters.entityKind;
  if (filters.entityId) query['entity.id'] = filters.entityId;
  if (filters.action) query['action'] = filters.action;
  const at: Record<string, Date> = {};
  if (filters.from) at['$gte'] = new Date(`${filters.from}T00:00:00.000Z`);
  if (filters.to) at['$lt'] = new Date(Date.parse(`${filters.to}T00:00:00.000Z`) + 86_400_000);
  if (Object.keys(at).length > 0) query['at'] = at;
  return query;
}

export interface AuditView {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly before: string;
  readonly after: string;
  readonly reason: string | null;
}

/** Dates as ISO strings and before/after as JSON text: the page shows them as text, never as HTML. */
export function toAuditView(entry: AuditEntry): AuditView {
  return {
    id: entry._id,
    at: entry.at.toISOString(),
    actor: entry.actor.kind === 'system' ? 'system' : (entry.actor.email ?? entry.actor.id ?? 'unknown'),
    action: entry.action,
    entity: `${entry.entity.kind} ${entry.entity.id}`,
    before: JSON.stringify(entry.before ?? null),
    after: JSON.stringify(entry.after ?? null),
    reason: entry.reason,
  };
}
