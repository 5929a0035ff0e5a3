// Customers: found by e-mail, phone or the start of the name, with a plain GET form.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectBackofficeLoad } from '../../../backoffice/backoffice-load';
import { BackofficePage } from '../../../backoffice/backoffice-page';
import type { load } from './index.server';

export const routeMeta: RouteMeta = { title: 'Customers · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Customers">
      <form method="get" action="/backoffice/customers" role="search" class="mb-6 flex gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div class="grow">
          <label for="customer-q" class="block text-sm font-medium">Search customers: e-mail, phone or name</label>
          <input id="customer-q" name="q" type="search" [attr.value]="page.status === 'ok' ? page.data.q : ''" class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        </div>
        <div class="flex items-end"><button type="submit" class="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">Search</button></div>
      </form>
      @if (page.status === 'ok') {
        <table class="w-full text-left text-sm">
          <thead class="text-xs uppercase text-slate-500"><tr><th class="py-2">Name</th><th>E-mail</th><th>Phone</th><th>Market</th><th>Since</th></tr></thead>
          <tbody class="divide-y divide-slate-100">
            @for (c of page.data.customers; track c.id) {
              <tr data-testid="customer-row">
                <td class="py-2"><a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/customers/' + c.id">{{ c.name }}</a></td>
                <td>{{ c.email }}</td>
                <td>{{ c.phone ?? '–' }}</td>
                <td>{{ c.market }}</td>
                <td>{{ c.createdAt.slice(0, 10) }}</td>
              </tr>
            } @empty {
              <tr><td colspan="5" class="py-6 text-center text-slate-500">{{ page.data.q ? 'No customer matches.' : 'Type an e-mail, a phone or a name.' }}</td></tr>
            }
          </tbody>
        </table>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeCustomersPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
}
