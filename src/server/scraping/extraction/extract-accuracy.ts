// Field-level accuracy of the extraction command's records against what a person read on the
// same pages: which page kind (product, blocked, no product) and, on product pages, each field
// the expectation names. Prices compare as amounts (`1299.9` = `1299.90`), text with its
// whitespace collapsed. Pure: records in, scores out; `npm run accuracy:extract` feeds it.
import { z } from 'zod';
import { Availability } from '../../catalog';
import { collapse } from './html-text';
import type { ExtractRecord } from './extract-record';

export const ACCURACY_FIELDS = [
  'title',
  'brand',
  'gtin',
  'mpn',
  'sourceId',
  'price',
  'currency',
  'availability',
  'imageUrl',
  'url',
] as const;
export type AccuracyField = (typeof ACCURACY_FIELDS)[number] | 'kind';

/** What the page holds: either an error, or the fields to check (left out: not checked; null: the page has none). */
export const ExpectedRecord = z.union([
  z.object({ error: z.enum(['blocked', 'no_product']) }).strict(),
  z
    .object({
      title: z.string(),
      brand: z.string().nullable(),
      gtin: z.string().nullable(),
      mpn: z.string().nullable(),
      sourceId: z.string().nullable(),
      price: z
        .string()
        .regex(/^\d+(?:\.\d{1,2})?$/)
        .nullable(),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .nullable(),
      availability: Availability,
      imageUrl: z.string().nullable(),
      url: z.string(),
    })
    .partial()
    .strict(),
]);
export type ExpectedRecord = z.infer<typeof ExpectedRecord>;

/** One line of an expectations file: the extraction command's batch line plus what it should print. */
export const ExpectationLine = z.object({
  file: z.string().min(1),
  url: z.url().optional(),
  market: z.string().optional(),
  /**
   * The change to the extraction the page was written after (a page never tuned on measures it
   * fairly, on its first run); pages without one were written before every named change.
   */
  writtenAfter: z.string().min(1).optional(),
  expected: ExpectedRecord,
});
export type ExpectationLine = z.infer<typeof ExpectationLine>;

export interface FieldMiss {
  readonly field: AccuracyField;
  readonly expected: unknown;
  readonly actual: unknown;
}

const kindOf = (record: ExtractRecord | ExpectedRecord): string => ('error' in record && record.error ? record.error : 'product');

function sameValue(field: AccuracyField, expected: unknown, actual: unknown): boolean {
  if (expected === null || actual === null || actual === undefined) return expected === (actual ?? null);
  if (field === 'price') return Math.round(Number(expected) * 100) === Math.round(Number(actual) * 100);
  return collapse(String(expected)) === collapse(String(actual));
}

/** The fields of one page that the record gets wrong (the page kind first: a wrong kind fails every field). */
export function compareRecord(expected: ExpectedRecord, actual: ExtractRecord): { checked: AccuracyField[]; misses: FieldMiss[] } {
  const checked: AccuracyField[] = ['kind'];
  const misses: FieldMiss[] = [];
  if (kindOf(expected) !== kindOf(actual)) misses.push({ field: 'kind', expected: kindOf(expected), actual: kindOf(actual) });
  if ('error' in expected) return { checked, misses };
  for (const field of ACCURACY_FIELDS) {
    if (!(field in expected)) continue;
    checked.push(field);
    const actualValue = 'error' in actual ? undefined : actual[field];
    if (!sameValue(field, expected[field], actualValue)) misses.push({ field, expected: expected[field], actual: actualValue ?? null });
  }
  return { checked, misses };
}

export interface AccuracyReport {
  readonly pages: number;
  /** Pages whose every checked field is right. */
  readonly pagesExact: number;
  /** Share of right answers per field, over the pages that check it. */
  readonly fields: Partial<Record<AccuracyField, { readonly checked: number; readonly right: number; readonly accuracy: number }>>;
  /** Right answers over all checked fields. */
  readonly overall: number;
}

export function accuracyOf(results: readonly { checked: readonly AccuracyField[]; misses: readonly FieldMiss[] }[]): AccuracyReport {
  const fields: Record<string, { checked: number; right: number; accuracy: number }> = {};
  let checked = 0;
  let right = 0;
  for (const result of results) {
    const missed = new Set(result.misses.map((m) => m.field));
    for (const field of result.checked) {
      const entry = (fields[field] ??= { checked: 0, right: 0, accuracy: 0 });
      entry.checked += 1;
      checked += 1;
      if (!missed.has(field)) {
        entry.right += 1;
        right += 1;
      }
    }
  }
  for (const entry of Object.values(fields)) entry.accuracy = Math.round((entry.right / entry.checked) * 1000) / 1000;
  return {
    pages: results.length,
    pagesExact: results.filter((r) => r.misses.length === 0).length,
    fields,
    overall: checked === 0 ? 0 : Math.round((right / checked) * 1000) / 1000,
  };
}
