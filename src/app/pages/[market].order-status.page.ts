// Order status for shoppers, /{market}/order-status: order number plus e-mail, posted (so the
// e-mail is in no URL, history or log; it works without JavaScript) to /api/order-status, which
// sends the shopper back here to see the order and its timeline in the market's language, also
// on reload. Any mismatch gets the same "not found"; too many lookups a 429 saying when to retry.
// Never cached.
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';
import { OrderSummary } from '../cart/order-summary';
import { applyShopLoad } from '../cart/shop-load';
import { NotFoundPanel } from '../shop/not-found-panel';
import type { load } from './[market].order-status.server';

@Component({
  imports: [NotFoundPanel, OrderSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    @if (page.status === 'not-found') {
      <app-not-found-panel [market]="page.shop.market" />
    } @else {
      <section class="mx-auto max-w-2xl" data-testid="order-status-page">
        <h1 class="mb-2 text-3xl font-semibold tracking-tight">{{ t.statusTitle }}</h1>
        <p class="mb-6 text-slate-600">{{ t.statusIntro }}</p>
        @if (page.status === 'unavailable') {
          <p role="alert" class="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{{ t.unavailable }}</p>
        }
        <form
          method="post"
          [attr.action]="'/api/order-status/' + page.shop.market"
          class="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
          data-testid="order-status-form"
        >
          <div>
            <label for="number" class="block text-sm font-medium text-slate-700">{{ t.orderNumber }}</label>
            <input
              id="number"
              name="number"
              type="text"
              required
              autocomplete="off"
              [attr.value]="lookup()?.number ?? null"
              [attr.aria-invalid]="invalid('number') ? 'true' : null"
              [attr.aria-describedby]="invalid('number') ? 'number-error' : null"
              class="mt-1 w-full rounded border border-slate-300 px-3 py-2 font-mono"
              data-testid="status-number"
            />
            @if (invalid('number')) {
              <p id="number-error" class="mt-1 text-sm text-red-700">{{ t.statusNotFound }}</p>
            }
          </div>
          <div>
            <label for="email" class="block text-sm font-medium text-slate-700">{{ t.labels.email }}</label>
            <input
              id="email"
              name="email"
              type="email"
              required
              autocomplete="email"
              [attr.value]="lookup()?.email ?? null"
              [attr.aria-invalid]="invalid('email') ? 'true' : null"
              [attr.aria-describedby]="invalid('email') ? 'email-error' : null"
              class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
              data-testid="status-email"
            />
            @if (invalid('email')) {
              <p id="email-error" class="mt-1 text-sm text-red-700" data-testid="error-email">{{ t.errors.email }}</p>
            }
          </div>
          <button
            type="submit"
            class="rounded bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-400"
            data-testid="status-submit"
          >
            {{ t.lookUp }}
          </button>
        </form>
        @if (lookup(); as l) {
          @if (l.result === 'found' && page.status === 'ok') {
            <div class="mt-8 rounded-xl border border-slate-200 bg-white p-5" data-testid="order-found">
              <app-order-summary [order]="l.order" [shop]="page.shop" [texts]="t" [showTimeline]="true" />
            </div>
          } @else if (l.result === 'not-found') {
            <p role="alert" class="mt-6 rounded-lg border border-slate-300 bg-slate-50 px-4 py-3" data-testid="status-not-found">
              {{ t.statusNotFound }}
            </p>
          } @else if (l.result === 'limited') {
            <p
              role="alert"
              class="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
              data-testid="status-limited"
            >
              {{ l.message }}
            </p>
          }
        }
      </section>
    }
  `,
})
export default class OrderStatusPage {
  protected readonly loaded = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly t = applyShopLoad(this.loaded(), (t) => t.statusTitle);
  protected readonly lookup = computed(() => {
    const page = this.loaded();
    return page.status === 'ok' ? page.data : null;
  });

  constructor() {
    const response = injectResponse();
    const lookup = this.lookup();
    if (!response) return;
    response.setHeader('cache-control', 'no-store');
    if (lookup?.result === 'limited') {
      response.statusCode = 429;
      response.setHeader('retry-after', String(Math.ceil(lookup.retryAfterMs / 1000)));
    }
  }

  protected invalid(field: 'number' | 'email'): boolean {
    const l = this.lookup();
    return l?.result === 'invalid' && l.invalid.includes(field);
  }
}
