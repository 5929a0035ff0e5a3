// The 404 panel of every page that can find nothing at its address: the catch-all, a market
// that does not exist, a product that does not. Words come from the page (the shopper's
// language when the market is known); the page sets the status code.
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export const NOT_FOUND_ENGLISH = {
  title: 'Page not found',
  body: 'There is nothing at this address. It may have moved, or the link may be mistyped.',
} as const;

@Component({
  selector: 'app-not-found-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
      <p class="text-sm font-semibold text-indigo-600">404</p>
      <h1 class="mt-2 text-3xl font-semibold tracking-tight">{{ title() }}</h1>
      <p class="mt-3 text-slate-600">{{ body() }}</p>
      <ng-content />
    </section>
  `,
})
export class NotFoundPanel {
  readonly title = input<string>(NOT_FOUND_ENGLISH.title);
  readonly body = input<string>(NOT_FOUND_ENGLISH.body);
}
