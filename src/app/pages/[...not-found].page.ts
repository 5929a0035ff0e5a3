// Any URL no other page matches: answers 404 (not Angular's default 200) so crawlers and
// monitors see a missing page as missing.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';
import { NotFoundPanel } from '../shop/not-found-panel';

export const routeMeta: RouteMeta = {
  title: 'Page not found · DigitalSales',
};

@Component({
  imports: [NotFoundPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-not-found-panel>
      <a href="/" class="mt-8 inline-block rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        Back to the shop
      </a>
    </app-not-found-panel>
  `,
})
export default class NotFoundPage {
  constructor() {
    // Null in the browser, where the status was already sent with the server's page.
    const response = injectResponse();
    if (response) response.statusCode = 404;
  }
}
