// The back office's 404 panel, in English like the rest of it: for a back-office address that
// names no page (`/backoffice/nonsense`, `/backoffice/orders` without an order), instead of an
// empty frame answered 200 or the shop's 404 in a shopper's language. The page sets the status.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { injectResponse } from '@analogjs/router/tokens';

export const BACKOFFICE_NOT_FOUND_TITLE = 'Page not found · Back office · DigitalSales';

/** For the pages that show the panel: their answer is a 404. Null in the browser, where the status was already sent. */
export function answerNotFound(): void {
  const response = injectResponse();
  if (response) response.statusCode = 404;
}

@Component({
  selector: 'app-backoffice-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mx-auto max-w-xl py-16 text-center" data-testid="backoffice-not-found" lang="en">
      <p class="text-sm font-semibold text-indigo-600">404</p>
      <h1 class="mt-2 text-3xl font-semibold tracking-tight">Page not found</h1>
      <p class="mt-3 text-slate-600">
        The back office has no page at this address. Orders, customers and products are found from the search.
      </p>
      <a href="/backoffice" class="mt-6 inline-block font-medium text-indigo-700 underline hover:text-indigo-900">Back-office search</a>
    </section>
  `,
})
export class BackofficeNotFound {}
