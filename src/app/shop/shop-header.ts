// The storefront's header on every market page: the logo back to the market's home, the keyword
// search (a plain GET form, so it works before and without the scripts), the market switcher
// (links to the same page in each market) and the cart with its number of items. In the
// market's language.
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  type OnInit,
  type Signal,
} from '@angular/core';
import { CartCount } from '../cart/cart-count';
import { SHOP_TEXTS } from './shop-texts';
import { switchMarketHref, type ShopMarket } from './shop-markets';

@Component({
  selector: 'app-shop-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = texts();
    @let m = market();
    <div class="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-6 py-4">
      <a
        [attr.href]="'/' + m.code"
        class="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900"
        [attr.aria-label]="t.homeLink"
        data-testid="shop-logo"
      >
        <span
          class="inline-flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white"
          aria-hidden="true"
          >DS</span
        >
        DigitalSales
      </a>
      <form role="search" method="get" [attr.action]="'/' + m.code" class="flex min-w-64 flex-1 items-center gap-2">
        <label for="shop-search" class="sr-only">{{ t.searchLabel }}</label>
        <input
          id="shop-search"
          name="q"
          type="search"
          [attr.value]="query()"
          [attr.placeholder]="t.searchPlaceholder"
          maxlength="200"
          class="w-full rounded-lg border border-slate-300 px-3 py-2 text-sm focus:outline-2 focus:outline-indigo-600"
          data-testid="search-input"
        />
        <button
          type="submit"
          class="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus:outline-2 focus:outline-offset-2 focus:outline-indigo-600"
        >
          {{ t.searchButton }}
        </button>
      </form>
      <nav [attr.aria-label]="t.marketSwitcher" data-testid="market-switcher">
        <ul class="flex gap-1 text-sm">
          @for (other of markets(); track other.code) {
            <li>
              <a
                [attr.href]="hrefFor(other)"
                [attr.hreflang]="other.language"
                [attr.lang]="other.language"
                [attr.aria-current]="other.code === m.code ? 'true' : null"
                [class]="
                  other.code === m.code
                    ? 'rounded px-2 py-1 font-semibold text-indigo-700 underline'
                    : 'rounded px-2 py-1 text-slate-600 hover:bg-slate-100'
                "
                [attr.data-market]="other.code"
                >{{ other.name }}</a
              >
            </li>
          }
        </ul>
      </nav>
      @let items = count();
      <a
        [attr.href]="'/' + m.code + '/cart'"
        [attr.aria-label]="items ? t.cartWithItems(items) : null"
        class="inline-flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50"
        data-testid="cart-link"
      >
        {{ t.cart }}
        @if (items) {
          <span
            class="min-w-6 rounded-full bg-indigo-600 px-2 py-0.5 text-center text-xs font-semibold text-white tabular-nums"
            aria-hidden="true"
            data-testid="cart-count"
            >{{ items }}</span
          >
        }
      </a>
    </div>
  `,
})
export class ShopHeader implements OnInit {
  private readonly cartCount = inject(CartCount);
  readonly market = input.required<ShopMarket>();
  readonly markets = input.required<readonly ShopMarket[]>();
  /** The current URL (path and query), for the switcher's links and the search box's words. */
  readonly url = input.required<string>();
  protected readonly texts = computed(() => SHOP_TEXTS[this.market().language]);
  protected readonly query = computed(() => new URL(this.url(), 'http://shop.invalid').searchParams.get('q') ?? '');
  protected count: Signal<number | null> = signal(null);

  constructor() {
    // Back and forward show a page as it was rendered (the back-forward cache, or the HTTP cache
    // a history navigation prefers): its count may predate what was added on the next page.
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const historyLoad =
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type === 'back_forward';
      const refresh = () => void this.cartCount.refresh(this.market().code).catch(() => undefined);
      if (historyLoad) refresh();
      const onShow = (event: PageTransitionEvent) => {
        if (event.persisted) refresh();
      };
      window.addEventListener('pageshow', onShow);
      destroyRef.onDestroy(() => window.removeEventListener('pageshow', onShow));
    });
  }

  ngOnInit(): void {
    // The market input is set by now; every market link is a page load, so the header's market never changes under it.
    this.count = this.cartCount.items(this.market().code);
  }

  protected hrefFor(other: ShopMarket): string {
    return switchMarketHref(this.url(), other.code);
  }
}
