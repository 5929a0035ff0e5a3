// Platform status, /status: whether each part is up and the latest products for anyone; what
// each part is and where it runs (database, Redis, processes, workers) for a signed-in supervisor.
// The catalog comes from this page's `load()` (status.server.ts); the service status through
// the tRPC client, so both ways a page gets data are exercised on every render.
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad, type RouteMeta } from '@analogjs/router';
import { TrpcClient } from '../trpc/trpc-client';
import type { load } from './status.server';

export const routeMeta: RouteMeta = {
  title: 'DigitalSales · Platform overview',
};

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mb-10">
      <h1 class="text-3xl font-semibold tracking-tight">Platform overview</h1>
      <p class="mt-2 max-w-2xl text-slate-600">
        Cross-market dropshipping for Italy, France, Germany and Spain: whether its parts are up and the latest products in the catalog. The
        shop is at <a href="/it" class="text-indigo-700 hover:underline">/it</a>, /fr, /de and /es.
      </p>
    </section>

    <section class="mb-12" aria-labelledby="services-heading">
      <h2 id="services-heading" class="mb-4 text-lg font-semibold">Services</h2>
      @let platformStatus = status();
      @switch (platformStatus.status) {
        @case ('loading') {
          <p class="text-sm text-slate-500">Checking services…</p>
        }
        @case ('error') {
          <p class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="status-error">
            The platform status is unavailable: {{ platformStatus.message }}
          </p>
        }
        @case ('success') {
          @let data = platformStatus.data;
          <ul class="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" data-testid="components">
            @for (component of data.components; track component.name) {
              <li
                class="flex items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm shadow-sm"
                data-testid="component"
                [attr.data-name]="component.name"
                [attr.data-up]="component.up"
              >
                <span class="flex items-center gap-2">
                  <span class="h-2 w-2 rounded-full" [class]="component.up ? 'bg-emerald-500' : 'bg-red-500'"></span>
                  {{ component.name }}
                </span>
                <span [class]="component.up ? 'text-emerald-700' : 'text-red-700'">{{ component.up ? 'up' : 'down' }}</span>
              </li>
            }
          </ul>
          @if (data.view === 'public') {
            <p class="mt-4 text-sm text-slate-500" data-testid="status-public">
              A supervisor signed in to the <a href="/backoffice/login" class="text-indigo-700 hover:underline">back office</a>
              sees here what each part is and where it runs.
            </p>
          } @else {
            <div class="mt-6 grid gap-4 md:grid-cols-3" data-testid="status-details">
              <div class="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <p class="text-xs font-medium uppercase tracking-wide text-slate-500">Database</p>
                @if (data.platform; as platform) {
                  <p class="mt-1 text-lg font-semibold" data-testid="db-engine">
                    {{ platform.database.engine }} {{ platform.database.version }}
                  </p>
                  <p class="text-sm text-slate-500">database “{{ platform.database.name }}”</p>
                } @else {
                  <p class="mt-1 text-lg font-semibold text-slate-400" data-testid="db-engine">unknown</p>
                }
              </div>
              <div class="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <p class="text-xs font-medium uppercase tracking-wide text-slate-500">Redis</p>
                <p class="mt-1 text-lg font-semibold" data-testid="redis-version">
                  {{ data.platform?.redis?.version ?? 'unknown' }}
                </p>
                <p class="text-sm text-slate-500">queues, cache, pub/sub, sessions</p>
              </div>
              <div class="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <p class="text-xs font-medium uppercase tracking-wide text-slate-500">Dependency checks</p>
                <ul class="mt-2 space-y-1">
                  @for (check of data.dependencies; track check.name) {
                    <li class="flex items-center justify-between text-sm" data-testid="dependency-check" [attr.data-ok]="check.ok">
                      <span class="flex items-center gap-2">
                        <span class="h-2 w-2 rounded-full" [class]="check.ok ? 'bg-emerald-500' : 'bg-red-500'"></span>
                        {{ check.name }}
                      </span>
                      <span class="text-slate-500">{{ check.ok ? check.latencyMs + ' ms' : check.error }}</span>
                    </li>
                  }
                </ul>
              </div>
            </div>

            @if (data.stack; as stack) {
              <div class="mt-6 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
                <table class="w-full text-left text-sm">
                  <thead class="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
                    <tr>
                      <th class="px-4 py-2 font-medium">Service</th>
                      <th class="px-4 py-2 font-medium">What it is</th>
                      <th class="px-4 py-2 font-medium">Address</th>
                    </tr>
                  </thead>
                  <tbody class="divide-y divide-slate-100">
                    @for (service of stack.services; track service.name) {
                      <tr data-testid="service-row">
                        <td class="px-4 py-2 font-medium">{{ service.name }}</td>
                        <td class="px-4 py-2 text-slate-600">{{ service.detail }}</td>
                        <td class="px-4 py-2 font-mono text-xs text-slate-600">
                          @if (service.url; as url) {
                            <a class="text-indigo-600 hover:underline" [href]="url">{{ url }}</a>
                          } @else {
                            –
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
                <p class="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
                  Started by <code>./stack up</code> at {{ stack.startedAt }}
                </p>
              </div>
            }
            <h3 class="mb-2 mt-8 text-sm font-semibold">Workers</h3>
            @for (worker of data.workers; track worker.name) {
              <p class="flex justify-between border-b border-slate-100 py-1 text-sm" data-testid="worker-row">
                <span
                  ><span class="font-medium">{{ worker.name }}</span> on queue {{ worker.queue }} (pid {{ worker.pid }})</span
                >
                <span class="tabular-nums text-slate-600">
                  {{ worker.active }} active · {{ worker.completed }} done · {{ worker.failed }} failed · seen {{ worker.seenAt }}
                </span>
              </p>
            } @empty {
              <p class="text-sm text-slate-500" data-testid="no-workers">No worker has reported in the last 15 seconds.</p>
            }
            @if (!data.stack) {
              <p class="mt-6 text-sm text-slate-500" data-testid="no-stack-manifest">
                This process was not started by <code>./stack up</code>, so there is no list of the services it started.
              </p>
            }
          }
        }
      }
    </section>

    <section aria-labelledby="products-heading">
      @let catalogState = catalog();
      <div class="mb-4 flex items-baseline justify-between">
        <h2 id="products-heading" class="text-lg font-semibold">Latest products</h2>
        @if (catalogState.status === 'ok') {
          <p class="text-sm text-slate-500" data-testid="product-count">{{ catalogState.productCount }} in the catalog</p>
        }
      </div>
      @if (catalogState.status === 'error') {
        <p class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="catalog-error">
          {{ catalogState.message }}
        </p>
      } @else if (catalogState.products.length === 0) {
        <p
          class="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500"
          data-testid="catalog-empty"
        >
          No products yet: the scrapers fill the catalog.
        </p>
      } @else {
        <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          @for (product of catalogState.products; track product.id) {
            <li class="flex flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="product-card">
              <p class="text-xs font-medium uppercase tracking-wide text-slate-500">{{ product.brand ?? 'No brand' }}</p>
              <h3 class="mt-1 font-semibold leading-snug" data-testid="product-title">{{ product.title }}</h3>
              @if (product.category) {
                <p class="mt-1 text-sm text-slate-500">{{ product.category }}</p>
              }
              <dl class="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                @for (price of product.prices; track price.market) {
                  <dt class="text-slate-500" [title]="price.marketName">{{ price.market.toUpperCase() }}</dt>
                  <dd class="text-right font-medium tabular-nums" [attr.data-market]="price.market">{{ price.formatted }}</dd>
                } @empty {
                  <dd class="col-span-2 text-slate-400">No selling price yet</dd>
                }
              </dl>
            </li>
          }
        </ul>
      }
    </section>
  `,
})
export default class StatusPage {
  protected readonly catalog = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly status = inject(TrpcClient).query((api) => api.system.status);
}
