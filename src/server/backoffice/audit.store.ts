// The audit log in MongoDB: appended through `recordAudit`, read through `listAudit`. There is
// deliberately no update or delete here, nor anywhere else in the application.
import type { Db } from 'mongodb';
import type { z } from 'zod';
import { newId } from '../../common/ids';
import type { AuditEntry } from './backoffice.schema';
import { AuditFilters, auditQuery, intersectIds, toAuditView, type AuditActor, type AuditDirectory, type AuditView } from './audit';
import { agentDirectory } from './agent.store';
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

export async function listAudit(
  rt: DbHandle,
  raw: AuditFilters | z.input<typeof AuditFilters>,
  entityIds: readonly string[] | null = null,
): Promise<AuditEntry[]> {
  const audit = auditCollection(rt);
  const filters = AuditFilters.parse(raw);
  return audit.find(auditQuery(filters, entityIds)).sort({ at: -1 }).limit(filters.limit).toArray();
}

/** The audit page: the newest entries that match, with agents by name and records by what agents call them. */
export async function auditLog(rt: { readonly db: Db }, filters: AuditFilters, directory: AuditDirectory): Promise<AuditView[]> {
  const named: Promise<readonly string[]>[] = [];
  if (filters.orderNumber) named.push(directory.orderIdsByNumber(filters.orderNumber));
  if (filters.customerEmail) named.push(directory.customerEntityIds(filters.customerEmail));
  if (filters.productId) named.push(Promise.resolve([filters.productId]));
  const entries = await listAudit(rt, filters, intersectIds(await Promise.all(named)));
  // One read of the agents for both who acted and the agents acted upon: the back office owns them.
  const agentIds = entries.flatMap((e) => [
    ...(e.actor.kind === 'agent' && e.actor.id ? [e.actor.id] : []),
    ...(e.entity.kind === 'agent' ? [e.entity.id] : []),
  ]);
  const [agents, otherLabels] = await Promise.all([
    agentDirectory(rt, agentIds),
    directory.labels(entries.flatMap((e) => (e.entity.kind === 'agent' ? [] : [e.entity]))),
  ]);
  const labels = (entity: AuditEntry['entity']) => (entity.kind === 'agent' ? agents(entity.id).name : otherLabels.get(entity.id));
  return entries.map((entry) => {
    const { actor } = entry;
    const who =
      actor.kind === 'system'
        ? { name: 'system', email: null }
        : actor.id
          ? agents(actor.id)
          : { name: actor.email ?? 'unknown', email: actor.email };
    return toAuditView(entry, { actor: { name: who.name, email: who.email ?? actor.email }, label: labels(entry.entity) });
  });
}
