// Sessions: the hot copy in Redis (read on every back-office request, expiring when idle) and
// the durable record in the `sessions` collection (who is signed in where; revocation).
import type { Redis } from 'ioredis';
import type { Session } from './backoffice.schema';
import type { LiveSession } from './session';
import { sessionCollection } from './backoffice.collection';
import type { DbHandle } from '../platform/db';

const KEY_PREFIX = 'ds:bo:session:';
const keyOf = (sessionId: string) => `${KEY_PREFIX}${sessionId}`;

export async function saveLiveSession(redis: Redis, session: LiveSession, idleMs: number): Promise<void> {
  await redis.set(keyOf(session.sessionId), JSON.stringify(session), 'PX', idleMs);
}

/** The live session and its expiry pushed forward, or null when unknown, expired or revoked. */
export async function readLiveSession(redis: Redis, sessionId: string, idleMs: number): Promise<LiveSession | null> {
  const key = keyOf(sessionId);
  const [[, raw], [, extended]] = (await redis.multi().get(key).pexpire(key, idleMs).exec()) as [[null, string | null], [null, number]];
  if (!raw || extended !== 1) return null;
  return JSON.parse(raw) as LiveSession;
}

export async function deleteLiveSessions(redis: Redis, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length > 0) await redis.del(...sessionIds.map(keyOf));
}

export async function insertSessionRecord(rt: DbHandle, record: Session): Promise<void> {
  const sessions = sessionCollection(rt);
  await sessions.insertOne(record);
}

export async function extendSessionRecord(rt: DbHandle, sessionId: string, expiresAt: Date): Promise<void> {
  const sessions = sessionCollection(rt);
  await sessions.updateOne({ _id: sessionId, revokedAt: null }, { $set: { expiresAt } });
}

export async function markSessionsRevoked(rt: DbHandle, sessionIds: readonly string[], at: Date): Promise<void> {
  const sessions = sessionCollection(rt);
  if (sessionIds.length > 0) await sessions.updateMany({ _id: { $in: [...sessionIds] }, revokedAt: null }, { $set: { revokedAt: at } });
}

export async function openSessionIdsOf(rt: DbHandle, agentId: string, now: Date): Promise<string[]> {
  const sessions = sessionCollection(rt);
  const open = await sessions.find({ agentId, revokedAt: null, expiresAt: { $gt: now } }, { projection: { _id: 1 } }).toArray();
  return open.map((s) => s._id);
}
