import { describe, expect, it } from 'vitest';
import { procedurePath } from './procedure-path';

interface Client {
  system: { status: { query(): Promise<string> } };
  catalog: { latest: { query(input: { limit: number }): Promise<string[]> } };
}

describe('procedurePath', () => {
  it('reads the dotted path of the selected procedure without calling it', () => {
    expect(procedurePath<Client>((api) => api.system.status)).toBe('system.status');
    expect(procedurePath<Client>((api) => api.catalog.latest)).toBe('catalog.latest');
  });

  it('refuses a selector that returns no procedure', () => {
    expect(() => procedurePath<Client>(() => 'system.status')).toThrow(/must return a procedure/);
  });
});
