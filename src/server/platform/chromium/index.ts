// Chromium: the flags every Chromium the platform starts runs with (the browser crawler's, the
// tests'). A machine without outside network needs the networking ones, or Chromium floods it
// with connection attempts.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
