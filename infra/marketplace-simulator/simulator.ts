// The marketplace simulator as a library: four shops (it, fr, de, es), each on its own address,
// and a control API on a fifth, all node:http servers in this process. `startSimulator` is what
// main.ts, the tests and the benchmarks call; it stands in for outside systems and is never
// imported by the application's own code, which reaches it over HTTP like a real marketplace.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import type { Catalog } from './catalog-generator';
import { handleControlRequest } from './control-api';
import { PartnerApis } from './partner-api-common';
import { handleShopRequest, sendInternalError } from './shop-routes';
import { resolveSettings, type SimulatorOptions, type SimulatorSettings } from './simulator-settings';
import { SimulatorState } from './simulator-state';
import { SignalSender } from './signal-sender';

export interface RunningSimulator {
  /** Base URL of each market's shop, `http://127.0.0.1:port`, without a trailing slash. */
  readonly urls: Readonly<Record<MarketCode, string>>;
  /** Base of the control API, `http://127.0.0.1:port/__control`. */
  readonly controlUrl: string;
  /** The DeepL stand-in's server URL (deepl-node's `serverUrl`, DEEPL_SERVER_URL): the control API's address. */
  readonly deeplUrl: string;
  /**
   * Base of the SP-API, Login with Amazon, eBay Browse and eBay OAuth stand-ins, the control API's
   * address too: what SP_API_URL, LWA_TOKEN_URL (with `/auth/o2/token`) and EBAY_API_URL point at.
   */
  readonly partnerApiUrl: string;
  readonly settings: SimulatorSettings;
  /** The generated catalogs, for tests that need to pick products of a kind. */
  readonly catalog: Catalog;
  /** Stops listening, drops open connections (hung requests included) and cancels pending answers. */
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const settings = resolveSettings(options);
  const state = new SimulatorState(settings, options.clock ?? Date.now);
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (run: () => void, delayMs: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, delayMs);
    timers.add(timer);
  };
  const servers: Server[] = [];
  const serve = (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => {
    const server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => sendInternalError(res, error));
    });
    // Crawlers and benchmarks keep connections open between requests, as browsers do.
    server.keepAliveTimeout = 30_000;
    servers.push(server);
    return server;
  };

  const signals = new SignalSender(state, schedule);
  state.onOfferServed = (product, offer) => signals.watch(product, offer);
  const stop = async () => {
    signals.stop();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await Promise.all(servers.map(close));
  };

  try {
    const urls = {} as Record<MarketCode, string>;
    const host = urlHost(settings.host);
    for (const [i, market] of MARKET_CODES.entries()) {
      // The port is known only once listening; requests cannot arrive before that.
      const ctx = {
        state,
        market,
        schedule,
        get fallbackBaseUrl() {
          return urls[market];
        },
      };
      const server = serve((req, res) => handleShopRequest(ctx, req, res));
      const port = await listen(server, settings.host, settings.portBase === 0 ? 0 : settings.portBase + i);
      urls[market] = `http://${host}:${port}`;
    }
    const controlContext = { state, urls, schedule, deeplUsage: { characters: 0 }, partnerApis: new PartnerApis(), signals };
    const control = serve((req, res) => handleControlRequest(controlContext, req, res));
    const controlPort = await listen(control, settings.host, settings.portBase === 0 ? 0 : settings.portBase + MARKET_CODES.length);
    const controlBase = `http://${host}:${controlPort}`;
    return {
      urls,
      controlUrl: `${controlBase}/__control`,
      deeplUrl: controlBase,
      partnerApiUrl: controlBase,
      settings,
      catalog: state.catalog,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
