// Where the system suite's platform differs from `./stack up`, and why. Everything else (the
// processes, the simulator's latency and price drift, the scrapers' politeness, the freshness
// window, the margin rules) is what a user runs.
export const SYSTEM_SIMULATOR_ARGS: readonly string[] = [
  // A small catalog (the default is 5,000 products a market), so that the scrapers crawl all of it,
  // at their usual politeness, in seconds.
  '--products-per-market',
  '30',
  // The marketplaces cancel no supplier order: the journey follows orders to their door, and one
  // in twenty cancelled (the default) would send it to needs_attention one run in ten. How a
  // cancellation reaches the agent is tested in purchase.spec.ts.
  '--supplier-failures',
  '0',
];

export const SYSTEM_SETTINGS: Readonly<Record<string, string>> = {
  // The simulator's clock is moved to ship and deliver orders; the purchaser should notice within
  // seconds rather than at its usual once a minute.
  TRACKING_POLL_MS: '2000',
};
