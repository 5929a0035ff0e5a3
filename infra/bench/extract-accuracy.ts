// `npm run accuracy:extract [-- LIST.jsonl]`: field-level accuracy of the extraction over a corpus
// of saved pages with what a person read on them (by default the pages imitating real shops in
// src/server/scraping/extraction/fixtures/real-world). Each line is an extraction batch line plus
// `expected` (see src/server/scraping/extraction/extract-accuracy.ts), so the same list also feeds
// `npm run -s extract -- --batch`. Prints each page that misses a field, the accuracy per field,
// and as its last line one JSON object with the figures.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { isMarketCode } from '../../src/common/markets';
import { accuracyOf, compareRecord, ExpectationLine, type AccuracyReport } from '../../src/server/scraping';
import { extractFile } from '../cli/extract-file';

const DEFAULT_LIST = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../src/server/scraping/extraction/fixtures/real-world/expected.jsonl',
);
const { positionals } = parseArgs({ allowPositionals: true });
const listPath = positionals[0] ? resolve(process.env['INIT_CWD'] ?? process.cwd(), positionals[0]) : DEFAULT_LIST;

/** Pages written before every named change to the extraction. */
const BEFORE_ALL = '(before every named change)';
const results: (ReturnType<typeof compareRecord> & { writtenAfter: string })[] = [];
for (const [n, line] of readFileSync(listPath, 'utf8').split('\n').entries()) {
  if (line.trim() === '') continue;
  const parsed = ExpectationLine.safeParse(JSON.parse(line));
  if (!parsed.success) {
    console.error(`${listPath}:${n + 1}: ${z.prettifyError(parsed.error)}`);
    process.exit(65); // EX_DATAERR: a corpus that cannot be read measures nothing
  }
  const { file, url, market, expected, writtenAfter } = parsed.data;
  const record = extractFile(file, resolve(dirname(listPath), file), url, isMarketCode(market) ? market : undefined);
  const result = compareRecord(expected, record);
  results.push({ ...result, writtenAfter: writtenAfter ?? BEFORE_ALL });
  for (const miss of result.misses)
    console.log(`  miss ${file} ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.actual)}`);
}

const fieldFigures = (report: AccuracyReport) => Object.fromEntries(Object.entries(report.fields).map(([f, v]) => [f, v.accuracy]));
function print(title: string, report: AccuracyReport): void {
  console.log(
    `${title}: ${report.pages} pages, ${report.pagesExact} exact, ${(report.overall * 100).toFixed(1)} % of checked fields right`,
  );
  for (const [field, figures] of Object.entries(report.fields)) {
    console.log(`  ${field.padEnd(13)} ${(figures.accuracy * 100).toFixed(1).padStart(5)} %  (${figures.right}/${figures.checked})`);
  }
}

const report = accuracyOf(results);
print(`extraction accuracy (${listPath})`, report);
// Pages written after a change were never tuned on for it: their figures are the fair ones.
const groups = [...new Set(results.map((r) => r.writtenAfter))];
const byGroup = Object.fromEntries(groups.map((g) => [g, accuracyOf(results.filter((r) => r.writtenAfter === g))]));
if (groups.length > 1) for (const g of groups) print(`  pages written ${g === BEFORE_ALL ? BEFORE_ALL : `after "${g}"`}`, byGroup[g]!);
console.log(
  JSON.stringify({
    pages: report.pages,
    pages_exact: report.pagesExact,
    overall: report.overall,
    fields: fieldFigures(report),
    by_written_after: Object.fromEntries(
      groups.map((g) => [g, { pages: byGroup[g]!.pages, overall: byGroup[g]!.overall, fields: fieldFigures(byGroup[g]!) }]),
    ),
  }),
);
