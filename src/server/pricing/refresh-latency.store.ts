// Redis side of the refresher's latency: each refresh's marketplace-call duration added to its
// minute's histogram (in the refresh outcome's pipeline, so no extra round trip), and the last
// hour read back in one pipeline for the operations page.
import type { ChainableCommander, Redis } from 'ioredis';
import { SOURCE_CALLS_PREFIX, sourceCallCounts, sourceCallFields, type SourceCall, type SourceCallCounts } from './source-calls';
import {
  LATENCY_WINDOW_MINUTES,
  latencyBucket,
  latencyMinuteKey,
  latencyPercentiles,
  latencyWindowKeys,
  mergeHistograms,
  REFRESH_LATENCY_TTL_S,
  type LatencyPercentiles,
} from './refresh-latency';

export function queueLatencySample(pipeline: ChainableCommander, callMs: number, at: Date): ChainableCommander {
  const key = latencyMinuteKey(at);
  return pipeline.hincrby(key, String(latencyBucket(callMs)), 1).expire(key, REFRESH_LATENCY_TTL_S);
}

/** Counts each call of a refresh under its source and outcome, in the minute of `at`. */
export function queueSourceCalls(pipeline: ChainableCommander, calls: readonly SourceCall[], at: Date): ChainableCommander {
  if (calls.length === 0) return pipeline;
  const key = latencyMinuteKey(at, SOURCE_CALLS_PREFIX);
  for (const call of calls) for (const [field, by] of sourceCallFields(call)) pipeline.hincrby(key, field, by);
  return pipeline.expire(key, REFRESH_LATENCY_TTL_S);
}

/** The last hour's calls per source. */
export async function readSourceCalls(redis: Redis, now = new Date()): Promise<SourceCallCounts[]> {
  const pipeline = redis.pipeline();
  for (const key of latencyWindowKeys(now, LATENCY_WINDOW_MINUTES, SOURCE_CALLS_PREFIX)) pipeline.hgetall(key);
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  return sourceCallCounts(results.map(([, hash]) => (hash ?? {}) as Record<string, string>));
}

export async function readRefreshLatency(redis: Redis, now = new Date()): Promise<LatencyPercentiles | null> {
  const pipeline = redis.pipeline();
  for (const key of latencyWindowKeys(now)) pipeline.hgetall(key);
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed?.[0]) throw failed[0];
  return latencyPercentiles(mergeHistograms(results.map(([, hash]) => (hash ?? {}) as Record<string, string>)));
}
