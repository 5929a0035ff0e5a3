// The page frame: header, the routed page, footer. Pages under a market prefix (/it, /fr/p/…),
// and the 404 of an address outside them, get the storefront's header and footer in that
// market's language; the others (status, back office) the platform's, in English.
import { isPlatformBrowser } from '@angular/common';
import { ApplicationRef, ChangeDetectionStrategy, Component, PLATFORM_ID, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { ShopHeader } from './shop/shop-header';
import { PageMarket, SHOP_MARKETS, marketOfPath } from './shop/shop-markets';
import { SHOP_TEXTS } from './shop/shop-texts';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, ShopHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="flex min-h-screen flex-col">
      <header class="border-b border-slate-200 bg-white">
        @if (shopMarket(); as market) {
          <app-shop-header [market]="market" [markets]="markets" [url]="url()" />
        } @else {
          <div class="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
            <a routerLink="/status" class="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
              <span class="inline-flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white">DS</span>
              DigitalSales
            </a>
            <span class="text-sm text-slate-500">Italy · France · Germany · Spain</span>
          </div>
        }
      </header>
      <main class="mx-auto w-full max-w-6xl flex-1 px-6 py-10">
        <router-outlet />
      </main>
      <footer class="border-t border-slate-200 bg-white">
        @if (shopMarket(); as market) {
          @let t = shopTexts[market.language];
          <div
            class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-6 py-4 text-xs text-slate-500"
            [attr.lang]="market.language"
            data-testid="shop-footer"
          >
            <span>{{ t.footerPrices }}</span>
            <a [attr.href]="'/' + market.code + '/order-status'" class="underline hover:text-slate-700">{{ t.orderStatus }}</a>
          </div>
        } @else {
          <div class="mx-auto max-w-6xl px-6 py-4 text-xs text-slate-500">Prices include VAT of the market shown. Amounts in EUR.</div>
        }
      </footer>
    </div>
  `,
})
export class App {
  protected readonly markets = inject(SHOP_MARKETS);
  private readonly router = inject(Router);
  protected readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  private readonly pageMarket = inject(PageMarket).code;
  protected readonly shopMarket = computed(
    () => marketOfPath(this.url(), this.markets) ?? this.markets.find((m) => m.code === this.pageMarket()) ?? null,
  );
  protected readonly shopTexts = SHOP_TEXTS;

  constructor() {
    // Marks the moment the browser has hydrated the server's HTML, the routed page included
    // (its lazy chunk and its load are pending tasks until then): before it, a click on a form's
    // button is a plain HTML submit, not the app's. End-to-end tests wait for it.
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return;
    void inject(ApplicationRef)
      .whenStable()
      .then(() => document.documentElement.setAttribute('data-hydrated', ''));
  }
}
