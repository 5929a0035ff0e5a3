import { describe, expect, it } from 'vitest';
import { nextUpdatedAt } from './product-version';

describe('nextUpdatedAt', () => {
  it('is the write time when that is later than the copy read', () => {
    expect(nextUpdatedAt(new Date('2026-12-07T10:00:00Z'), new Date('2026-12-07T10:00:05Z'))).toEqual(new Date('2026-12-07T10:00:05Z'));
    expect(nextUpdatedAt(undefined, new Date('2026-12-07T10:00:05Z'))).toEqual(new Date('2026-12-07T10:00:05Z'));
  });

  it('moves past the copy read when the writer stamped its work before that copy was written', () => {
    expect(nextUpdatedAt(new Date('2026-12-07T10:00:05Z'), new Date('2026-12-07T10:00:01Z'))).toEqual(new Date('2026-12-07T10:00:05.001Z'));
    expect(nextUpdatedAt(new Date('2026-12-07T10:00:05Z'), new Date('2026-12-07T10:00:05Z'))).toEqual(new Date('2026-12-07T10:00:05.001Z'));
  });
});
