// The agents, sessions, audit entries collections, declared by their owner: schema, indexes and shard key.
import { collection, collectionIn } from '../platform/db';
import { Agent, AuditEntry, Session } from './backoffice.schema';

export const AGENTS = collection({
  name: 'agents',
  schema: Agent,
  indexes: [{ name: 'email', key: { email: 1 }, unique: true }],
  shardKey: { email: 'hashed' },
  shardKeyReason: 'login finds an agent by e-mail, which must be unique; the collection is small',
});

export const agentCollection = collectionIn(AGENTS);

export const SESSIONS = collection({
  name: 'sessions',
  schema: Session,
  indexes: [
    { name: 'expires', key: { expiresAt: 1 }, expireAfterSeconds: 0 },
    { name: 'agent', key: { agentId: 1 } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason: 'a session is read by its id on every back-office request',
});

export const sessionCollection = collectionIn(SESSIONS);

export const AUDIT_ENTRIES = collection({
  name: 'audit_entries',
  schema: AuditEntry,
  indexes: [
    { name: 'at', key: { at: -1 } },
    { name: 'entity_at', key: { 'entity.kind': 1, 'entity.id': 1, at: -1 } },
    // An order number or a shopper's e-mail names records of several kinds (the customer and their orders).
    { name: 'entity_id_at', key: { 'entity.id': 1, at: -1 } },
    { name: 'actor_at', key: { 'actor.id': 1, at: -1 } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason: 'appends are spread evenly; browsing the log is rare and may visit every shard, which beats a hot chunk on time',
});

export const auditCollection = collectionIn(AUDIT_ENTRIES);
