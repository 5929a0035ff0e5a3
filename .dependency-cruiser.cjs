// The boundaries docs/ARCHITECTURE.md describes, checked by `npm run lint:deps` (part of `./stack test`).
// A "unit" is a capability (src/server/<name>/), a piece of plumbing (src/server/platform/<name>/)
// or a common pure module (src/common/<name>/); its index.ts is its face and the only way in.
// Nitro's folders (routes, plugins, middleware) and the tRPC routers are entry points, not units.
const UNIT = '(src/server/platform/[^/]+|src/server/(?!routes/|plugins/|middleware/|trpc/|platform/)[^/]+|src/common/[^/]+)';
const ANY_UNIT_FILE = `^${UNIT}/.+`;
const FACE = `^${UNIT}/index\\.ts$`;
// What the browser may run from the server's tree: each capability's browser.ts face (pure
// modules only) and src/common. Everything else it may import only as types.
const BROWSER_FACE = '^src/server/[^/]+/browser\\.ts$';
// Code the browser bundle must never reach.
// Test code: specs and the fixtures they share (fixtures are reached directly, never through a face).
const TEST = '\\.(spec|fixture)\\.ts$|^e2e/';
const FIXTURE = '\\.fixture\\.ts$';
const SERVER_ONLY = '^(node_modules/(mongodb|ioredis|bullmq|crawlee|@crawlee|playwright|sharp|undici|deepl-node)/|src/server/platform/)';

// Checked on the graph without type-only imports (.dependency-cruiser.browser.cjs): types vanish
// from the bundle, so only what runs counts.
const BROWSER_PURITY = {
  name: 'browser-faces-stay-pure',
  severity: 'error',
  comment: 'A browser.ts face and src/common are bundled for the browser: nothing they reach at run time may do I/O.',
  from: { path: `${BROWSER_FACE}|^src/common/` },
  to: { path: SERVER_ONLY, reachable: true },
};

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules cannot be understood, tested or moved apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'faces-only-inside-server',
      severity: 'error',
      comment: "A unit reaches another only through its index.ts: what a face does not export is that unit's business.",
      from: { path: `^${UNIT}/` },
      to: { path: ANY_UNIT_FILE, pathNot: [`^$1/`, FACE, BROWSER_FACE, FIXTURE] },
    },
    {
      name: 'faces-only-from-outside',
      severity: 'error',
      comment: 'Pages, routes, workers, infrastructure and tests outside a unit use its index.ts (the browser: browser.ts).',
      from: { pathNot: `^${UNIT}/` },
      to: { path: ANY_UNIT_FILE, pathNot: [FACE, BROWSER_FACE, FIXTURE] },
    },
    {
      name: 'browser-imports-types-or-pure-modules',
      severity: 'error',
      comment:
        'Code that runs in the browser (src/app, except *.server.ts loaders) imports server code only as types, ' +
        'or the pure modules a browser.ts face or src/common offers.',
      from: { path: '^src/app/', pathNot: '\\.server\\.ts$|\\.spec\\.ts$' },
      to: { path: '^src/server/', pathNot: BROWSER_FACE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'fixtures-only-in-tests',
      severity: 'error',
      comment: 'Fixtures build test data; running code never depends on them.',
      from: { pathNot: TEST },
      to: { path: FIXTURE },
    },
    {
      name: 'extraction-stays-pure',
      severity: 'error',
      comment: "Scraping's extraction reads a page and nothing else: no crawling, no store, no I/O module, so saved pages test it whole.",
      from: { path: '^src/server/scraping/extraction/', pathNot: TEST },
      to: { path: `^src/server/scraping/(crawling|listing-writes)/|${SERVER_ONLY}` },
    },
    {
      name: 'infra-never-imports-workers',
      severity: 'error',
      comment: 'Workers are entry points; what infrastructure needs lives in a capability or in the simulator.',
      from: { path: '^infra/' },
      to: { path: '^workers/' },
    },
    {
      name: 'capabilities-never-import-entry-points',
      severity: 'error',
      comment: 'Capabilities and plumbing are used by the entry points (routes, tRPC, workers), never the reverse.',
      from: { path: `^${UNIT}/`, pathNot: TEST },
      to: { path: '^(src/app|src/server/(routes|plugins|middleware|trpc)|workers|infra|e2e)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.stack)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

// The browser config (.dependency-cruiser.browser.cjs) reads the rule from here; depcruise reads `config` alone.
module.exports =
  process.env.DEPCRUISE_BROWSER === '1'
    ? { forbidden: [BROWSER_PURITY], options: { ...config.options, tsPreCompilationDeps: false } }
    : config;
