// Finds which procedure a selector such as `(api) => api.catalog.latest` points at, without
// calling anything: the selector runs once on a proxy that records the property names.
const PATH = Symbol('tRPC procedure path');

function recorder(segments: readonly string[]): unknown {
  return new Proxy(
    {},
    {
      get: (_target, key) => (key === PATH ? segments.join('.') : typeof key === 'string' ? recorder([...segments, key]) : undefined),
    },
  );
}

export function procedurePath<TClient>(select: (api: TClient) => unknown): string {
  const selected = select(recorder([]) as TClient) as { [PATH]?: unknown };
  const path = selected[PATH];
  if (typeof path !== 'string' || path === '') {
    throw new Error('the selector must return a procedure, such as (api) => api.system.status');
  }
  return path;
}
