// `npm run screenshots` (after the system suite, which it runs first): the README's pictures of
// the shop and the back office, taken by the system suite on the catalog its scrapers filled,
// copied into docs/screenshots with their colours reduced to a palette so the repository stays small.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { log, StackError } from './log';
import { REPO_ROOT, SCREENSHOT_DIR } from './paths';

const DOCS_DIR = join(REPO_ROOT, 'docs', 'screenshots');

const taken = (await readdir(SCREENSHOT_DIR).catch(() => [])).filter((name) => name.endsWith('.png'));
if (taken.length === 0) throw new StackError(`no screenshots in ${SCREENSHOT_DIR}: run the system suite first (npm run test:system)`);
await mkdir(DOCS_DIR, { recursive: true });
for (const name of taken) {
  const info = await sharp(join(SCREENSHOT_DIR, name))
    .png({ palette: true, colours: 128, effort: 10, compressionLevel: 9 })
    .toFile(join(DOCS_DIR, name));
  log('screenshots', `${join('docs', 'screenshots', name)}: ${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB`);
}
