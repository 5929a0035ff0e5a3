// `npm run real-pages:fetch [-- --to DIR] [--git-mirrors DIR]`: rebuilds the set of real product
// pages listed in infra/real-pages/pages.jsonl (saved pages of real shops, kept as test data by
// other public projects) without committing them: each one is downloaded at the commit the list
// names from raw.githubusercontent.com, its size and first bytes checked, and an expectations
// file written beside them, which `npm run accuracy:extract -- DIR/expected.jsonl` measures. A
// machine without GitHub can read them from local bare clones instead (`--git-mirrors`, a folder
// holding `owner+name` git directories, as `git clone --mirror` makes them, or `owner+name/repo`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ExpectationLine } from '../../src/server/scraping';
import { STACK_DIR } from '../local/paths';

const LIST = join(dirname(fileURLToPath(import.meta.url)), 'pages.jsonl');
const PageLine = ExpectationLine.extend({
  source: z.object({
    repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
    path: z.string().min(1),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    licence: z.string(),
  }),
});

const { values } = parseArgs({ options: { to: { type: 'string' }, 'git-mirrors': { type: 'string' } } });
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const target = values.to ? resolve(cwd, values.to) : join(STACK_DIR, 'real-pages');
const mirrors = values['git-mirrors'] ? resolve(cwd, values['git-mirrors']) : null;

async function download(source: z.infer<typeof PageLine>['source']): Promise<Buffer> {
  if (mirrors) {
    const name = source.repo.replace('/', '+');
    // `git clone --mirror` names it `owner+name.git`; some mirrors keep it one folder down.
    const gitDir = [join(mirrors, name), join(mirrors, `${name}.git`), join(mirrors, name, 'repo')].find((dir) =>
      existsSync(join(dir, 'HEAD')),
    );
    if (!gitDir) throw new Error(`no mirror of ${source.repo} in ${mirrors}`);
    return execFileSync('git', ['--git-dir', gitDir, 'show', `${source.commit}:${source.path}`], { maxBuffer: 64 << 20 });
  }
  const url = `https://raw.githubusercontent.com/${source.repo}/${source.commit}/${source.path.split('/').map(encodeURIComponent).join('/')}`;
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

const lines = (await readFile(LIST, 'utf8')).split('\n').filter((line) => line.trim() !== '');
await mkdir(target, { recursive: true });
const expectations: string[] = [];
let failed = 0;
for (const [n, text] of lines.entries()) {
  const parsed = PageLine.safeParse(JSON.parse(text));
  if (!parsed.success) {
    console.error(`${LIST}:${n + 1}: ${z.prettifyError(parsed.error)}`);
    process.exit(65);
  }
  const { source, ...expectation } = parsed.data;
  try {
    const bytes = await download(source);
    // A page, not an error document or a Git LFS pointer.
    if (bytes.length < 2_000 || !/<html|<!doctype/i.test(bytes.subarray(0, 4_096).toString('latin1')))
      throw new Error(`${source.repo}/${source.path} is not a saved page (${bytes.length} bytes)`);
    await writeFile(join(target, expectation.file), bytes);
    expectations.push(JSON.stringify(expectation));
    console.log(`  ${expectation.file}: ${Math.round(bytes.length / 1024)} KB from ${source.repo} (${source.licence})`);
  } catch (error) {
    failed += 1;
    console.error(`  ${expectation.file}: ${(error as Error).message}`);
  }
}
await writeFile(join(target, 'expected.jsonl'), `${expectations.join('\n')}\n`);
console.log(
  `${expectations.length} of ${lines.length} pages in ${target}; measure them with: npm run accuracy:extract -- ${join(target, 'expected.jsonl')}`,
);
if (failed > 0) process.exit(1);
