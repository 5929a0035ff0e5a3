// The audit log: every mutation with who, when, what, before and after, filtered by a GET form.
// Read-only by design: nothing in the application edits or deletes an entry.
import { UtcTimePipe } from '../../backoffice/utc-time';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectBackofficeLoad } from '../../backoffice/backoffice-load';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { FilterDates, FilterSelect } from '../../backoffice/filter-fields';
import type { load } from './audit.server';

export const routeMeta: RouteMeta = { title: 'Audit log · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, FilterDates, FilterSelect, UtcTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Audit log">
      @let f = page.status === 'ok' ? page.data.filters : {};
      @let kinds = page.status === 'ok' ? page.data.kinds : [];
      <form method="get" action="/backoffice/audit" class="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-7">
        <div class="md:col-span-2">
          <label for="actorEmail" class="block text-sm font-medium">Agent e-mail</label>
          <input
            id="actorEmail"
            name="actorEmail"
            type="email"
            [attr.value]="f['actorEmail'] ?? ''"
            class="mt-1 w-full rounded border border-slate-300 px-2 py-2"
          />
        </div>
        <app-filter-select name="entityKind" label="Entity" [options]="kinds" [selected]="f['entityKind']" />
        <div>
          <label for="entityId" class="block text-sm font-medium">Entity id</label>
          <input
            id="entityId"
            name="entityId"
            [attr.value]="f['entityId'] ?? ''"
            class="mt-1 w-full rounded border border-slate-300 px-2 py-2"
          />
        </div>
        <div>
          <label for="action" class="block text-sm font-medium">Action</label>
          <input id="action" name="action" [attr.value]="f['action'] ?? ''" class="mt-1 w-full rounded border border-slate-300 px-2 py-2" />
        </div>
        <app-filter-dates [from]="f['from']" [to]="f['to']" />
        <div class="md:col-span-7">
          <button type="submit" class="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">Filter</button>
        </div>
      </form>
      @if (page.status === 'ok') {
        <table class="w-full text-left text-sm" data-testid="audit-table">
          <thead class="text-xs uppercase text-slate-500">
            <tr>
              <th class="py-2">When</th>
              <th>Who</th>
              <th>Action</th>
              <th>Entity</th>
              <th>Reason</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            @for (e of page.data.entries; track e.id) {
              <tr data-testid="audit-row" class="align-top">
                <td class="py-2 whitespace-nowrap">{{ e.at | utc: 'seconds' }}</td>
                <td>{{ e.actor }}</td>
                <td>{{ e.action }}</td>
                <td>{{ e.entity }}</td>
                <td>{{ e.reason ?? '' }}</td>
                <td class="max-w-xs break-all font-mono text-xs">{{ e.before }}</td>
                <td class="max-w-xs break-all font-mono text-xs">{{ e.after }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="7" class="py-6 text-center text-slate-500">No entries match.</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeAuditPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
}
