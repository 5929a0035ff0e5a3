// The pages imitating real shops (src/server/scraping/extraction/fixtures/real-world, written for these
// tests, not copied) read exactly as a person reads them, through the extraction command's own
// file reading: encodings, layouts, listings and block pages. `npm run accuracy:extract` prints
// the same comparison as figures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMarketCode } from '../../src/common/markets';
import { compareRecord, ExpectationLine } from '../../src/server/scraping';
import { extractFile } from './extract-file';

const corpus = new URL('../../src/server/scraping/extraction/fixtures/real-world/', import.meta.url);
const lines = readFileSync(new URL('expected.jsonl', corpus), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => ExpectationLine.parse(JSON.parse(line)));

describe('extraction of pages imitating real shops', () => {
  it('covers products, listings and block pages', () => {
    const kinds = lines.map((l) => ('error' in l.expected ? l.expected.error : 'product'));
    expect(new Set(kinds)).toEqual(new Set(['product', 'no_product', 'blocked']));
  });

  it.each(lines.map((line) => [line.file, line] as const))('%s', (file, line) => {
    const record = extractFile(file, fileURLToPath(new URL(file, corpus)), line.url, isMarketCode(line.market) ? line.market : undefined);
    expect(compareRecord(line.expected, record).misses, JSON.stringify(record)).toEqual([]);
  });

  it('counts a wrong field as a miss', () => {
    const line = lines.find((l) => l.file === 'prestashop-fr.html')!;
    const record = extractFile(line.file, fileURLToPath(new URL(line.file, corpus)), line.url, 'fr');
    if ('error' in record) throw new Error(JSON.stringify(record));
    expect(compareRecord(line.expected, { ...record, price: '1299.94' }).misses).toEqual([
      { field: 'price', expected: '1299.95', actual: '1299.94' },
    ]);
    expect(compareRecord(line.expected, { file: line.file, error: 'blocked' }).misses.map((m) => m.field)).toContain('kind');
  });
});
