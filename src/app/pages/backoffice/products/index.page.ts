// Products: found by our id, GTIN, a marketplace's id (ASIN), a source URL or words of the
// title, with a plain GET form.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectBackofficeLoad } from '../../../backoffice/backoffice-load';
import { BackofficePage } from '../../../backoffice/backoffice-page';
import { SearchForm } from '../../../backoffice/filter-fields';
import type { load } from './index.server';

export const routeMeta: RouteMeta = { title: 'Products · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, SearchForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Products">
      <form
        appSearchForm
        action="/backoffice/products"
        fieldId="product-q"
        label="Search products: id, GTIN, ASIN or source id, source URL, or title words"
        [q]="page.status === 'ok' ? page.data.q : ''"
      ></form>
      @if (page.status === 'ok') {
        <table class="w-full text-left text-sm">
          <thead class="text-xs uppercase text-slate-500">
            <tr>
              <th class="py-2">Title</th>
              <th>Brand</th>
              <th>GTIN</th>
              <th>Offers in</th>
              <th>Selling</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            @for (p of page.data.products; track p.id) {
              <tr data-testid="product-row">
                <td class="py-2">
                  <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/products/' + p.id">{{ p.title }}</a>
                </td>
                <td>{{ p.brand ?? '–' }}</td>
                <td class="tabular-nums">{{ p.gtin ?? '–' }}</td>
                <td>{{ p.markets.join(', ') }}</td>
                <td>{{ p.stopped ? 'stopped' : 'yes' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="py-6 text-center text-slate-500">
                  {{ page.data.q ? 'No product matches.' : 'Type an id, a GTIN, an ASIN, a URL or words of a title.' }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeProductsPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
}
