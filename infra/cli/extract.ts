// The extraction command, for debugging an extractor and measuring accuracy on saved pages:
//   npm run -s extract -- PAGE.html [--url URL] [--market it]
//   npm run -s extract -- --batch LIST.jsonl      (lines {"file", "url"?, "market"?})
// Prints one JSON object per page (see src/server/scraping/extraction/extract-record.ts). Pages are decoded
// by the charset they declare. No network, no database: it runs the same pure extraction as the
// scrapers.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isMarketCode, type MarketCode } from '../../src/common/markets';
import { extractFile } from './extract-file';

/** npm runs scripts from the package's folder; paths on the command line are the caller's. */
const CALLER_DIR = process.env['INIT_CWD'] ?? process.cwd();
const fromCaller = (path: string) => resolve(CALLER_DIR, path);

const USAGE = 'usage: extract PAGE.html [--url URL] [--market it|fr|de|es]\n       extract --batch LIST.jsonl';

// A market outside ours (`us`, `uk`) still gets its page read, without a market.
const BatchLine = z.object({ file: z.string().min(1), url: z.url().optional(), market: z.string().optional() });

// Piped into `head`: stop quietly once the reader has gone.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { url: { type: 'string' }, market: { type: 'string' }, batch: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(64); // EX_USAGE
  }
}

const { values, positionals } = parseCommandLine();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (values.market !== undefined && !isMarketCode(values.market)) {
  console.error(`unknown market ${JSON.stringify(values.market)}\n${USAGE}`);
  process.exit(64);
}

if (values.batch) {
  const listPath = fromCaller(values.batch);
  const lines = readFileSync(listPath, 'utf8').split('\n');
  for (const [n, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let parsed: z.infer<typeof BatchLine>;
    try {
      const checked = BatchLine.safeParse(JSON.parse(line));
      if (!checked.success) throw new Error(z.prettifyError(checked.error));
      parsed = checked.data;
    } catch (error) {
      console.error(`${listPath}:${n + 1}: ${(error as Error).message}`);
      continue;
    }
    // A relative path is taken from the working directory, else from the list's own folder (a
    // list shipped beside its pages).
    const path =
      isAbsolute(parsed.file) || existsSync(fromCaller(parsed.file)) ? fromCaller(parsed.file) : resolve(dirname(listPath), parsed.file);
    process.stdout.write(
      `${JSON.stringify(extractFile(parsed.file, path, parsed.url, isMarketCode(parsed.market) ? parsed.market : undefined))}\n`,
    );
  }
} else {
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    process.exit(64);
  }
  const record = extractFile(file, fromCaller(file), values.url, values.market as MarketCode | undefined);
  process.stdout.write(`${JSON.stringify(record)}\n`);
}
