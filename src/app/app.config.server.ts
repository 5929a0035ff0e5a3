// Server-only additions to the app's providers.
import { CSP_NONCE, inject, mergeApplicationConfig, type ApplicationConfig } from '@angular/core';
import { provideServerRendering } from '@angular/platform-server';
import { REQUEST } from '@analogjs/router/tokens';
import { localLink } from '@trpc/client';
import { appConfig } from './app.config';
import { MARKET_CODES, MARKETS } from '../common/markets';
import { createContext } from '../server/trpc/context';
import { appRouter, type AppRouter } from '../server/trpc/routers/_app';
import { logProcedureFault } from '../server/trpc/trpc';
import { cspNonceOf, requestEventOf } from '../server/platform/web';
import { provideShopMarkets } from './shop/shop-markets';
import { TRPC_SERVER_LINK } from './trpc/trpc-client';

const serverConfig: ApplicationConfig = {
  providers: [
    provideServerRendering(),
    provideShopMarkets(MARKET_CODES.map((code) => ({ code, name: MARKETS[code].name, language: MARKETS[code].language }))),
    // The response's nonce (src/server/plugins/http-edge.ts): Angular puts it on the inline
    // scripts and styles it writes into the page, which the Content-Security-Policy allows.
    { provide: CSP_NONCE, useFactory: () => cspNonceOf(inject(REQUEST, { optional: true })) },
    // The page's tRPC queries call the router in this process, as the visitor (the page
    // request's cookies and request id); results pass through JSON as they would over HTTP.
    {
      provide: TRPC_SERVER_LINK,
      useFactory: () => {
        const event = requestEventOf(inject(REQUEST, { optional: true }));
        return localLink<AppRouter>({
          router: appRouter,
          createContext: async () => createContext(event),
          onError: ({ error, path }) => logProcedureFault(event, path, error),
        });
      },
    },
  ],
};

export const config = mergeApplicationConfig(appConfig, serverConfig);
