// The application's settings: one table, each row an environment variable with its zod type,
// its default and what it is for. Everything that reads configuration goes through `loadConfig`.
import { z } from 'zod';
import { MARKET_CODES, type MarketCode } from '../markets';

const PORT_MESSAGE = 'expected a port number from 1 to 65535';
const port = z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
const MS_MESSAGE = 'expected a whole number of milliseconds above 0';
const positiveMs = z.coerce.number({ error: MS_MESSAGE }).int(MS_MESSAGE).positive(MS_MESSAGE);
const mongoUrl = z
  .string()
  .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a MongoDB connection string such as mongodb://127.0.0.1:27017/digitalsales');
const redisUrl = z.string().regex(/^rediss?:\/\/\S+$/, 'expected a Redis URL such as redis://127.0.0.1:6379');
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

interface Setting<T extends z.ZodType> {
  readonly type: T;
  /** Used when the variable is unset or empty; `undefined` makes the setting required. */
  readonly default?: z.input<T>;
  readonly description: string;
}

const setting = <T extends z.ZodType>(s: Setting<T>) => s;

function perMarket<P extends string, T extends z.ZodType>(prefix: P, make: (code: MarketCode) => Setting<T>) {
  return Object.fromEntries(MARKET_CODES.map((code) => [`${prefix}_${code.toUpperCase()}`, make(code)])) as Record<
    `${P}_${Uppercase<MarketCode>}`,
    Setting<T>
  >;
}

export const SETTINGS = {
  NODE_ENV: setting({
    type: z.enum(['development', 'production', 'test']),
    default: 'development',
    description: 'production hides stack traces from API error responses',
  }),
  PORT: setting({ type: port, default: 3000, description: 'HTTP port of the app' }),
  MONGO_URL: setting({
    type: mongoUrl,
    description: 'MongoDB connection string, database name included; ./stack and the tests set it to the embedded server',
  }),
  MONGO_TIMEOUT_MS: setting({
    type: positiveMs,
    default: 5000,
    description: 'how long to wait for MongoDB to answer before a request fails (server selection and connect)',
  }),
  REDIS_URL: setting({ type: redisUrl, description: 'Redis for queues, cache, pub/sub and sessions' }),
  REDIS_TIMEOUT_MS: setting({ type: positiveMs, default: 3000, description: 'connect and command timeout for Redis' }),
  LOG_LEVEL: setting({ type: z.enum(['debug', 'info', 'warn', 'error']), default: 'info', description: 'least severe level logged' }),
  ...perMarket('MARKETPLACE_URL', (code) =>
    setting({
      type: httpUrl.optional(),
      description: `base URL of the source marketplace for ${code}; unset until a marketplace (or the simulator) is configured`,
    }),
  ),
} as const;

type Settings = typeof SETTINGS;
export type Config = { readonly [K in keyof Settings]: z.output<Settings[K]['type']> };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads every setting from `env`; throws one ConfigError naming every wrong or missing variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(SETTINGS) as [string, Setting<z.ZodType>][]) {
    const raw = env[name];
    const value = raw === undefined || raw === '' ? s.default : raw;
    if (value === undefined && !s.type.safeParse(undefined).success) {
      problems.push(`${name} is not set: ${s.description}`);
      continue;
    }
    const parsed = s.type.safeParse(value);
    if (parsed.success) out[name] = parsed.data;
    else problems.push(`${name}=${JSON.stringify(raw)} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config;
}

let cached: Config | undefined;

/** The process's configuration, read once from process.env. */
export function loadConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/**
 * For entry points: a bad environment is the operator's mistake, so it ends the process
 * with the list of variables to fix rather than a stack trace.
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
