// The translation job's work: the product's title and description translated for one market
// from its original (product-text.ts), stored in the product as that market's text and written
// through to the product cache; pages then read it like any stored field, never calling DeepL.
// Idempotent: a market that has a text by the time the job runs (a translation done, or its own
// page scraped meanwhile) is left as it is. The write is guarded by the `updatedAt` it read, like
// the scrapers' writes, so neither overwrites the other's change.
import type { Redis } from 'ioredis';
import { cacheProduct, findProduct, originalText, replaceProductIfUnchanged, sellingPrice, withText, type ProductText } from '../catalog';
import type { Db } from 'mongodb';
import { MARKETS } from '../../common/markets';
import type { TextTranslator } from './translator.client';
import type { TranslateJobData } from './translation.queue';

export interface TranslateDeps {
  readonly db: Db;
  readonly translator: TextTranslator;
  /** @defaultValue none: no cache to write through */
  readonly redis?: Redis;
}

export type TranslateOutcome = 'translated' | 'has_text' | 'not_for_sale' | 'no_original' | 'no_product';

/** Rounds of reading a product that keeps changing under the write before the job fails (and BullMQ retries it later). */
const MAX_ROUNDS = 3;

export async function translateProductText(deps: TranslateDeps, job: TranslateJobData, now = new Date()): Promise<TranslateOutcome> {
  const { productId, market } = job;
  const language = MARKETS[market].language;
  // What the last round translated: a product changed meanwhile in another field needs no second call.
  let done: { readonly from: ProductText; readonly to: ProductText } | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const product = await findProduct(deps, productId);
    if (!product) return 'no_product';
    if (product.texts?.[market]) return 'has_text';
    if (sellingPrice(product, market, now) === null) return 'not_for_sale';
    const original = originalText(product, market);
    if (!original) return 'no_original';

    if (!done || done.from.title !== original.title || done.from.description !== original.description) {
      const [title, description] = await deps.translator.translate(
        original.description ? [original.title, original.description] : [original.title],
        original.language,
        language,
      );
      if (!title) throw new Error(`DeepL gave an empty title for ${productId} in ${market}`);
      done = { from: original, to: { title, description: description || null, language, origin: 'translation', at: now } };
    }
    const updated = withText(product, market, done.to, now);
    if (await replaceProductIfUnchanged(deps, product, updated)) {
      // The copy is repaired by its TTL or the next write if Redis fails now; the text is stored.
      if (deps.redis)
        await cacheProduct(deps.redis, updated).catch((error: unknown) =>
          console.error(`[translator] ${productId} stored but not cached: ${(error as Error).message}`),
        );
      return 'translated';
    }
  }
  throw new Error(`product ${productId} kept changing while its ${market} text was written; the job will run again`);
}
