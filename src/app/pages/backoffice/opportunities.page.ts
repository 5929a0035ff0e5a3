// Opportunities: for each product and market it sells in, the best market to buy from and the
// margin after source price, shipping, VAT and fees; best first, below-floor ones marked.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { injectBackofficeLoad } from '../../backoffice/backoffice-load';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { FilterSelect } from '../../backoffice/filter-fields';
import type { load } from './opportunities.server';

export const routeMeta: RouteMeta = { title: 'Opportunities · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, FilterSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Opportunities">
      @let f = page.status === 'ok' ? page.data.filters : {};
      @let markets = page.status === 'ok' ? page.data.markets : [];
      <form
        method="get"
        action="/backoffice/opportunities"
        class="mb-6 flex items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <app-filter-select name="sellMarket" label="Selling market" [options]="markets" [selected]="f['sellMarket']" />
        <button type="submit" class="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">Filter</button>
      </form>
      @if (page.status === 'ok') {
        <table class="w-full text-left text-sm" data-testid="opportunities-table">
          <thead class="text-xs uppercase text-slate-500">
            <tr>
              <th class="py-2">Product</th>
              <th>Buy in</th>
              <th>Sell in</th>
              <th class="text-right">Sell price</th>
              <th class="text-right">VAT</th>
              <th class="text-right">Cost delivered</th>
              <th class="text-right">Fees</th>
              <th class="text-right">Margin</th>
              <th class="text-right">%</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            @for (o of page.data.opportunities; track o.productId + o.sellMarket) {
              <tr data-testid="opportunity-row" [class.text-slate-400]="!o.meetsFloor">
                <td class="py-2">{{ o.title }}</td>
                <td>{{ o.buyMarket }}</td>
                <td>{{ o.sellMarket }}</td>
                <td class="text-right tabular-nums">{{ o.sellPrice }}</td>
                <td class="text-right tabular-nums">{{ o.vat }}</td>
                <td class="text-right tabular-nums">{{ o.cost }}</td>
                <td class="text-right tabular-nums">{{ o.fees }}</td>
                <td class="text-right tabular-nums font-medium">{{ o.margin }}</td>
                <td class="text-right tabular-nums">{{ o.marginPercent }}{{ o.meetsFloor ? '' : ' (below floor)' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="9" class="py-6 text-center text-slate-500">No product is offered in two markets yet.</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeOpportunitiesPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
}
