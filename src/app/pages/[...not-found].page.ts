// Any URL no other page matches: answers 404 (not Angular's default 200) so crawlers and
// monitors see a missing page as missing; in the language of the market it is under, or of
// the visitor's browser outside every market, with the way back to that market's shop.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';
import { NotFoundPanel } from '../shop/not-found-panel';
import type { load } from './[...not-found].server';

@Component({
  imports: [NotFoundPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-not-found-panel [market]="page().market" />`,
})
export default class NotFoundPage {
  protected readonly page = toSignal(injectLoad<typeof load>(), { requireSync: true });

  constructor() {
    // Null in the browser, where the status was already sent with the server's page.
    const response = injectResponse();
    if (response) response.statusCode = 404;
  }
}
