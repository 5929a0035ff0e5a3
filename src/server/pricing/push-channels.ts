// Whether the marketplaces' push channels are heard from: each signal received marks its channel
// alive for SIGNAL_SILENCE_MS; a price such a channel covers stays fresh longer (freshForMs). A
// channel gone silent (a broken subscription, a relay down) loses that trust by itself.
import type { ChainableCommander, Redis } from 'ioredis';
import { PUSH_CHANNELS, type PushChannel } from '../catalog';
import type { LiveChannels } from './freshness';

const aliveKey = (channel: PushChannel) => `ds:signals:alive:${channel}`;

export async function markChannelAlive(redis: Redis, channel: PushChannel, silenceMs: number): Promise<void> {
  await redis.set(aliveKey(channel), '1', 'PX', silenceMs);
}

/** Adds the channels' reads to a pipeline a page makes anyway; liveChannels reads their answers. */
export function queueChannelReads(pipeline: ChainableCommander): ChainableCommander {
  for (const channel of PUSH_CHANNELS) pipeline.exists(aliveKey(channel));
  return pipeline;
}

/** The live channels from queueChannelReads' answers, in PUSH_CHANNELS order. */
export function liveChannels(answers: readonly unknown[]): LiveChannels {
  return new Set(PUSH_CHANNELS.filter((_, i) => answers[i] === 1));
}

export async function readLiveChannels(redis: Redis): Promise<LiveChannels> {
  const results = (await queueChannelReads(redis.pipeline()).exec()) ?? [];
  return liveChannels(results.map(([, value]) => value));
}
