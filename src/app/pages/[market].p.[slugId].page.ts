// The shopper's product page, /{market}/p/{slug}--{id}: server-rendered in the market's language
// with the last known price, its age and availability, complete without JavaScript. In the
// browser it follows the live price (SSE) and swaps it in with a short highlight when a refresh
// lands, or says from when the price is if the marketplace could not be reached.
import { DOCUMENT, isPlatformBrowser } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, PLATFORM_ID, afterNextRender, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { injectLoad } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';
import type { LivePrice, MarketPrice, RefreshFailureInfo, PriceState } from '../../server/pricing';
import { AddToCart } from '../cart/add-to-cart';
import { LivePriceClient } from '../product-page/live-price.client';
import { clockTime, PRODUCT_PAGE_TEXTS, shortAge } from '../product-page/product-page-texts';
import { formatMoney } from '../../common/money';
import type { ProductPageView } from '../product-page/product-page-view';
import { NotFoundPanel } from '../shop/not-found-panel';
import { ProductImage } from '../shop/product-image';
import { applySeo } from '../shop/seo-head';
import type { load } from './[market].p.[slugId].server';

/** How long a swapped-in price stays highlighted. */
const HIGHLIGHT_MS = 1500;

@Component({
  imports: [AddToCart, NotFoundPanel, ProductImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let data = page();
    @switch (data.status) {
      @case ('ok') {
        @let view = data.view;
        @let t = texts();
        <article class="grid gap-10 md:grid-cols-2" data-testid="product-page" [attr.data-product-id]="view.productId">
          <div class="self-start rounded-xl border border-slate-200 bg-white p-4" data-testid="product-gallery">
            <app-product-image
              [image]="view.image"
              [alt]="view.title"
              [size]="544"
              [eager]="true"
              sizes="(min-width: 1152px) 34rem, (min-width: 768px) 46vw, 92vw"
            />
          </div>
          <div>
            @if (view.brand) {
              <p class="text-sm font-medium uppercase tracking-wide text-slate-500">
                {{ t.brand }}: <span data-testid="brand">{{ view.brand }}</span>
              </p>
            }
            <h1 class="mt-1 text-3xl font-semibold tracking-tight" data-testid="product-title" [attr.lang]="view.textLang">
              {{ view.title }}
            </h1>
            @if (view.description) {
              <p class="mt-3 leading-relaxed text-slate-700" data-testid="product-description" [attr.lang]="view.textLang">
                {{ view.description }}
              </p>
            }

            @if (price(); as p) {
              <div class="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <p
                  class="text-3xl font-semibold tabular-nums transition-colors duration-700"
                  [class.bg-amber-200]="highlight()"
                  [class.rounded]="true"
                  data-testid="price"
                  [attr.data-state]="state()"
                  [attr.data-updated]="updates() > 0 ? 'live' : 'server'"
                >
                  {{ priceText() }}
                </p>
                <p class="text-sm text-slate-500">{{ t.vatIncluded }}</p>
                <p class="mt-2 text-xs text-slate-500" data-testid="price-age">
                  {{ t.updated(ageText()) }}
                  @if (state() === 'refreshing') {
                    · {{ t.checking }}
                  }
                </p>
                @if (state() === 'stale') {
                  <p
                    class="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
                    role="status"
                    data-testid="stale-notice"
                    [attr.data-reason]="failure()?.kind"
                  >
                    {{ t.couldNotRefresh(checkedClock()) }}
                  </p>
                }
                <p
                  class="mt-4 font-medium"
                  data-testid="availability"
                  [class.text-emerald-700]="p.availability === 'in_stock'"
                  [class.text-red-700]="p.availability === 'out_of_stock'"
                >
                  {{ p.availability === 'in_stock' ? t.inStock : p.availability === 'out_of_stock' ? t.outOfStock : t.availabilityUnknown }}
                </p>
                <p class="text-sm text-slate-600" data-testid="delivery">
                  @if (p.delivery; as d) {
                    {{ t.delivery(d.minDays, d.maxDays) }}
                  } @else {
                    {{ t.noDelivery }}
                  }
                </p>
                <app-add-to-cart
                  [productId]="view.productId"
                  [market]="view.market"
                  [language]="view.language"
                  [available]="p.availability !== 'out_of_stock'"
                />
              </div>
            } @else {
              <p
                class="mt-6 rounded-lg border border-dashed border-slate-300 px-4 py-6 text-slate-600"
                data-testid="not-sold"
                [attr.data-reason]="view.salesStopped ? 'stopped' : 'not-sold'"
              >
                {{ view.salesStopped ? t.salesStopped : t.notSoldHere }}
              </p>
            }

            @if (view.attributes.length > 0) {
              <h2 class="mt-8 text-lg font-semibold">{{ t.details }}</h2>
              <dl class="mt-2 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
                @for (attribute of view.attributes; track attribute[0]) {
                  <dt class="text-slate-500">{{ attribute[0] }}</dt>
                  <dd>{{ attribute[1] }}</dd>
                }
              </dl>
            }
          </div>
        </article>
      }
      @case ('not-found') {
        <app-not-found-panel [market]="data.language" [title]="texts().notFoundTitle" [body]="texts().notFoundBody" />
      }
      @case ('unavailable') {
        <p class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="page-unavailable">
          {{ texts().unavailableTitle }}
        </p>
      }
    }
  `,
})
export default class ProductPage {
  protected readonly page = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly texts = computed(() => {
    const data = this.page();
    return PRODUCT_PAGE_TEXTS[data.status === 'ok' ? data.view.language : data.language];
  });

  /** The last outcome the subscription delivered, for the product now shown. */
  private readonly live = signal<{ productId: string; price: LivePrice } | null>(null);
  protected readonly updates = signal(0);
  protected readonly highlight = signal(false);
  /** Ticks once a second in the browser; stays at the server's read time during SSR. */
  private readonly now = signal(0);

  private readonly view = computed<ProductPageView | null>(() => {
    const data = this.page();
    return data.status === 'ok' ? data.view : null;
  });
  private readonly liveForView = computed(() => {
    const live = this.live();
    return live && live.productId === this.view()?.productId ? live.price : null;
  });
  protected readonly price = computed<MarketPrice | null>(() => this.liveForView()?.price ?? this.view()?.price ?? null);
  protected readonly state = computed<PriceState>(() => {
    const live = this.liveForView();
    if (live) return live.kind === 'stale' ? 'stale' : 'fresh';
    return this.view()?.state ?? 'fresh';
  });
  protected readonly failure = computed<RefreshFailureInfo | null>(() => this.liveForView()?.failure ?? this.view()?.failure ?? null);
  protected readonly priceText = computed(() => {
    const p = this.price();
    const view = this.view();
    return p && view ? formatMoney(p.price, view.locale) : '';
  });
  protected readonly ageText = computed(() => {
    const p = this.price();
    const view = this.view();
    if (!p || !view) return '';
    const now = this.now() || Date.parse(view.readAt);
    return shortAge(now - Date.parse(p.checkedAt));
  });
  protected readonly checkedClock = computed(() => {
    const p = this.price();
    const view = this.view();
    return p && view ? clockTime(p.checkedAt, view.locale, view.timeZone) : '';
  });

  constructor() {
    const data = this.page();
    if (data.status !== 'ok') {
      // Null in the browser, where the status was sent with the server's page.
      const response = injectResponse();
      if (response) response.statusCode = data.status === 'not-found' ? 404 : 503;
    }
    const language = data.status === 'ok' ? data.view.language : data.language;
    inject(DOCUMENT).documentElement.lang = language;
    inject(Title).setTitle(data.status === 'ok' ? `${data.view.title} · DigitalSales` : `${this.texts().notFoundTitle} · DigitalSales`);
    if (data.status === 'ok') applySeo(data.view.seo);

    const client = inject(LivePriceClient);
    const destroyRef = inject(DestroyRef);
    const inBrowser = isPlatformBrowser(inject(PLATFORM_ID));
    afterNextRender(() => {
      const view = this.view();
      if (!view || !inBrowser) return;
      // Server and browser clocks may disagree: age prices against the server's clock.
      const skewMs = Date.parse(view.readAt) - Date.now();
      this.now.set(Date.now() + skewMs);
      const ticker = setInterval(() => this.now.set(Date.now() + skewMs), 1000);
      let highlightTimer: ReturnType<typeof setTimeout> | undefined;
      // Only a page waiting for a refresh listens, and only until its outcome arrives: an SSE
      // stream holds one of the six HTTP/1.1 connections a browser allows per site across all
      // its tabs, so idle streams in a few open tabs would stall every other page of the shop.
      let stop = () => {};
      if (view.state !== 'fresh') {
        stop = client.follow(
          {
            productId: view.productId,
            market: view.market,
            knownCheckedAt: view.price?.checkedAt ?? null,
            knownFailureAt: view.failure?.at ?? null,
          },
          (price) => {
            this.live.set({ productId: view.productId, price });
            this.updates.update((n) => n + 1);
            stop();
            if (price.kind === 'fresh') {
              this.highlight.set(true);
              clearTimeout(highlightTimer);
              highlightTimer = setTimeout(() => this.highlight.set(false), HIGHLIGHT_MS);
            }
          },
        );
      }
      destroyRef.onDestroy(() => {
        stop();
        clearInterval(ticker);
        clearTimeout(highlightTimer);
      });
    });
  }
}
