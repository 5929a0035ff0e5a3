// A market's listing page, /{market}: the home (newest products first), a category, or keyword
// results, in the market's language. Server-rendered and complete without JavaScript: the
// filters are a plain GET form of native fields (labelled, usable with the keyboard alone),
// every product links to its page, and "next page" is a link carrying a keyset cursor.
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';
import { NotFoundPanel } from '../shop/not-found-panel';
import { ProductImage } from '../shop/product-image';
import { applySeo } from '../shop/seo-head';
import { SHOP_TEXTS } from '../shop/shop-texts';
import type { load } from './[market].server';

const FIELD = 'mt-1 w-full rounded border border-slate-300 px-2 py-2 text-sm focus:outline-2 focus:outline-indigo-600';

@Component({
  imports: [NotFoundPanel, ProductImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let data = page();
    @switch (data.status) {
      @case ('ok') {
        @let view = data.view;
        @let f = view.filters;
        @let errors = view.fieldErrors;
        @let t = texts();
        <div class="grid gap-8 md:grid-cols-[16rem_1fr]">
          <!-- Folded on a phone (styles.css), open there when a field needs correcting. -->
          <details
            class="fold-on-phone self-start rounded-xl border border-slate-200 bg-white"
            [attr.open]="hasErrors(errors) ? '' : null"
            data-testid="filters-panel"
          >
            <summary class="cursor-pointer list-inside px-4 py-3 text-base font-semibold" data-testid="filters-toggle">
              {{ t.filters }}
            </summary>
            <form method="get" [attr.action]="'/' + view.market" class="space-y-4 p-4" [attr.aria-label]="t.filters" data-testid="filters">
              <h2 class="hidden text-base font-semibold sm:block">{{ t.filters }}</h2>
              @if (f.q) {
                <input type="hidden" name="q" [attr.value]="f.q" />
              }
              <div>
                <label for="filter-category" class="block text-sm font-medium">{{ t.category }}</label>
                <select id="filter-category" name="category" [class]="field">
                  <option value="">{{ t.any }}</option>
                  @for (option of view.categories; track option.id) {
                    <option [attr.value]="option.id" [attr.selected]="f.category === option.id ? '' : null">{{ option.name }}</option>
                  }
                </select>
              </div>
              <div>
                <label for="filter-brand" class="block text-sm font-medium">{{ t.brand }}</label>
                <select id="filter-brand" name="brand" [class]="field">
                  <option value="">{{ t.any }}</option>
                  @for (option of view.brands; track option) {
                    <option [attr.value]="option" [attr.selected]="f.brand === option ? '' : null">{{ option }}</option>
                  }
                </select>
              </div>
              <div>
                <label for="filter-min" class="block text-sm font-medium">{{ t.minPrice }}</label>
                <input
                  id="filter-min"
                  name="min"
                  type="text"
                  inputmode="numeric"
                  [attr.value]="f.min ?? ''"
                  [class]="field"
                  [attr.aria-invalid]="errors.min ? 'true' : null"
                  [attr.aria-describedby]="errors.min ? 'filter-min-error' : null"
                />
                @if (errors.min) {
                  <p id="filter-min-error" class="mt-1 text-sm text-red-700" data-testid="error-min">{{ errors.min }}</p>
                }
              </div>
              <div>
                <label for="filter-max" class="block text-sm font-medium">{{ t.maxPrice }}</label>
                <input
                  id="filter-max"
                  name="max"
                  type="text"
                  inputmode="numeric"
                  [attr.value]="f.max ?? ''"
                  [class]="field"
                  [attr.aria-invalid]="errors.max ? 'true' : null"
                  [attr.aria-describedby]="errors.max ? 'filter-max-error' : null"
                />
                @if (errors.max) {
                  <p id="filter-max-error" class="mt-1 text-sm text-red-700" data-testid="error-max">{{ errors.max }}</p>
                }
              </div>
              <div class="flex items-center gap-2">
                <input
                  id="filter-stock"
                  name="stock"
                  type="checkbox"
                  value="1"
                  [attr.checked]="f.stock === '1' ? '' : null"
                  class="h-4 w-4"
                />
                <label for="filter-stock" class="text-sm">{{ t.inStockOnly }}</label>
              </div>
              <div>
                <label for="filter-sort" class="block text-sm font-medium">{{ t.sort }}</label>
                <select
                  id="filter-sort"
                  name="sort"
                  [class]="field"
                  [attr.aria-invalid]="errors.sort ? 'true' : null"
                  [attr.aria-describedby]="errors.sort ? 'filter-sort-error' : null"
                >
                  @for (sort of view.sorts; track sort) {
                    <option [attr.value]="sort" [attr.selected]="(f.sort ?? 'relevance') === sort ? '' : null">{{ t.sorts[sort] }}</option>
                  }
                </select>
                @if (errors.sort) {
                  <p id="filter-sort-error" class="mt-1 text-sm text-red-700">{{ errors.sort }}</p>
                }
              </div>
              <div class="flex items-center justify-between gap-2">
                <button
                  type="submit"
                  class="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600"
                  data-testid="apply-filters"
                >
                  {{ t.apply }}
                </button>
                <a [attr.href]="'/' + view.market + (f.q ? '?q=' + encode(f.q) : '')" class="text-sm text-indigo-700 hover:underline">{{
                  t.clear
                }}</a>
              </div>
            </form>
          </details>

          <section aria-labelledby="listing-heading">
            <h1 id="listing-heading" class="mb-6 text-2xl font-semibold tracking-tight" data-testid="listing-heading">{{ heading() }}</h1>
            @if (errors.cursor) {
              <p class="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="alert">
                {{ errors.cursor }}
              </p>
            }
            @if (view.cards.length === 0) {
              <p class="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-slate-600" data-testid="no-results">
                {{ t.noResults }}
              </p>
            } @else {
              <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" [attr.aria-label]="t.results">
                @for (card of view.cards; track card.id; let i = $index) {
                  <li
                    class="flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
                    data-testid="listing-card"
                    [attr.data-product-id]="card.id"
                  >
                    <!-- The photo repeats the title's link, so it is left out of the tab order and of screen readers' link list. -->
                    <a [attr.href]="card.href" class="mb-3 block" tabindex="-1" aria-hidden="true">
                      <app-product-image [image]="card.image" [alt]="card.title" [size]="320" [eager]="i < firstRow" [sizes]="cardSizes" />
                    </a>
                    @if (card.brand) {
                      <p class="text-xs font-medium uppercase tracking-wide text-slate-500">{{ card.brand }}</p>
                    }
                    <h2 class="mt-1 font-semibold leading-snug">
                      <a
                        [attr.href]="card.href"
                        [attr.lang]="card.titleLang"
                        class="hover:underline focus:outline-2 focus:outline-indigo-600"
                        data-testid="listing-link"
                        >{{ card.title }}</a
                      >
                    </h2>
                    <p class="mt-3 text-lg font-semibold tabular-nums" data-testid="listing-price">{{ card.priceText }}</p>
                    <p
                      class="text-sm"
                      [class.text-emerald-700]="card.availability === 'in_stock'"
                      [class.text-red-700]="card.availability === 'out_of_stock'"
                    >
                      {{
                        card.availability === 'in_stock'
                          ? t.inStock
                          : card.availability === 'out_of_stock'
                            ? t.outOfStock
                            : t.availabilityUnknown
                      }}
                    </p>
                    <p class="mt-auto pt-2 text-xs text-slate-500">{{ card.addedText }}</p>
                  </li>
                }
              </ul>
            }
            <nav class="mt-8 flex justify-between text-sm" [attr.aria-label]="t.pagination">
              @if (view.firstHref; as first) {
                <a [attr.href]="first" class="rounded-lg border border-slate-300 px-4 py-2 hover:bg-slate-50" data-testid="first-page">{{
                  t.firstPage
                }}</a>
              } @else {
                <span></span>
              }
              @if (view.nextHref; as next) {
                <a
                  [attr.href]="next"
                  rel="next"
                  class="rounded-lg border border-slate-300 px-4 py-2 hover:bg-slate-50"
                  data-testid="next-page"
                  >{{ t.nextPage }}</a
                >
              }
            </nav>
          </section>
        </div>
      }
      @case ('not-found') {
        <app-not-found-panel [market]="data.language" />
      }
      @case ('unavailable') {
        <p class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="page-unavailable">
          {{ texts().unavailable }}
        </p>
      }
    }
  `,
})
export default class MarketListingPage {
  protected readonly page = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly field = FIELD;
  /** Cards in the first row of the widest grid: their photos are in the first screen. */
  protected readonly firstRow = 3;
  /** The grid's columns: one under 640 px, two under 1024 px, three beside the filters (main is at most 72rem wide). */
  protected readonly cardSizes = '(min-width: 1024px) 15rem, (min-width: 640px) 45vw, 90vw';
  protected readonly texts = computed(() => {
    const data = this.page();
    return SHOP_TEXTS[data.status === 'ok' ? data.view.language : data.language];
  });
  protected readonly heading = computed(() => {
    const data = this.page();
    if (data.status !== 'ok') return '';
    const { q, category } = data.view.filters;
    const t = this.texts();
    return q ? `${t.searchButton}: “${q}”` : (data.view.categories.find((c) => c.id === category)?.name ?? t.results);
  });

  constructor() {
    const data = this.page();
    // Null in the browser, where the status was sent with the server's page.
    const response = injectResponse();
    if (response) response.statusCode = data.status === 'ok' ? data.httpStatus : data.status === 'not-found' ? 404 : 503;
    if (data.status === 'ok') applySeo(data.view.seo);
  }

  protected hasErrors(errors: object): boolean {
    return Object.keys(errors).length > 0;
  }

  protected encode(value: string): string {
    return encodeURIComponent(value);
  }
}
