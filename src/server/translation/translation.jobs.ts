// The job the translator worker takes: a translation, then a look for the product's twins in the
// market it now reads in (matching). Payloads are checked at this trust boundary.
import { UnrecoverableError } from 'bullmq';
import { findTwins } from '../matching';
import { jobPayload, type JobHandler } from '../platform/runtime';
import { TRANSLATE_PRODUCT_JOB, TranslateJobData } from './translation.queue';
import { translateProductText } from './translation.service';
import { TranslatorRefused, type TextTranslator } from './translator.client';

/** Handlers over a translator; null (DEEPL_AUTH_KEY unset) fails each job at once, saying so. */
export function translationHandlers(translator: TextTranslator | null): Readonly<Record<string, JobHandler>> {
  return {
    [TRANSLATE_PRODUCT_JOB]: async (job, rt) => {
      const data = jobPayload(TranslateJobData, job);
      if (!translator) throw new UnrecoverableError('DEEPL_AUTH_KEY is not set: product texts are not translated');
      try {
        const outcome = await translateProductText({ db: rt.db, redis: rt.redis, translator }, data);
        // Read in another market's language, the product can be laid beside that market's products.
        if (outcome === 'translated' || outcome === 'has_text') await findTwins(rt, data.productId);
        return outcome;
      } catch (error) {
        // No retry can change a refused key: the job fails at once, and the next crawl asks again.
        if (error instanceof TranslatorRefused) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
  };
}
