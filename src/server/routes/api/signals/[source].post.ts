// Where the marketplaces push offer changes: the body is checked against its signature, read and
// queued, and answered 202 at once; the refresher applies it. A bad signature is 401, counted.
import { defineEventHandler, getHeader, getRouterParam, readRawBody, setResponseStatus } from 'h3';
import { receiveSignal, SIGNATURE_HEADER } from '../../../price-signals';
import { refreshQueue } from '../../../pricing';
import { runtime } from '../../../platform/runtime';

export default defineEventHandler(async (event) => {
  const rt = await runtime();
  const body = (await readRawBody(event, 'utf8')) ?? '';
  const intake = await receiveSignal(
    { config: rt.config, redis: rt.redis, queue: refreshQueue(rt) },
    getRouterParam(event, 'source') ?? '',
    body,
    getHeader(event, SIGNATURE_HEADER),
  );
  setResponseStatus(event, intake.status);
  return intake.status === 202 ? { accepted: intake.id } : { error: intake.message };
});
