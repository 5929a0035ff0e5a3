// Customers: found by e-mail, phone or the start of the name, with a plain GET form.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectBackofficeLoad } from '../../../backoffice/backoffice-load';
import { BackofficePage } from '../../../backoffice/backoffice-page';
import { SearchForm } from '../../../backoffice/filter-fields';
import type { load } from './index.server';

export const routeMeta: RouteMeta = { title: 'Customers · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, SearchForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Customers">
      <form
        appSearchForm
        action="/backoffice/customers"
        fieldId="customer-q"
        label="Search customers: e-mail, phone or name"
        [q]="page.status === 'ok' ? page.data.q : ''"
      ></form>
      @if (page.status === 'ok') {
        <table class="w-full text-left text-sm">
          <thead class="text-xs uppercase text-slate-500">
            <tr>
              <th class="py-2">Name</th>
              <th>E-mail</th>
              <th>Phone</th>
              <th>Market</th>
              <th>Since</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            @for (c of page.data.customers; track c.id) {
              <tr data-testid="customer-row">
                <td class="py-2">
                  <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/customers/' + c.id">{{ c.name }}</a>
                </td>
                <td>{{ c.email }}</td>
                <td [attr.title]="c.phoneE164 ? 'E.164: ' + c.phoneE164 : null">{{ c.phone ?? '–' }}</td>
                <td>{{ c.market }}</td>
                <td>{{ c.createdAt.slice(0, 10) }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="py-6 text-center text-slate-500">
                  {{ page.data.q ? 'No customer matches.' : 'Type an e-mail, a phone or a name.' }}
                </td>
              </tr>
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
