// The application's settings: one table, each row an environment variable with its zod type,
// its default and what it is for. Everything that reads configuration goes through `loadConfig`.
import { z } from 'zod';
import { MARKET_CODES, type MarketCode } from '../../../common/markets';
import { parseProxyEntry } from './proxy-entry';

const PORT_MESSAGE = 'expected a port number from 1 to 65535';
const port = z.coerce.number({ error: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE);
const MS_MESSAGE = 'expected a whole number of milliseconds above 0';
const positiveMs = z.coerce.number({ error: MS_MESSAGE }).int(MS_MESSAGE).positive(MS_MESSAGE);
const mongoUrl = z
  .string()
  .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a MongoDB connection string such as mongodb://127.0.0.1:27017/digitalsales');
const redisUrl = z.string().regex(/^rediss?:\/\/\S+$/, 'expected a Redis URL such as redis://127.0.0.1:6379');
/** A credential as pasted: a space or line break in it is a copying mistake, not part of it. */
const credential = (shape = /^\S+$/, example = 'a value without spaces') => z.string().regex(shape, `expected ${example}`).optional();
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const IBAN_MESSAGE = 'expected an IBAN (country, check digits, account; spaces allowed) whose check digits are right';
/** ISO 13616: the account moved behind the country and check digits, letters as numbers, is 1 modulo 97. */
const ibanChecks = (iban: string) =>
  [...`${iban.slice(4)}${iban.slice(0, 4)}`].reduce((rest, c) => Number(`${rest}${Number.parseInt(c, 36)}`) % 97, 0) === 1;
const iban = z
  .string()
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(v) && ibanChecks(v), IBAN_MESSAGE);

interface Setting<T extends z.ZodType> {
  readonly type: T;
  /** Used when the variable is unset or empty; `undefined` makes the setting required. */
  readonly default?: z.input<T>;
  readonly description: string;
  /** A credential: its value never appears in an error message (nor anywhere else we print). */
  readonly secret?: boolean;
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
  PUBLIC_URL: setting({
    type: httpUrl
      .refine((url) => ['', '/'].includes(new URL(url).pathname), 'expected an origin such as https://shop.example.com, without a path')
      .transform((url) => new URL(url).origin),
    default: 'http://127.0.0.1:3000',
    description:
      'where shoppers reach the app: the origin of every absolute URL it writes (canonical, hreflang, JSON-LD, sitemaps) and the origin its forms must come from; never taken from request headers. ./stack up sets it to the URL it prints',
  }),
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
  SCRAPE_DISCOVERY_INTERVAL_MS: setting({
    type: positiveMs,
    default: 6 * 3600_000,
    description: 'how often each scraper worker schedules a discovery crawl (sitemap) of every site of its market',
  }),
  SCRAPE_MAX_REQUESTS_PER_MINUTE: setting({
    type: z.coerce.number().int().min(0).max(1_000_000),
    default: 120,
    description: 'politeness towards the configured marketplaces (MARKETPLACE_URL_*), per site and worker; 0 lifts the limit (benchmarks)',
  }),
  SCRAPE_MAX_CONCURRENCY: setting({
    type: z.coerce.number().int().min(1).max(200),
    default: 4,
    description: 'requests in flight at once to one configured marketplace, per scraper worker',
  }),
  SCRAPE_REQUEST_TIMEOUT_MS: setting({
    type: positiveMs,
    default: 20_000,
    description: 'time limit of one page fetch (and of handling it)',
  }),
  SCRAPE_MAX_RETRIES: setting({
    type: z.coerce.number().int().min(0).max(20),
    default: 3,
    description: 'retries of a page that failed (timeout, 5xx, 429, block page), with growing backoff, before it is recorded as failed',
  }),
  SCRAPE_BLOCK_BACKOFF_MS: setting({
    type: positiveMs,
    default: 60_000,
    description: 'pause of a site after it served a block page (captcha, robot check); doubles while blocks continue',
  }),
  SCRAPE_RESPECT_ROBOTS_TXT: setting({
    type: z.enum(['true', 'false']).transform((v) => v === 'true'),
    default: 'true',
    description: 'skip URLs that a site’s robots.txt disallows',
  }),
  SCRAPE_PROXY_URLS: setting({
    type: z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z.array(
          z.url({ protocol: /^(https?|socks5?)$/, error: 'expected http(s) or socks5 proxy URLs such as http://user:pass@proxy:8000' }),
        ),
      ),
    default: '',
    description:
      'proxies the crawlers rotate through, comma-separated; empty: direct connections. Through a proxy the proxy resolves the names, so the address check of OUTBOUND_ALLOW_PRIVATE_SHOPS is its to make; the hosts a crawl may fetch are checked all the same',
  }),
  SCRAPE_BROWSER_PATH: setting({
    type: z.string().min(1),
    default: '/usr/bin/chromium',
    description: 'Chromium for the sites configured as needing a browser (Debian: apt-get install chromium)',
  }),
  OUTBOUND_ALLOW_PRIVATE_SHOPS: setting({
    type: z.enum(['true', 'false']).transform((v) => v === 'true'),
    default: 'true',
    description:
      'whether the configured marketplaces (MARKETPLACE_URL_*), DEEPL_SERVER_URL and the partner APIs (SP_API_URL, SP_API_LWA_TOKEN_URL, EBAY_API_URL), exactly those hosts and ports, may be at a private or loopback address (the simulator on 127.0.0.1, a compose service). No other host ever is, whatever its DNS answers; false: not even these (every shop on the public internet)',
  }),
  PRICE_FRESH_MS: setting({
    type: positiveMs,
    default: 60_000,
    description: 'a source price checked this recently is fresh; an older one is refreshed when a shopper opens its page',
  }),
  SIGNAL_FRESH_MS: setting({
    type: positiveMs,
    default: 600_000,
    description:
      'a price whose marketplace pushes its changes (a signal arrived for it) stays fresh this long while that push channel is heard from: no news is news that nothing changed',
  }),
  SIGNAL_SILENCE_MS: setting({
    type: positiveMs,
    default: 120_000,
    description:
      'a push channel silent this long is taken for broken: the prices it covers are fresh for PRICE_FRESH_MS only, and opening their pages asks the marketplace again',
  }),
  REFRESH_BUDGET_MS: setting({
    type: positiveMs,
    default: 700,
    description: 'time budget of one marketplace offer call; past it the page keeps the last known price (the promise is 1 s end to end)',
  }),
  PRICE_CHECK_WAIT_MS: setting({
    type: positiveMs,
    default: 1_000,
    description:
      'how long adding to the cart and placing an order wait for the refresh of a price older than PRICE_FRESH_MS; past it they go on with the last known price, which the margin floor still guards',
  }),
  REFRESH_SWEEP_BUDGET_MS: setting({
    type: positiveMs,
    default: 15_000,
    description:
      "time budget of the popularity sweep's refresh of one product; no shopper waits on it, so a source may batch its calls (SP-API's getItemOffersBatch, one call per 10 s)",
  }),
  REFRESH_WORKER_CONCURRENCY: setting({
    type: z.coerce.number().int().min(1).max(2000),
    default: 200,
    description: 'refresh jobs one refresher process runs at once; they wait on the network, not the CPU',
  }),
  ...perMarket('REFRESH_CONCURRENCY', (code) =>
    setting({
      type: z.coerce.number().int().min(1).max(1000),
      default: 64,
      description: `offer calls in flight at once to the ${code} marketplace, per refresher process`,
    }),
  ),
  ...perMarket('REFRESH_RATE_PER_S', (code) =>
    setting({
      type: z.coerce.number().int().min(1).max(100_000),
      default: 400,
      description: `offer calls per second to the ${code} marketplace, per refresher process (bursts up to one second's worth)`,
    }),
  ),
  REFRESH_BREAKER_FAILURES: setting({
    type: z.coerce.number().int().min(1).max(1000),
    default: 5,
    description: 'consecutive failed offer calls to one marketplace that open its circuit breaker',
  }),
  REFRESH_BREAKER_OPEN_MS: setting({
    type: positiveMs,
    default: 10_000,
    description: 'how long an open breaker refuses calls to its marketplace before one probe call is let through',
  }),
  MARGIN_MIN_BASIS_POINTS: setting({
    type: z.coerce.number().int().min(0).max(100_000),
    default: 1500,
    description:
      'margin a computed selling price aims for, left after VAT and the marketplace and payment fees, in basis points of what the goods cost delivered (source price, shipping, shipping abroad; 1500 = 15 %)',
  }),
  MARGIN_MIN_CENTS: setting({
    type: z.coerce.number().int().min(0),
    default: 300,
    description:
      'the same aim in cents; the larger of this, the percentage and the floor (MARGIN_FLOOR_*) applies (cheap items still pay their handling)',
  }),
  SWEEP_INTERVAL_MS: setting({
    type: positiveMs,
    default: 15_000,
    description: 'how often the refresher sweeps the most-opened products for prices about to go stale',
  }),
  SWEEP_TOP_PRODUCTS: setting({
    type: z.coerce.number().int().min(0).max(100_000),
    default: 500,
    description: 'how many of the most-opened products each sweep looks at; 0 turns the sweep off',
  }),
  BACKOFFICE_SESSION_IDLE_MS: setting({
    type: positiveMs,
    default: 8 * 3600_000,
    description: 'a back-office session unused this long expires; each request restarts the clock (sliding expiry)',
  }),
  BACKOFFICE_REFUND_AGENT_LIMIT_CENTS: setting({
    type: z.coerce.number().int().min(0),
    default: 5000,
    description:
      'the most, in cents, an agent may give back on one order in total (every refund on it counts, whoever issued it); beyond it only a supervisor or an admin may refund',
  }),
  LOGIN_MAX_FAILURES: setting({
    type: z.coerce.number().int().min(1).max(1000),
    default: 5,
    description:
      'wrong passwords for one e-mail from one client address within LOGIN_LOCK_MS that lock that e-mail for that address (other addresses are not locked out); past as many failures on the account from all addresses together, each further one makes the account wait longer (LOGIN_ACCOUNT_DELAY_MAX_MS)',
  }),
  LOGIN_LOCK_MS: setting({
    type: positiveMs,
    default: 15 * 60_000,
    description:
      'how long an e-mail stays locked for an address after LOGIN_MAX_FAILURES wrong passwords from it (also the window failures are counted in)',
  }),
  LOGIN_ACCOUNT_DELAY_MAX_MS: setting({
    type: positiveMs,
    default: 60_000,
    description:
      'longest wait the growing delay (1 s, 2 s, 4 s …) imposes on an account between guesses once it has LOGIN_MAX_FAILURES wrong passwords from all addresses; addresses the agent signed in from before are exempt',
  }),
  LOGIN_MAX_PER_IP_PER_MINUTE: setting({
    type: z.coerce.number().int().min(1).max(100_000),
    default: 30,
    description: 'login attempts per client address per minute, right or wrong; more are refused with 429',
  }),
  CART_TTL_MS: setting({
    type: positiveMs,
    default: 7 * 24 * 3600_000,
    description: 'a shopper’s cart unused this long expires; each read or change restarts the clock (sliding expiry)',
  }),
  ORDER_STATUS_LOOKUPS_PER_ADDRESS: setting({
    type: z.coerce.number().int().min(1).max(100_000),
    default: 30,
    description: 'order-status lookups one client address may make within ORDER_STATUS_LOOKUP_WINDOW_MS; more are answered 429',
  }),
  ORDER_STATUS_LOOKUPS_PER_ORDER: setting({
    type: z.coerce.number().int().min(1).max(100_000),
    default: 10,
    description:
      'lookups of one order number, from any address, within ORDER_STATUS_LOOKUP_WINDOW_MS (guessing its e-mail from many addresses); more are answered 429',
  }),
  ORDER_STATUS_LOOKUP_WINDOW_MS: setting({
    type: positiveMs,
    default: 10 * 60_000,
    description: 'the window the order-status lookup limits are counted in, starting with the first lookup',
  }),
  // The account a bank-transfer order is paid to, shown on its confirmation and status page with
  // the order number as the payment reference. The defaults are a demo account: set real ones.
  BANK_IBAN: setting({
    type: iban,
    default: 'IT60 X054 2811 1010 0000 0123 456',
    description: 'IBAN that shoppers paying by bank transfer pay to (demo default)',
  }),
  BANK_BIC: setting({
    type: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/, 'expected a BIC of 8 or 11 letters and digits'),
    default: 'BPMOIT22XXX',
    description: 'BIC (SWIFT code) of the bank holding BANK_IBAN (demo default)',
  }),
  BANK_BENEFICIARY: setting({
    type: z.string().trim().min(2).max(70),
    default: 'DigitalSales S.r.l.',
    description: 'the account holder’s name, as the bank transfer must name it (demo default)',
  }),
  ...perMarket('FEE_MARKETPLACE_BASIS_POINTS', (code) =>
    setting({
      type: z.coerce.number().int().min(0).max(10_000),
      default: 500,
      description: `commission of the marketplace we sell on in ${code}, in basis points of the price the shopper pays (500 = 5 %)`,
    }),
  ),
  ...perMarket('FEE_PAYMENT_BASIS_POINTS', (code) =>
    setting({
      type: z.coerce.number().int().min(0).max(10_000),
      default: 120,
      description: `payment provider's fee on a sale in ${code}, in basis points of the price the shopper pays`,
    }),
  ),
  ...perMarket('FEE_PAYMENT_FIXED_CENTS', (code) =>
    setting({
      type: z.coerce.number().int().min(0).max(10_000),
      default: 25,
      description: `payment provider's fixed fee per sale in ${code}, in cents`,
    }),
  ),
  ...perMarket('SHIPPING_ABROAD_CENTS', (code) =>
    setting({
      type: z.coerce.number().int().min(0).max(100_000),
      default: 490,
      description: `what shipping from the ${code} marketplace to a shopper in another country adds to its domestic shipping, in cents`,
    }),
  ),
  MARGIN_FLOOR_CENTS: setting({
    type: z.coerce.number().int().min(0),
    default: 100,
    description:
      'the least margin, in cents after source price, shipping, VAT and fees, for which we still buy, and checkout still sells (also the least any computed price keeps)',
  }),
  MARGIN_FLOOR_BASIS_POINTS: setting({
    type: z.coerce.number().int().min(0).max(10_000),
    default: 300,
    description: 'the least margin in basis points of the price net of VAT; the larger of the two floors applies',
  }),
  PURCHASE_SUPPLIER_TIMEOUT_MS: setting({
    type: positiveMs,
    default: 10_000,
    description: 'time limit of one call to a supplier order API',
  }),
  PURCHASE_SUPPLIER_ATTEMPTS: setting({
    type: z.coerce.number().int().min(1).max(20),
    default: 3,
    description: 'calls to place one supplier order (timeouts, 5xx, 429) before the order needs attention',
  }),
  PURCHASE_SUPPLIER_BACKOFF_MS: setting({
    type: positiveMs,
    default: 1_000,
    description: 'pause before the second supplier call; doubles at each further one',
  }),
  PURCHASE_LOCK_MS: setting({
    type: positiveMs,
    default: 30_000,
    description:
      'how long a purchase job stays claimed without a sign of life; a worker that died is noticed after this and its job taken again',
  }),
  PURCHASE_STUCK_MS: setting({
    type: positiveMs,
    default: 15 * 60_000,
    description:
      'a paid, confirmed or purchasing order unchanged this long gets its purchase job again (a job lost or failed for good); jobs are idempotent',
  }),
  TRACKING_POLL_MS: setting({
    type: positiveMs,
    default: 60_000,
    description: 'how often the supplier orders of purchased and shipped orders are polled for tracking',
  }),
  OUTBOX_POLL_MS: setting({ type: positiveMs, default: 1_000, description: 'how often the outbox drainer looks for due entries' }),
  OUTBOX_LEASE_MS: setting({
    type: positiveMs,
    default: 30_000,
    description: 'how long a claimed outbox entry is hidden from other drainers; a drainer that died lets it go after this',
  }),
  OUTBOX_MAX_ATTEMPTS: setting({
    type: z.coerce.number().int().min(1).max(100),
    default: 8,
    description: 'deliveries of an outbox entry before it is marked failed',
  }),
  OUTBOX_BACKOFF_MS: setting({
    type: positiveMs,
    default: 2_000,
    description: 'pause before an outbox entry is tried again; doubles at each attempt',
  }),
  OUTBOX_ORDER_GRACE_MS: setting({
    type: positiveMs,
    default: 10 * 60_000,
    description: 'how long an outbox entry waits for its order to exist (or to be paid) before it is given up as failed',
  }),
  IMAGE_FETCH_TIMEOUT_MS: setting({
    type: positiveMs,
    default: 5_000,
    description: 'time limit of the image route fetching one product photo from its shop (redirects included)',
  }),
  IMAGE_MAX_SOURCE_BYTES: setting({
    type: z.coerce.number().int().min(1_000).max(100_000_000),
    default: 10_000_000,
    description: 'largest product photo the image route downloads, in bytes; a larger one is refused',
  }),
  IMAGE_CACHE_TTL_MS: setting({
    type: positiveMs,
    default: 24 * 3600_000,
    description: 'how long a resized product photo stays in Redis (each width and format apart)',
  }),
  DEEPL_AUTH_KEY: setting({
    type: z.string().min(1).optional(),
    description:
      'DeepL API key of the translator worker (product texts for markets whose own page we have not scraped); unset: no translations, pages show the original text marked with its language',
  }),
  DEEPL_SERVER_URL: setting({
    type: httpUrl.optional(),
    description:
      "DeepL API server; unset: DeepL's own (api-free.deepl.com for a key ending in :fx, else api.deepl.com). ./stack up points it at the simulator's stand-in",
  }),
  DEEPL_TIMEOUT_MS: setting({ type: positiveMs, default: 10_000, description: 'time limit of one call to the DeepL API' }),
  TRANSLATE_ATTEMPTS: setting({
    type: z.coerce.number().int().min(1).max(20),
    default: 5,
    description: 'runs of a translation job (DeepL unreachable, 5xx, 429) before it is left to the next scrape of the product',
  }),
  TRANSLATE_BACKOFF_MS: setting({
    type: positiveMs,
    default: 5_000,
    description: 'pause before a failed translation job runs again; doubles at each further run',
  }),
  QUOTE_SOURCE_OVERRIDES: setting({
    type: z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+=[a-z-]+$/, 'expected site=source pairs such as amazon.de=page')))
      .transform((pairs) => Object.fromEntries(pairs.map((pair) => pair.split('=') as [string, string]))),
    default: '',
    description:
      "where the refresher asks each site's live price, overriding the sites table: comma-separated site=source pairs (sources: offer-api, page, sp-api, ebay-browse), such as marketplace-it=page or amazon.de=sp-api",
  }),
  SP_API_URL: setting({
    type: httpUrl,
    default: 'https://sellingpartnerapi-eu.amazon.com',
    description:
      "Amazon Selling Partner API endpoint of the sites whose quote source is sp-api (Europe's serves Italy, France, Germany and Spain)",
  }),
  SP_API_LWA_TOKEN_URL: setting({
    type: httpUrl,
    default: 'https://api.amazon.com/auth/o2/token',
    description: 'Login with Amazon token endpoint where the refresh token is exchanged for the SP-API access token',
  }),
  SP_API_CLIENT_ID: setting({
    type: credential(/^amzn1\.application-oa2-client\.\S+$/, 'an LWA client id, amzn1.application-oa2-client.…'),
    description: "the SP-API application's LWA client id; required when a site's quote source is sp-api",
  }),
  SP_API_CLIENT_SECRET: setting({
    type: credential(/^amzn1\.oa2-cs\.v1\.\S+$/, 'an LWA client secret, amzn1.oa2-cs.v1.…'),
    secret: true,
    description: "the SP-API application's LWA client secret; required when a site's quote source is sp-api",
  }),
  SP_API_REFRESH_TOKEN: setting({
    type: credential(/^Atzr\|\S+$/, 'an LWA refresh token, Atzr|…'),
    secret: true,
    description:
      "the selling account's LWA refresh token (from authorising the application); required when a site's quote source is sp-api",
  }),
  SP_API_RATE_PER_S: setting({
    type: z.coerce.number().positive().max(100),
    default: 0.5,
    description:
      "getItemOffers calls a second the refresher makes for the whole selling account, all four markets together, in bursts of at most one: Amazon's documented limit. Raise it only if Amazon granted the account more",
  }),
  SP_API_BATCH_RATE_PER_S: setting({
    type: z.coerce.number().positive().max(100),
    default: 0.1,
    description:
      "getItemOffersBatch calls a second (up to 20 items each) the popularity sweep makes for the whole selling account, in bursts of at most one: Amazon's documented limit",
  }),
  EBAY_API_URL: setting({
    type: httpUrl,
    default: 'https://api.ebay.com',
    description: 'eBay API host of the sites whose quote source is ebay-browse: its Browse API and its OAuth token endpoint',
  }),
  EBAY_CLIENT_ID: setting({
    type: credential(),
    description: "the eBay application's client id (App ID); required when a site's quote source is ebay-browse",
  }),
  EBAY_CLIENT_SECRET: setting({
    type: credential(),
    secret: true,
    description: "the eBay application's client secret (Cert ID); required when a site's quote source is ebay-browse",
  }),
  SIGNAL_SECRET_SP_API: setting({
    type: credential(/^\S{32,}$/, 'at least 32 characters without spaces'),
    secret: true,
    description:
      'key of the HMAC-SHA256 signature (header X-Signature: sha256=<hex> of the body) on SP-API offer notifications posted to /api/signals/sp-api by the relay that reads them from their queue; without it that route answers 404',
  }),
  SIGNAL_SECRET_EBAY: setting({
    type: credential(/^\S{32,}$/, 'at least 32 characters without spaces'),
    secret: true,
    description:
      'key of the HMAC-SHA256 signature (header X-Signature: sha256=<hex> of the body) on eBay item notifications posted to /api/signals/ebay; without it that route answers 404',
  }),
  MATCH_AUTO_MERGE_SCORE: setting({
    type: z.coerce.number().min(0).max(1.01),
    default: 1.01,
    description:
      'score (0 to 1) from which two products of different markets that no identifier joins are merged without an agent, when no other pair reaches it; pairs from 0.9 up wait on the "matches to review" page. Above 1 (the default) nothing is: at 5,000 products a market `npm run bench:match` found no score whose merges keep precision at 0.99 (0.974 at a perfect 1)',
  }),
  TRUSTED_PROXIES: setting({
    type: z
      .string()
      .transform((v) => v.split(/[\s,]+/).filter(Boolean))
      .pipe(
        z.array(
          z
            .string()
            .refine((entry) => parseProxyEntry(entry) !== null, 'expected IP addresses or CIDR blocks such as 10.0.0.0/8, comma-separated'),
        ),
      ),
    default: '',
    description:
      'addresses or CIDR blocks of the reverse proxies in front of the app, comma-separated; only a request from one of them may say, in X-Forwarded-For, X-Forwarded-Proto or Forwarded, who the client is and whether it used https. Empty: those headers are ignored',
  }),
  REQUEST_BODY_MAX_BYTES: setting({
    type: z.coerce.number().int().min(1_024).max(100_000_000),
    default: 64 * 1024,
    description:
      'largest request body any route accepts, in bytes (forms, tRPC, back office); a larger one is refused with 413 before it is read whole',
  }),
  FORM_MAX_FIELDS: setting({
    type: z.coerce.number().int().min(1).max(10_000),
    default: 64,
    description: 'most fields a shop form post may carry (the cart page sends one per line); more are refused with 413',
  }),
  FORM_FIELD_MAX_CHARS: setting({
    type: z.coerce.number().int().min(1).max(1_000_000),
    default: 2_000,
    description: 'longest value of one shop form field, in characters; a longer one is refused with 413 (and never stored)',
  }),
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
    else
      problems.push(
        `${name}=${s.secret ? '(hidden)' : JSON.stringify(raw)} is invalid: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config;
}

/**
 * `env` with each setting that is unset but has a `<NAME>_FILE` read from that file (its
 * trailing newline dropped): how a container receives a secret, such as the MONGO_URL holding
 * its database user's password, without the value in its environment or compose file.
 */
export function withSecretFiles(
  env: Record<string, string | undefined>,
  read: (path: string) => string = readTextFile,
): Record<string, string | undefined> {
  const out = { ...env };
  const problems: string[] = [];
  for (const name of Object.keys(SETTINGS)) {
    const path = env[`${name}_FILE`];
    if (!path || (env[name] !== undefined && env[name] !== '')) continue;
    try {
      out[name] = read(path).replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(`${name}_FILE=${JSON.stringify(path)} cannot be read: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out;
}

// Not a static import: page code that reads a setting is also bundled for the browser.
function readTextFile(path: string): string {
  return process.getBuiltinModule('node:fs').readFileSync(path, 'utf8');
}

let cached: Config | undefined;

/** The process's configuration, read once from process.env (and the `_FILE`s it names). */
export function loadConfig(): Config {
  cached ??= parseConfig(withSecretFiles(process.env));
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
