import { createHash } from 'node:crypto';

// Customers are sharded by id, so the database cannot keep e-mails unique (a unique index
// must start with the shard key). The id is derived from the normalized e-mail instead: two
// checkouts with the same address upsert the same document, on the same shard.
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function customerIdFor(email: string): string {
  return `c-${createHash('sha256').update(normalizeEmail(email)).digest('hex').slice(0, 32)}`;
}
