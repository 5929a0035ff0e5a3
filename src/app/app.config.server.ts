// Server-only additions to the app's providers.
import { CSP_NONCE, inject, mergeApplicationConfig, type ApplicationConfig } from '@angular/core';
import { provideServerRendering } from '@angular/platform-server';
import { REQUEST } from '@analogjs/router/tokens';
import { appConfig } from './app.config';
import { MARKET_CODES, MARKETS } from '../server/markets';
import { cspNonceOf } from '../server/web';
import { provideShopMarkets } from './shop/shop-markets';

const serverConfig: ApplicationConfig = {
  providers: [
    provideServerRendering(),
    provideShopMarkets(MARKET_CODES.map((code) => ({ code, name: MARKETS[code].name, language: MARKETS[code].language }))),
    // The response's nonce (src/server/plugins/http-edge.ts): Angular puts it on the inline
    // scripts and styles it writes into the page, which the Content-Security-Policy allows.
    { provide: CSP_NONCE, useFactory: () => cspNonceOf(inject(REQUEST, { optional: true })) },
  ],
};

export const config = mergeApplicationConfig(appConfig, serverConfig);
