// `npm run simulator`: starts the four simulated shops and the control API, prints their URLs (and
// the MARKETPLACE_URL_* lines the app and workers read), and stops cleanly on Ctrl-C or SIGTERM.
// Started by a parent with an IPC channel (child_process.fork), it also sends the parent a
// `ready` message with the URLs, so that a supervisor need not parse the printed text.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MARKET_CODES } from '../../src/common/markets';
import { startSimulator, type RunningSimulator } from './simulator';
import { DEFAULT_SETTINGS, SimulatorSettingsError, type SimulatorOptions } from './simulator-settings';

const USAGE = `Usage: npm run simulator -- [options]

  --seed <n>                    catalog seed (default ${DEFAULT_SETTINGS.seed})
  --products-per-market <n>     products in each market, up to 10,000,000 (default ${DEFAULT_SETTINGS.productsPerMarket})
  --latency on|off              realistic latency on product pages and the offer API (default ${DEFAULT_SETTINGS.latency ? 'on' : 'off'})
  --partner-rate-limits on|off  SP-API throttling at Amazon's rates (default ${DEFAULT_SETTINGS.partnerRateLimits ? 'on' : 'off'})
  --port-base <n>               it, fr, de, es on n..n+3 and the control API on n+4 (default: free ports)
  --host <address>              address to listen on (default ${DEFAULT_SETTINGS.host}; 0.0.0.0 in a container)
  --supplier-failures <share>   share of supplier orders the marketplace cancels, 0 to 1 (default ${DEFAULT_SETTINGS.orders.failureShare})
  --gtin-share <share>          share of product pages showing the GTIN, 0 to 1 (default ${DEFAULT_SETTINGS.identifiers.gtin})
  --model-share <share>         share of product pages naming the maker's model, 0 to 1 (default ${DEFAULT_SETTINGS.identifiers.model})
  --help                        this text`;

const wholeNumber = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);
const share = z
  .string()
  .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'expected a share from 0 to 1, such as 0.05')
  .transform(Number);

const CliFlags = z.strictObject({
  seed: wholeNumber.optional(),
  'products-per-market': wholeNumber.optional(),
  latency: z.enum(['on', 'off']).optional(),
  'partner-rate-limits': z.enum(['on', 'off']).optional(),
  'port-base': wholeNumber.optional(),
  host: z.string().min(1).optional(),
  'supplier-failures': share.optional(),
  'gtin-share': share.optional(),
  'model-share': share.optional(),
  help: z.boolean().optional(),
});
const FLAG_OF_SETTING: Readonly<Record<string, string>> = {
  seed: '--seed',
  productsPerMarket: '--products-per-market',
  portBase: '--port-base',
  host: '--host',
  'orders.failureShare': '--supplier-failures',
  'identifiers.gtin': '--gtin-share',
  'identifiers.model': '--model-share',
};

class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The options the command line asks for; throws UsageError naming the flag at fault. */
function optionsFromArgs(args: readonly string[]): SimulatorOptions | 'help' {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        'products-per-market': { type: 'string' },
        latency: { type: 'string' },
        'partner-rate-limits': { type: 'string' },
        'port-base': { type: 'string' },
        host: { type: 'string' },
        'supplier-failures': { type: 'string' },
        'gtin-share': { type: 'string' },
        'model-share': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = CliFlags.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const flags = parsed.data;
  if (flags.help) return 'help';
  return {
    ...(flags.seed !== undefined && { seed: flags.seed }),
    ...(flags['products-per-market'] !== undefined && { productsPerMarket: flags['products-per-market'] }),
    ...(flags.latency !== undefined && { latency: flags.latency === 'on' }),
    ...(flags['partner-rate-limits'] !== undefined && { partnerRateLimits: flags['partner-rate-limits'] === 'on' }),
    ...(flags['port-base'] !== undefined && { portBase: flags['port-base'] }),
    ...(flags.host !== undefined && { host: flags.host }),
    ...(flags['supplier-failures'] !== undefined && { orders: { failureShare: flags['supplier-failures'] } }),
    ...((flags['gtin-share'] !== undefined || flags['model-share'] !== undefined) && {
      identifiers: {
        gtin: flags['gtin-share'] ?? DEFAULT_SETTINGS.identifiers.gtin,
        model: flags['model-share'] ?? DEFAULT_SETTINGS.identifiers.model,
      },
    }),
  };
}

function banner(sim: RunningSimulator): string {
  const { seed, productsPerMarket, latency } = sim.settings;
  return [
    `Marketplace simulator: seed ${seed}, ${productsPerMarket.toLocaleString('en')} products per market, latency ${latency ? 'on' : 'off'}`,
    ...MARKET_CODES.map((m) => `  ${m.padEnd(8)} ${sim.urls[m]}`),
    `  control  ${sim.controlUrl}`,
    `  DeepL    ${sim.deeplUrl}/v2/translate`,
    `  SP-API   ${sim.partnerApiUrl}/products/pricing/v0  (LWA tokens: /auth/o2/token)`,
    `  eBay     ${sim.partnerApiUrl}/buy/browse/v1  (OAuth: /identity/v1/oauth2/token)`,
    '',
    'For the app and the workers:',
    ...MARKET_CODES.map((m) => `  MARKETPLACE_URL_${m.toUpperCase()}=${sim.urls[m]}`),
    `  DEEPL_SERVER_URL=${sim.deeplUrl}  (with any DEEPL_AUTH_KEY)`,
    `  SP_API_URL=${sim.partnerApiUrl}  LWA_TOKEN_URL=${sim.partnerApiUrl}/auth/o2/token  EBAY_API_URL=${sim.partnerApiUrl}`,
    '',
    'Ctrl-C stops it.',
  ].join('\n');
}

async function main(): Promise<void> {
  let options: SimulatorOptions | 'help';
  try {
    options = optionsFromArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(64); // EX_USAGE
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  let sim: RunningSimulator;
  try {
    sim = await startSimulator(options);
  } catch (error) {
    if (error instanceof SimulatorSettingsError) {
      console.error(`${error.issues.map((i) => `${FLAG_OF_SETTING[i.setting] ?? i.setting}: ${i.message}`).join('\n')}\n\n${USAGE}`);
      process.exit(64);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`${(error as Error).message}: choose another --port-base, or leave it out to take free ports`);
      process.exit(69); // EX_UNAVAILABLE
    }
    throw error;
  }

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void sim.stop().then(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
  // A parent that forked us and went away will not send a signal; do not outlive it.
  process.on('disconnect', stop);

  console.log(banner(sim));
  process.send?.({ type: 'ready', urls: sim.urls, controlUrl: sim.controlUrl, deeplUrl: sim.deeplUrl, partnerApiUrl: sim.partnerApiUrl });
}

await main();
