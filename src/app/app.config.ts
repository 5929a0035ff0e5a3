// Providers shared by the browser and the server render.
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { provideBrowserGlobalErrorListeners, provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideClientHydration, withEventReplay } from '@angular/platform-browser';
import { withComponentInputBinding } from '@angular/router';
import { provideFileRouter, requestContextInterceptor } from '@analogjs/router';
import { forwardVisitorHeadersInterceptor } from './ssr/forward-visitor-headers.interceptor';
import { provideTransferredShopMarkets } from './shop/shop-markets';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideFileRouter(withComponentInputBinding()),
    // Analog's interceptor makes the `.server.ts` load requests absolute during SSR and hands
    // their results to the browser through TransferState; ours gives them the visitor's cookies and languages.
    provideHttpClient(withFetch(), withInterceptors([forwardVisitorHeadersInterceptor, requestContextInterceptor])),
    provideClientHydration(withEventReplay()),
    provideTransferredShopMarkets,
  ],
};
