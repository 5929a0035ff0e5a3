// What `./stack up` started, written by the stack to Redis and read by the home page, so the
// page reports the processes that are really running rather than what the code expects.
import { z } from 'zod';
import type { Redis } from 'ioredis';

export const STACK_MANIFEST_KEY = 'ds:stack:manifest';

export const StackService = z.object({
  name: z.string(),
  /** What it is, e.g. "SecantusDB 0.5.3-beta.196 (Rust server, cached build)". */
  detail: z.string(),
  url: z.string().nullable(),
  pid: z.number().int().nullable(),
});
export type StackService = z.infer<typeof StackService>;

export const StackManifest = z.object({
  startedAt: z.iso.datetime(),
  services: z.array(StackService),
});
export type StackManifest = z.infer<typeof StackManifest>;

export async function writeStackManifest(redis: Redis, manifest: StackManifest): Promise<void> {
  await redis.set(STACK_MANIFEST_KEY, JSON.stringify(StackManifest.parse(manifest)));
}

/** Null when the app was not started by `./stack up` (tests, docker compose, a bare `npm start`). */
export async function readStackManifest(redis: Redis): Promise<StackManifest | null> {
  const raw = await redis.get(STACK_MANIFEST_KEY);
  if (raw === null) return null;
  const parsed = StackManifest.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}
