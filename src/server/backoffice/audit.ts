// The audit log's rules, free of I/O: the one shape every mutation records, the filters the
// audit page offers, and the view sent to pages, where before/after become a list of changed
// fields with typed values (the page puts them into words).
import { z } from 'zod';
import { dayRange, DaysFilter } from '../../common/time';
import { AuditEntry } from './backoffice.schema';

export const AuditFilters = z.object({
  actorEmail: z.string().trim().toLowerCase().max(200).optional(),
  entityKind: AuditEntry.shape.entity.shape.kind.optional(),
  entityId: z.string().trim().max(100).optional(),
  /** The references an agent has in hand, resolved to entity ids by the capabilities that own them. */
  orderNumber: z.string().trim().max(40).optional(),
  customerEmail: z.string().trim().toLowerCase().max(200).optional(),
  productId: z.string().trim().max(100).optional(),
  action: z.string().trim().max(100).optional(),
  ...DaysFilter.shape,
  limit: z.number().int().min(1).max(200).default(50),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export type AuditEntity = AuditEntry['entity'];

/**
 * What the audit log needs from the capabilities whose records it shows. The back office cannot
 * import them (they record their changes through it), so whoever composes them passes this in.
 */
export interface AuditDirectory {
  /** The orders an order number names (numbers are unique in practice, not by constraint). */
  orderIdsByNumber(number: string): Promise<readonly string[]>;
  /** A shopper's customer record and their orders, by e-mail. */
  customerEntityIds(email: string): Promise<readonly string[]>;
  /** How each entity reads on the page: an order's number, a customer's e-mail, a product's title (agents are the back office's own). */
  labels(entities: readonly AuditEntity[]): Promise<ReadonlyMap<string, string>>;
}

/** Who is acting: a signed-in agent, or the system (CLI, stack start-up, workers). */
export type AuditActor = AuditEntry['actor'];

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, email: null };

/**
 * The MongoDB filter for the audit page; dates are whole UTC days, `to` included. `entityIds` is
 * what the agent's references (order number, customer e-mail, product) resolved to, null when
 * none was given; an empty list matches nothing.
 */
export function auditQuery(filters: AuditFilters, entityIds: readonly string[] | null = null): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (filters.actorEmail) query['actor.email'] = filters.actorEmail;
  if (filters.entityKind) query['entity.kind'] = filters.entityKind;
  const ids = filters.entityId ? (entityIds ?? [filters.entityId]).filter((id) => id === filters.entityId) : entityIds;
  if (ids) query['entity.id'] = ids.length === 1 ? ids[0] : { $in: [...ids] };
  if (filters.action) query['action'] = filters.action;
  const at = dayRange(filters.from, filters.to, filters.timeZone);
  if (at) query['at'] = at;
  return query;
}

/** The ids every given reference names at once (their intersection); null when none was given. */
export function intersectIds(sets: readonly (readonly string[])[]): readonly string[] | null {
  if (sets.length === 0) return null;
  return sets.reduce((kept, set) => kept.filter((id) => set.includes(id)));
}

/** A value as the page shows it: money and times are formatted there, in the agent's zone. */
export type AuditValue =
  | { readonly kind: 'money'; readonly cents: number }
  | { readonly kind: 'time'; readonly iso: string }
  | { readonly kind: 'status'; readonly code: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' };

/** One changed field: its path in the stored record (`['priceOverride', 'de', 'price']`). */
export interface AuditChange {
  readonly path: readonly string[];
  readonly before: AuditValue;
  readonly after: AuditValue;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Money as stored (`{ amountCents, currency }`): one value, not two fields. */
const isMoney = (value: unknown): value is { amountCents: number; currency: string } =>
  isRecord(value) && typeof value['amountCents'] === 'number' && typeof value['currency'] === 'string' && Object.keys(value).length === 2;

function auditValue(key: string, value: unknown): AuditValue {
  if (value === null || value === undefined) return { kind: 'none' };
  if (isMoney(value)) return { kind: 'money', cents: value.amountCents };
  if (typeof value === 'number' && key.endsWith('Cents')) return { kind: 'money', cents: value };
  if (value instanceof Date) return { kind: 'time', iso: value.toISOString() };
  if (typeof value === 'string' && ISO_TIME.test(value)) return { kind: 'time', iso: new Date(value).toISOString() };
  if (typeof value === 'string' && key === 'status') return { kind: 'status', code: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'yes' : 'no' };
  if (typeof value === 'string' || typeof value === 'number') return { kind: 'text', text: String(value) };
  if (Array.isArray(value))
    return { kind: 'text', text: value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') };
  return { kind: 'text', text: JSON.stringify(value) };
}

/** The leaves of a recorded state, by path; a state that is not an object is one leaf. */
function leaves(state: unknown, path: readonly string[] = [], into = new Map<string, { path: readonly string[]; value: unknown }>()) {
  if (isRecord(state) && !isMoney(state)) {
    for (const [key, value] of Object.entries(state)) leaves(value, [...path, key], into);
  } else if (state !== null && state !== undefined) {
    into.set(JSON.stringify(path), { path, value: state });
  }
  return into;
}

/** What changed between the recorded before and after, field by field, in the order first seen. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const was = leaves(before);
  const is = leaves(after);
  const keys = [...new Set([...was.keys(), ...is.keys()])];
  return keys.flatMap((key) => {
    const old = was.get(key);
    const now = is.get(key);
    if (JSON.stringify(old?.value) === JSON.stringify(now?.value)) return [];
    const path = (now ?? old)!.path;
    const last = path.at(-1) ?? '';
    return [{ path, before: auditValue(last, old?.value), after: auditValue(last, now?.value) }];
  });
}

export interface AuditView {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly name: string; readonly email: string | null };
  readonly action: string;
  readonly entity: AuditEntity & { readonly label: string };
  readonly changes: readonly AuditChange[];
  readonly reason: string | null;
}

/** Dates as ISO strings and values typed, never HTML: the page shows them as text. */
export function toAuditView(
  entry: AuditEntry,
  names: { readonly actor: AuditView['actor']; readonly label: string | undefined },
): AuditView {
  return {
    id: entry._id,
    at: entry.at.toISOString(),
    actor: names.actor,
    action: entry.action,
    entity: { ...entry.entity, label: names.label ?? entry.entity.id },
    changes: auditChanges(entry.before, entry.after),
    reason: entry.reason,
  };
}
