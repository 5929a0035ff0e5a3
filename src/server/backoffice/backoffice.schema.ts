import { z } from 'zod';
import { Id } from '../../common/ids';

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const Agent = z.object({
  _id: Id,
  email: z.email(),
  name: z.string().min(1),
  role: Role,
  /** An encoded hash from a well-kept library (scrypt or argon2id); never the password. */
  passwordHash: z.string().min(1),
  disabled: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Agent = z.infer<typeof Agent>;

/** The durable record of a login; the hot copy lives in Redis. Removed by a TTL index. */
export const Session = z.object({
  _id: Id,
  agentId: Id,
  createdAt: z.date(),
  expiresAt: z.date(),
  revokedAt: z.date().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

/** Who changed what, when, with the document before and after. Append-only. */
export const AuditEntry = z.object({
  _id: Id,
  at: z.date(),
  actor: z.object({ kind: z.enum(['agent', 'system']), id: z.string().nullable(), email: z.string().nullable() }),
  action: z.string().min(1),
  entity: z.object({ kind: z.enum(['order', 'customer', 'product', 'agent', 'job']), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
