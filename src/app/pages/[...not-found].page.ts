// Any URL no other page matches: answers 404 (not Angular's default 200) so crawlers and
// monitors see a missing page as missing.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';

export const routeMeta: RouteMeta = {
  title: 'Page not found · DigitalSales',
};

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
      <p class="text-sm font-semibold text-indigo-600">404</p>
      <h1 class="mt-2 text-3xl font-semibold tracking-tight">Page not found</h1>
      <p class="mt-3 text-slate-600">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <a href="/" class="mt-8 inline-block rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Back to the shop
      </a>
    </section>
  `,
})
export default class NotFoundPage {
  constructor() {
    // Null in the browser, where the status was already sent with the server's page.
    const response = injectResponse();
    if (response) response.statusCode = 404;
  }
}
