// The 404 panel of every page that can find nothing at its address: the catch-all, a market
// that does not exist, a product that does not. In the shopper's language, with the ways on:
// the market's home and its search (a plain GET form, so it works without scripts). The page
// sets the status code; a page with words of its own (a product not found) passes them. Outside
// every market's prefix, the header and footer around it take its market too. The panel is the
// page: it sets the document's language and title.
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit } from '@angular/core';
import { Title } from '@angular/platform-browser';
import type { ShopLanguage } from '../../common/markets';
import { PageMarket } from './shop-markets';
import { SHOP_TEXTS } from './shop-texts';

@Component({
  selector: 'app-not-found-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = texts();
    <section class="mx-auto max-w-xl py-16 text-center" data-testid="not-found">
      <p class="text-sm font-semibold text-indigo-600">404</p>
      <h1 class="mt-2 text-3xl font-semibold tracking-tight" data-testid="not-found-title">{{ title() ?? t.notFoundTitle }}</h1>
      <p class="mt-3 text-slate-600">{{ body() ?? t.notFoundBody }}</p>
      <form role="search" method="get" [attr.action]="home()" class="mx-auto mt-8 flex max-w-md gap-2" data-testid="not-found-search">
        <label for="not-found-q" class="sr-only">{{ t.searchLabel }}</label>
        <input
          id="not-found-q"
          name="q"
          type="search"
          maxlength="200"
          [attr.placeholder]="t.searchPlaceholder"
          class="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:outline-2 focus:outline-indigo-600"
        />
        <button
          type="submit"
          class="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600"
        >
          {{ t.searchButton }}
        </button>
      </form>
      <a
        [attr.href]="home()"
        class="mt-6 inline-block font-medium text-indigo-700 underline hover:text-indigo-900"
        data-testid="not-found-home"
        >{{ t.backHome }}</a
      >
    </section>
  `,
})
export class NotFoundPanel implements OnInit {
  private readonly pageMarket = inject(PageMarket);
  private readonly document = inject(DOCUMENT);
  private readonly titleService = inject(Title);
  /** The market whose home and search the panel offers, in its language. */
  readonly market = input.required<ShopLanguage>();
  readonly title = input<string | null>(null);
  readonly body = input<string | null>(null);
  protected readonly texts = computed(() => SHOP_TEXTS[this.market()]);
  protected readonly home = computed(() => `/${this.market()}`);

  ngOnInit(): void {
    // An address outside every market (`/xx/cart`, `/nothing`): the frame speaks the panel's language too.
    this.pageMarket.code.set(this.market());
    this.document.documentElement.lang = this.market();
    this.titleService.setTitle(`${this.title() ?? this.texts().notFoundTitle} · DigitalSales`);
  }
}
