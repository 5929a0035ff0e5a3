// Server-only additions to the app's providers.
import { mergeApplicationConfig, type ApplicationConfig } from '@angular/core';
import { provideServerRendering } from '@angular/platform-server';
import { appConfig } from './app.config';
import { MARKET_CODES, MARKETS } from '../server/markets';
import { provideShopMarkets } from './shop/shop-markets';

const serverConfig: ApplicationConfig = {
  providers: [provideServerRendering(), provideShopMarkets(MARKET_CODES.map((code) => ({ code, name: MARKETS[code].name, language: MARKETS[code].language })))],
};

export const config = mergeApplicationConfig(appConfig, serverConfig);
