// The body every back-office page shares around its own content: nothing while the sign-in redirect
// runs, else the shell, the page's heading and, when the load failed, its message. The projected
// content is the page's; it shows what was loaded behind its own `@if (page.status === 'ok')`, which
// keeps the type narrowing in the page's template.
import { booleanAttribute, ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { BackofficeLoad } from './backoffice-load';
import { BackofficeShell } from './backoffice-shell';

@Component({
  selector: 'app-backoffice-page',
  imports: [BackofficeShell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let p = page();
    @if (p.status !== 'signed-out') {
      <app-backoffice-shell [agent]="p.agent">
        @if (p.status === 'error' || !ownHeading()) {
          <h1 class="mb-4 text-2xl font-semibold">{{ heading() }}</h1>
        }
        <ng-content />
        @if (p.status === 'error') {
          <p role="alert" class="text-sm text-red-700" data-testid="page-error">{{ p.message }}</p>
        }
      </app-backoffice-shell>
    }
  `,
})
export class BackofficePage {
  readonly page = input.required<BackofficeLoad<unknown>>();
  readonly heading = input.required<string>();
  /** A page about one record heads itself with what it loaded; the heading then shows only above an error. */
  readonly ownHeading = input(false, { transform: booleanAttribute });
}
