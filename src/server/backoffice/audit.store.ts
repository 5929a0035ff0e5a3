// The audit log in MongoDB: appended through `recordAudit`, read through `listAudit`. There is
// deliberately no update or delete here, nor anywhere else in the application.
import type { Db } from 'mongodb';
import { newId } from '../../common/ids';
import type { AuditEntry } from './backoffice.schema';
import { auditQuery, toAuditView, type AuditActor, type AuditFilters, type AuditView } from './audit';
import { auditCollection } from './backoffice.collection';
import type { DbHandle } from '../platform/db';

export interface AuditRecord {
  readonly actor: AuditActor;
  readonly action: string;
  readonly entity: AuditEntry['entity'];
  readonly before: unknown;
  readonly after: unknown;
  readonly reason?: string | null;
  readonly at?: Date;
}

/** The one way every mutation records what it did. */
export async function recordAudit(rt: DbHandle, record: AuditRecord): Promise<AuditEntry> {
  const audit = auditCollection(rt);
  const entry: AuditEntry = {
    _id: newId(),
    at: record.at ?? new Date(),
    actor: record.actor,
    action: record.action,
    entity: record.entity,
    before: record.before,
    after: record.after,
    reason: record.reason ?? null,
  };
  await audit.insertOne(entry);
  return entry;
}

export async function listAudit(rt: DbHandle, filters: AuditFilters): Promise<AuditEntry[]> {
  const audit = auditCollection(rt);
  return audit.find(auditQuery(filters)).sort({ at: -1 }).limit(filters.limit).toArray();
}

/** The audit page: the newest entries that match, as pages show them. */
export async function auditLog(rt: { readonly db: Db }, filters: AuditFilters): Promise<AuditView[]> {
  return (await listAudit(rt, filters)).map(toAuditView);
}
