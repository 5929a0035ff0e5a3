// The shop in the shopper's language: a product scraped in Germany only is for sale in Italy.
// The Italian listing and product page show its German title and description marked `lang="de"`
// until the translation (deepl-node to the simulator's DeepL stand-in) is stored; then Italian,
// unmarked. The product is written as the scrapers write it, through the listing store.
import { expect, test } from './fixtures/test';
import { parseConfig } from '../src/server/platform/config';
import { newId } from '../src/common/ids';
import { openRuntime, type Runtime } from '../src/server/platform/runtime';
import { listingFixture } from '../src/server/scraping/extraction/listing.fixture';
import { writeListings } from '../src/server/scraping';
import { deeplTranslator, translateProductText } from '../src/server/translation';
import { PRODUCTS } from '../src/server/catalog';
import { ensureCollections } from '../src/server/collections';
import { collectionIn } from '../src/server/platform/db';

// The test reads the collection itself, by its declared spec.
const productCollection = collectionIn(PRODUCTS);

async function withRuntime<T>(run: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(
    parseConfig({ MONGO_URL: process.env['E2E_MONGO_URL'], REDIS_URL: process.env['E2E_REDIS_URL'] }),
    'e2e-language',
  );
  await ensureCollections(rt.db);
  try {
    return await run(rt);
  } finally {
    await rt.close();
  }
}

test('a German-only product shows in the Italian shop marked as German, then in Italian once translated', async ({ page }) => {
  const word = `e2e${newId(6)}`;
  const sourceId = `B0${newId(4).toUpperCase()}`;
  const listing = listingFixture({
    market: 'de',
    site: 'amazon.de',
    sourceId,
    url: `https://www.amazon.de/dp/${sourceId}`,
    gtin: null,
    brand: 'Nordvik',
    title: `Nordvik Kaffeemaschine ${word}, Schwarz`,
    description: `Nordvik Kaffeemaschine: BPA-frei und spülmaschinengeeignet. 2 Jahre Herstellergarantie.`,
    category: null,
    imageUrl: null,
  });
  const productId = await withRuntime(async (rt) => {
    await writeListings({ db: rt.db, redis: rt.redis }, [listing]);
    return (await productCollection(rt).findOne({ 'offers.de.sourceId': sourceId }))!._id;
  });

  await page.goto(`/it?q=${word}`);
  const link = page.getByTestId('listing-link');
  await expect(link).toHaveText(listing.title);
  await expect(link).toHaveAttribute('lang', 'de');
  await link.click();
  await expect(page.getByTestId('product-title')).toHaveText(listing.title);
  await expect(page.getByTestId('product-title')).toHaveAttribute('lang', 'de');
  await expect(page.getByTestId('product-description')).toHaveAttribute('lang', 'de');
  const productUrl = page.url();

  const deeplUrl = process.env['E2E_SIMULATOR_CONTROL_URL']!.replace(/\/__control$/, '');
  const outcome = await withRuntime((rt) =>
    translateProductText(
      { db: rt.db, redis: rt.redis, translator: deeplTranslator({ authKey: 'e2e', serverUrl: deeplUrl, timeoutMs: 5_000 }) },
      { productId, market: 'it' },
    ),
  );
  expect(outcome).toBe('translated');

  await page.goto(productUrl);
  await expect(page.getByTestId('product-title')).toHaveText(`Nordvik Macchina da Caffè ${word}, Nero`);
  await expect(page.getByTestId('product-title')).not.toHaveAttribute('lang');
  await expect(page.getByTestId('product-description')).toHaveText(
    'Nordvik presenta Macchina da Caffè: senza BPA e lavabile in lavastoviglie. Garanzia di 2 anni.',
  );
  // The German shop keeps its own page's text; the Italian one finds the product by its Italian words.
  await page.goto(`/it?q=macchina+${word}`);
  await expect(page.getByTestId('listing-link')).toHaveText(`Nordvik Macchina da Caffè ${word}, Nero`);
  await expect(page.getByTestId('listing-link')).not.toHaveAttribute('lang');
  await page.goto(`/de?q=${word}`);
  await expect(page.getByTestId('listing-link')).toHaveText(listing.title);
});
