// The job the translator worker takes. Payloads are checked at this trust boundary.
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import type { JobHandler } from '../platform/runtime';
import { TRANSLATE_PRODUCT_JOB, TranslateJobData } from './translation.queue';
import { translateProductText } from './translation.service';
import { TranslatorRefused, type TextTranslator } from './translator.client';

/** Handlers over a translator; null (DEEPL_AUTH_KEY unset) fails each job at once, saying so. */
export function translationHandlers(translator: TextTranslator | null): Readonly<Record<string, JobHandler>> {
  return {
    [TRANSLATE_PRODUCT_JOB]: async (job, rt) => {
      const parsed = TranslateJobData.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`job ${job.id ?? '?'} (${job.name}) has a bad payload: ${z.prettifyError(parsed.error)}`);
      if (!translator) throw new UnrecoverableError('DEEPL_AUTH_KEY is not set: product texts are not translated');
      try {
        return await translateProductText({ db: rt.db, redis: rt.redis, translator }, parsed.data);
      } catch (error) {
        // No retry can change a refused key: the job fails at once, and the next crawl asks again.
        if (error instanceof TranslatorRefused) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };
}
