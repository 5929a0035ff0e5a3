// Orders list and the back office's one search box (order number, e-mail, name, phone, product id,
// GTIN, ASIN, source URL) with the filters, as a plain GET form so every search is a
// server-rendered page with a shareable URL. Products and customers found show beside the orders.
import { AgentTimePipe } from '../../backoffice/agent-time';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { FilterDates, FilterSelect } from '../../backoffice/filter-fields';
import { injectBackofficeLoad } from '../../backoffice/backoffice-load';
import type { load } from './index.server';
import { OrderStatusBadge } from '../../backoffice/order-status';
import { ORDER_STATUS_WORDS } from '../../backoffice/order-status-words';

export const routeMeta: RouteMeta = { title: 'Orders · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, FilterDates, FilterSelect, AgentTimePipe, OrderStatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Orders">
      @let f = page.status === 'ok' ? page.data.filters : {};
      @let statuses = page.status === 'ok' ? page.data.statuses : [];
      @let markets = page.status === 'ok' ? page.data.markets : [];
      <form
        method="get"
        action="/backoffice"
        class="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-6"
        role="search"
      >
        <div class="md:col-span-6">
          <label for="q" class="block text-sm font-medium"
            >Search: order number, e-mail, name, phone, product id, GTIN, ASIN or source URL</label
          >
          <input id="q" name="q" type="search" [attr.value]="f['q'] ?? ''" class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
        </div>
        <app-filter-select name="status" label="Status" [options]="statuses" [labels]="statusWords" [selected]="f['status']" />
        <app-filter-select name="market" label="Market" [options]="markets" [selected]="f['market']" />
        <app-filter-dates [from]="f['from']" [to]="f['to']" />
        <div class="flex items-end gap-2">
          <input id="needsAttention" name="needsAttention" type="checkbox" [attr.checked]="f['needsAttention'] === 'on' ? '' : null" />
          <label for="needsAttention" class="text-sm font-medium">Needs attention only</label>
        </div>
        <div class="flex items-end">
          <button type="submit" class="w-full rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">Search</button>
        </div>
      </form>

      @if (page.status === 'ok') {
        @if (page.data.products.length > 0 || page.data.customers.length > 0) {
          <div class="mb-6 grid gap-4 md:grid-cols-2">
            @if (page.data.products.length > 0) {
              <section aria-labelledby="found-products-h" class="rounded-lg border border-slate-200 bg-white p-4">
                <h2 id="found-products-h" class="mb-2 font-semibold">Products</h2>
                <ul class="space-y-1 text-sm">
                  @for (p of page.data.products; track p.id) {
                    <li data-testid="product-hit">
                      <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/products/' + p.id">{{ p.title }}</a>
                      <span class="text-slate-500">
                        · {{ p.gtin ?? 'no GTIN' }} · {{ p.markets.join(', ') }}{{ p.stopped ? ' · stopped' : '' }}</span
                      >
                    </li>
                  }
                </ul>
              </section>
            }
            @if (page.data.customers.length > 0) {
              <section aria-labelledby="found-customers-h" class="rounded-lg border border-slate-200 bg-white p-4">
                <h2 id="found-customers-h" class="mb-2 font-semibold">Customers</h2>
                <ul class="space-y-1 text-sm">
                  @for (c of page.data.customers; track c.id) {
                    <li data-testid="customer-hit">
                      <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/customers/' + c.id">{{ c.name }}</a>
                      <span class="text-slate-500"> · {{ c.email }} · {{ c.phone ?? 'no phone' }}</span>
                    </li>
                  }
                </ul>
              </section>
            }
          </div>
        }
        <table class="w-full text-left text-sm" data-testid="orders-table">
          <thead class="text-xs uppercase text-slate-500">
            <tr>
              <th class="py-2">Number</th>
              <th>Customer</th>
              <th>E-mail</th>
              <th>Market</th>
              <th>Status</th>
              <th class="text-right">Total</th>
              <th class="pl-6">Placed</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            @for (order of page.data.orders; track order.id) {
              <tr data-testid="order-row">
                <td class="py-2">
                  <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/orders/' + order.id">{{ order.number }}</a>
                </td>
                <td>{{ order.customerName }}</td>
                <td>{{ order.email }}</td>
                <td>{{ order.market }}</td>
                <td><app-order-status [status]="order.status" /></td>
                <td class="text-right tabular-nums">{{ order.total }}</td>
                <td class="pl-6">{{ order.createdAt | agentTime }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="7" class="py-6 text-center text-slate-500" data-testid="no-orders">No orders match.</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeOrdersPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  protected readonly statusWords = Object.fromEntries(Object.entries(ORDER_STATUS_WORDS).map(([code, { words }]) => [code, words]));
}
