// Translator worker: translates a product's title and description for a market that sells it
// without a page of its own (jobs enqueued by the scrapers' writes), once, through DeepL's API
// (DEEPL_SERVER_URL; the simulator's stand-in under ./stack up). A process of its own: DeepL
// calls may wait seconds and must hold up neither scraping nor the outbox.
import { loadConfigOrExit } from '../../src/server/platform/config';
import { QUEUES } from '../../src/server/platform/queues';
import { EVERY_COLLECTION } from '../../src/server/collections';
import { runWorker } from '../../src/server/platform/runtime';
import { translationHandlers, translatorFromConfig } from '../../src/server/translation';

const config = loadConfigOrExit();
const translator = translatorFromConfig(config);
if (!translator)
  console.error(
    '[translator] DEEPL_AUTH_KEY is not set: translation jobs fail at once, and pages show the original text marked with its language',
  );

await runWorker({
  collections: EVERY_COLLECTION,
  name: 'translator',
  queue: QUEUES.translate,
  handlers: translationHandlers(translator),
  concurrency: 4,
});
