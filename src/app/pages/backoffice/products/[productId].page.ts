// One product for agents: per market the source offer, the computed and the overridden selling
// price, what the shopper pays, the margin breakdown and a server-drawn price-history chart
// (readable without JavaScript). Actions: refresh the source offers now (the live result shows
// in place), override a price until a date, stop or resume selling; each is confirmed first and
// answered with the product as stored. Titles and reasons are interpolated, never innerHTML.
import type { MergeView } from '../../../../server/matching';
import type { QuoteSource } from '../../../../server/catalog';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AgentTimePipe, AgentTimeZone } from '../../../backoffice/agent-time';
import type { RouteMeta } from '@analogjs/router';
import { errorMessage } from '../../../backoffice/backoffice-api';
import { agentApi, injectBackofficeLoad, latestData } from '../../../backoffice/backoffice-load';
import { BackofficePage } from '../../../backoffice/backoffice-page';
import { ConfirmedActions, ConfirmPanel } from '../../../backoffice/confirm-action';
import { NeedsScripts } from '../../../backoffice/needs-scripts';
import { formatEuroCents, parseEuroCents } from '../../../backoffice/euro-amount';
import { priceChart } from '../../../backoffice/price-chart';
import { auditHref } from '../../../backoffice/audit-words';
import type { ProductAdminView } from '../../../../server/catalog-admin';
import { productPath } from '../../../../server/storefront/browser';
import type { load } from './[productId].server';

export const routeMeta: RouteMeta = { title: 'Product · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, ConfirmPanel, NeedsScripts, AgentTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-backoffice-page [page]="loaded()" heading="Product" ownHeading>
      @if (product(); as p) {
        <h1 class="mb-1 text-2xl font-semibold" data-testid="product-title">{{ p.title }}</h1>
        <p class="mb-2 text-sm text-slate-600">
          id {{ p.id }} · GTIN {{ p.gtin ?? '–' }} · {{ p.brand ?? 'no brand' }} · {{ p.category ?? 'no category' }} · updated
          {{ p.updatedAt | agentTime }} ·
          <a class="text-indigo-700 underline" data-testid="audit-link" [href]="auditOf({ productId: p.id })">Audit log of this product</a>
        </p>
        <p
          class="mb-6 text-sm font-medium"
          data-testid="sales-status"
          [class.text-red-700]="p.salesStop"
          [class.text-emerald-700]="!p.salesStop"
        >
          @if (p.salesStop; as stop) {
            Selling stopped {{ stop.at | agentTime }} by <span [attr.title]="stop.by.email">{{ stop.by.name }}</span>: {{ stop.reason }}
          } @else {
            Selling
          }
        </p>

        <div class="mb-6 flex flex-wrap items-start gap-4">
          <button
            type="button"
            class="rounded bg-indigo-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
            [disabled]="refreshing()"
            (click)="refreshNow()"
          >
            {{ refreshing() ? 'Refreshing…' : 'Refresh now' }}
          </button>
          @if (refreshResult(); as r) {
            <p role="status" class="text-sm" data-testid="refresh-result" [attr.data-kind]="r.kind">{{ r.text }}</p>
          }
        </div>

        <div class="grid gap-6 lg:grid-cols-2">
          @for (m of p.perMarket; track m.market; let i = $index) {
            <section
              class="rounded-lg border border-slate-200 bg-white p-4"
              [attr.aria-labelledby]="'market-h-' + m.market"
              [attr.data-testid]="'market-' + m.market"
            >
              <h2 class="mb-2 font-semibold" [attr.id]="'market-h-' + m.market">Market {{ m.market }}</h2>
              <h3 class="text-sm font-semibold">Source offer</h3>
              @if (m.offer; as o) {
                <dl class="mb-3 grid grid-cols-[auto_1fr] gap-x-4 text-sm" [attr.data-testid]="'offer-' + m.market">
                  <dt>Source site</dt>
                  <dd>{{ o.site }}</dd>
                  <dt>Source id</dt>
                  <dd data-testid="source-id">{{ o.sourceId }}</dd>
                  <dt>URL</dt>
                  <dd class="truncate">
                    <a class="text-indigo-700 hover:underline" [href]="o.url" rel="noopener noreferrer nofollow" target="_blank">{{
                      o.url
                    }}</a>
                  </dd>
                  <dt>Price</dt>
                  <dd class="tabular-nums" data-testid="offer-price">{{ euros(o.priceCents) }}</dd>
                  <dt>Shipping</dt>
                  <dd class="tabular-nums">{{ o.shippingCents === null ? 'unknown' : euros(o.shippingCents) }}</dd>
                  <dt>Availability</dt>
                  <dd>{{ o.availability }}</dd>
                  <dt>Last scraped</dt>
                  <dd>{{ o.lastScrapedAt | agentTime }}</dd>
                  <dt>Last refreshed</dt>
                  <dd data-testid="last-refreshed">
                    {{ o.lastRefreshedAt ? (o.lastRefreshedAt | agentTime) : 'never'
                    }}{{ o.refreshedFrom ? ' from ' + QUOTE_SOURCE_WORDS[o.refreshedFrom] : '' }}
                  </dd>
                </dl>
              } @else {
                <p class="mb-3 text-sm text-slate-500">No offer found in this market.</p>
              }

              <h3 class="text-sm font-semibold">Selling price</h3>
              <p class="text-sm" [attr.data-testid]="'selling-' + m.market">
                @if (m.selling; as s) {
                  Shopper pays <strong class="tabular-nums">{{ euros(s.priceCents) }}</strong>
                  @if (s.overridden && m.override; as o) {
                    (override until {{ o.expiresAt | agentTime }}: {{ o.reason }})
                  } @else if (m.computed; as c) {
                    (computed from the {{ c.sourceMarket }} offer)
                  }
                } @else {
                  Not for sale here.
                }
              </p>
              @if (m.computed; as c) {
                <p class="text-xs text-slate-500">Computed price {{ euros(c.priceCents) }}, {{ c.computedAt | agentTime }}</p>
              }
              @if (m.override; as o) {
                <p class="text-xs text-slate-500" [attr.data-testid]="'override-' + m.market">
                  Override {{ euros(o.priceCents) }} {{ o.active ? 'until' : 'expired' }} {{ o.expiresAt | agentTime }} · {{ o.reason }}
                  @if (canPrice()) {
                    <button type="button" class="ml-2 text-indigo-700 underline" (click)="askClearOverride(m.market)">
                      Remove override
                    </button>
                  }
                </p>
              }

              @if (m.margin; as g) {
                <table class="mt-3 w-full text-sm" [attr.data-testid]="'margin-' + m.market">
                  <caption class="text-left text-sm font-semibold">
                    Margin at the shopper's price (bought in
                    {{
                      g.sourceMarket
                    }})
                  </caption>
                  <tbody>
                    <tr>
                      <th scope="row" class="text-left font-normal">Source price</th>
                      <td class="text-right tabular-nums">{{ euros(g.sourcePriceCents) }}</td>
                    </tr>
                    <tr>
                      <th scope="row" class="text-left font-normal">Shipping to the shopper</th>
                      <td class="text-right tabular-nums">{{ euros(g.shippingCents) }}</td>
                    </tr>
                    <tr>
                      <th scope="row" class="text-left font-normal">VAT</th>
                      <td class="text-right tabular-nums">{{ euros(g.vatCents) }}</td>
                    </tr>
                    <tr>
                      <th scope="row" class="text-left font-normal">Marketplace and payment fees</th>
                      <td class="text-right tabular-nums">{{ euros(g.feesCents) }}</td>
                    </tr>
                    <tr>
                      <th scope="row" class="text-left font-normal">Margin</th>
                      <td class="text-right tabular-nums" [class.text-red-700]="!g.meetsFloor">
                        {{ euros(g.marginCents) }}
                        @if (!g.meetsFloor) {
                          <span class="block text-xs">below the floor of {{ euros(g.floorCents) }}: checkout refuses it</span>
                        }
                      </td>
                    </tr>
                    <tr class="border-t border-slate-200">
                      <th scope="row" class="text-left">Shopper pays</th>
                      <td class="text-right font-semibold tabular-nums">{{ euros(g.grossCents) }}</td>
                    </tr>
                  </tbody>
                </table>
              }

              @if (charts()[i]; as chart) {
                <figure class="mt-4" [attr.data-testid]="'chart-' + m.market">
                  <svg
                    [attr.viewBox]="'0 0 ' + chart.width + ' ' + chart.height"
                    class="w-full"
                    role="img"
                    [attr.aria-labelledby]="'chart-t-' + m.market + ' chart-d-' + m.market"
                  >
                    <title [attr.id]="'chart-t-' + m.market">Source offer price in {{ m.market }} over time</title>
                    <desc [attr.id]="'chart-d-' + m.market">{{ chart.summary }}</desc>
                    <line
                      [attr.x1]="chart.plot.left"
                      [attr.y1]="chart.plot.bottom"
                      [attr.x2]="chart.plot.right"
                      [attr.y2]="chart.plot.bottom"
                      stroke="#94a3b8"
                    />
                    <line
                      [attr.x1]="chart.plot.left"
                      [attr.y1]="chart.plot.top"
                      [attr.x2]="chart.plot.left"
                      [attr.y2]="chart.plot.bottom"
                      stroke="#94a3b8"
                    />
                    @for (t of chart.yTicks; track $index) {
                      <text [attr.x]="chart.plot.left - 6" [attr.y]="t.at + 4" [attr.text-anchor]="t.anchor" font-size="11" fill="#475569">
                        {{ t.label }}
                      </text>
                    }
                    @for (t of chart.xTicks; track $index) {
                      <text [attr.x]="t.at" [attr.y]="chart.plot.bottom + 16" [attr.text-anchor]="t.anchor" font-size="11" fill="#475569">
                        {{ t.label }}
                      </text>
                    }
                    <text
                      [attr.x]="(chart.plot.left + chart.plot.right) / 2"
                      [attr.y]="chart.height - 2"
                      text-anchor="middle"
                      font-size="11"
                      fill="#475569"
                    >
                      {{ chart.timeAxis }}
                    </text>
                    <text
                      x="10"
                      [attr.y]="(chart.plot.top + chart.plot.bottom) / 2"
                      font-size="11"
                      fill="#475569"
                      [attr.transform]="'rotate(-90 10 ' + (chart.plot.top + chart.plot.bottom) / 2 + ')'"
                      text-anchor="middle"
                    >
                      Price (EUR)
                    </text>
                    <path [attr.d]="chart.line" fill="none" stroke="#4f46e5" stroke-width="2" />
                    @for (d of chart.dots; track $index) {
                      <circle [attr.cx]="d.x" [attr.cy]="d.y" r="3" fill="#4f46e5">
                        <title>{{ d.label }}</title>
                      </circle>
                    }
                  </svg>
                  <figcaption class="text-xs text-slate-600" data-testid="chart-summary">{{ chart.summary }}</figcaption>
                </figure>
              }
              <p class="mt-3 text-xs">
                <a class="text-indigo-700 hover:underline" [href]="shopPath(m.market, p)">Shop page in {{ m.market }}</a>
              </p>
              <app-confirm-panel [actions]="confirmation" [origin]="'market-' + m.market" />
            </section>
          }
        </div>

        <div class="mt-8 grid gap-6 md:grid-cols-2">
          @if (canPrice()) {
            <section aria-labelledby="override-h" class="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="override-h" class="mb-2 font-semibold">Override the selling price</h2>
              <form (submit)="askOverride($event)" class="space-y-3">
                <div>
                  <label for="override-market" class="block text-sm font-medium">Market</label>
                  <select id="override-market" name="market" class="mt-1 w-full rounded border border-slate-300 px-2 py-2">
                    @for (m of p.perMarket; track m.market) {
                      <option [attr.value]="m.market">{{ m.market }}</option>
                    }
                  </select>
                </div>
                <div>
                  <label for="override-price" class="block text-sm font-medium">Price in EUR, VAT included</label>
                  <input
                    id="override-price"
                    name="price"
                    inputmode="decimal"
                    required
                    class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
                  />
                </div>
                <div>
                  <label for="override-expires" class="block text-sm font-medium">Expires (your local time)</label>
                  <input
                    id="override-expires"
                    name="expiresAt"
                    type="datetime-local"
                    required
                    class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
                  />
                </div>
                <div>
                  <label for="override-reason" class="block text-sm font-medium">Reason for the override</label>
                  <input id="override-reason" name="reason" required class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
                </div>
                <div class="flex items-start gap-2">
                  <input id="override-below-floor" name="acceptBelowFloor" type="checkbox" class="mt-1" />
                  <label for="override-below-floor" class="text-sm"
                    >Accept a margin under the floor (the override is refused without it when the price leaves less than the floor)</label
                  >
                </div>
                <button type="submit" appNeedsScripts class="rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white">
                  Review override
                </button>
              </form>
              <app-confirm-panel [actions]="confirmation" origin="override" />
            </section>
          }
          <section aria-labelledby="stop-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="stop-h" class="mb-2 font-semibold">{{ p.salesStop ? 'Resume selling' : 'Stop selling' }}</h2>
            @if (!p.salesStop) {
              <form (submit)="askStop($event)" class="space-y-3">
                <label for="stop-reason" class="block text-sm font-medium">Reason for stopping</label>
                <input id="stop-reason" name="reason" required class="w-full rounded border border-slate-300 px-3 py-2" />
                <button type="submit" appNeedsScripts class="rounded bg-red-700 px-4 py-2 text-sm font-medium text-white">
                  Review stop
                </button>
              </form>
            } @else if (canPrice()) {
              <button type="button" class="rounded bg-emerald-700 px-4 py-2 text-sm font-medium text-white" (click)="askResume()">
                Review resume
              </button>
            } @else {
              <p class="text-sm text-slate-600">A supervisor may resume selling.</p>
            }
            <app-confirm-panel [actions]="confirmation" origin="sales" />
          </section>
        </div>

        @if (p.merged.length > 0) {
          <section aria-labelledby="merged-h" class="mt-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="merged-products">
            <h2 id="merged-h" class="mb-2 font-semibold">Merged into this product</h2>
            <ul class="space-y-2 text-sm">
              @for (g of p.merged; track g.goneId) {
                <li data-testid="merged-product">
                  "{{ g.goneTitle }}" ({{ g.goneMarkets.join(', ') }}), merged by <span [attr.title]="g.by.email">{{ g.by.name }}</span> on
                  {{ g.at | agentTime }}
                  @if (canPrice()) {
                    <button type="button" class="ml-2 rounded border border-red-300 px-2 py-1 text-red-700" (click)="askSplit(g)">
                      Review split
                    </button>
                  }
                </li>
              }
            </ul>
            <app-confirm-panel [actions]="confirmation" origin="merged" />
          </section>
        }
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeProductPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  private readonly latest = latestData(this.loaded);
  protected readonly product = this.latest.current;
  private readonly zone = inject(AgentTimeZone).zone;
  protected readonly charts = computed(() =>
    (this.product()?.perMarket ?? []).map((m) => priceChart(m.history, `Source offer price in ${m.market}`, this.zone)),
  );
  /** Overrides and resuming are a supervisor's (the role table says so; this only hides the forms). */
  protected readonly canPrice = computed(() => {
    const page = this.loaded();
    return page.status !== 'signed-out' && page.agent.role !== 'agent';
  });
  protected readonly refreshing = signal(false);
  protected readonly refreshResult = signal<{ kind: string; text: string } | null>(null);
  protected readonly confirmation = new ConfirmedActions<ProductAdminView>(
    () => agentApi(this.loaded()),
    (product) => this.latest.replace(product),
  );
  protected readonly euros = formatEuroCents;
  /** How the page names where a refresh asked the price. */
  protected readonly QUOTE_SOURCE_WORDS: Readonly<Record<QuoteSource, string>> = {
    'offer-api': 'the offer API',
    page: 'the product page',
    'sp-api': "Amazon's Selling Partner API",
    'ebay-browse': "eBay's Browse API",
  };
  protected readonly shopPath = productPath;
  protected readonly auditOf = auditHref;

  protected async refreshNow(): Promise<void> {
    const api = agentApi(this.loaded());
    const product = this.product();
    if (!api || !product) return;
    this.refreshing.set(true);
    this.refreshResult.set(null);
    try {
      const result = await api.products.refreshNow.mutate({ productId: product.id });
      this.latest.replace(result.product);
      const offers = result.product.perMarket
        .flatMap((m) => (m.offer ? [`${m.market} ${formatEuroCents(m.offer.priceCents)}`] : []))
        .join(', ');
      let text: string;
      if (result.kind === 'no-answer') text = result.message;
      else if (result.kind === 'fresh')
        text = `Refreshed: source offers now ${offers}${result.callMs === null ? '' : ` (marketplace answered in ${Math.round(result.callMs)} ms)`}.`;
      else text = `Could not refresh (${result.failure?.kind ?? 'unknown'}): ${result.failure?.detail ?? ''}. Last known: ${offers}.`;
      this.refreshResult.set({ kind: result.kind, text });
    } catch (error) {
      this.refreshResult.set({ kind: 'error', text: errorMessage(error) });
    } finally {
      this.refreshing.set(false);
    }
  }

  protected askOverride(event: Event): void {
    event.preventDefault();
    const product = this.product();
    if (!product) return;
    const form = new FormData(event.target as HTMLFormElement);
    const market = String(form.get('market') ?? '') as 'it' | 'fr' | 'de' | 'es';
    const priceCents = parseEuroCents(String(form.get('price') ?? ''));
    const expiresLocal = String(form.get('expiresAt') ?? '');
    const reason = String(form.get('reason') ?? '').trim();
    const acceptBelowFloor = form.get('acceptBelowFloor') !== null;
    if (priceCents === null) return this.confirmation.refuse('override', 'Price: enter euros and cents, such as 19.90.');
    const expires = new Date(expiresLocal);
    if (!expiresLocal || Number.isNaN(expires.getTime())) return this.confirmation.refuse('override', 'Expires: pick a date and time.');
    if (reason.length < 3) return this.confirmation.refuse('override', 'Reason: say why, in a few words.');
    this.confirmation.ask({
      origin: 'override',
      description: `Sell "${product.title}" in ${market} at ${formatEuroCents(priceCents)} until ${expires.toLocaleString()}, because: ${reason}${acceptBelowFloor ? ', even with a margin under the floor' : ''}`,
      done: 'Override saved.',
      form: event.target as HTMLFormElement,
      run: (api) =>
        api.products.setOverride.mutate({
          productId: product.id,
          market,
          priceCents,
          expiresAt: expires.toISOString(),
          reason,
          acceptBelowFloor,
        }),
    });
  }

  protected askClearOverride(market: 'it' | 'fr' | 'de' | 'es'): void {
    const product = this.product();
    if (!product) return;
    this.confirmation.ask({
      origin: `market-${market}`,
      description: `Remove the price override in ${market}: the computed price applies again.`,
      done: 'Override removed.',
      run: (api) => api.products.clearOverride.mutate({ productId: product.id, market }),
    });
  }

  protected askStop(event: Event): void {
    event.preventDefault();
    const product = this.product();
    if (!product) return;
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (reason.length < 3) return this.confirmation.refuse('sales', 'Reason: say why, in a few words.');
    this.confirmation.ask({
      origin: 'sales',
      description: `Stop selling "${product.title}" in every market, because: ${reason}`,
      done: 'Selling stopped.',
      form: event.target as HTMLFormElement,
      run: (api) => api.products.stopSelling.mutate({ productId: product.id, reason }),
    });
  }

  protected askSplit(merged: MergeView): void {
    const product = this.product();
    if (!product) return;
    this.confirmation.ask({
      origin: 'merged',
      description: `Split "${merged.goneTitle}" (${merged.goneMarkets.join(', ')}) off "${product.title}": it becomes a product of its own again, with its offers, price history and orders.`,
      done: 'Split: both products stand alone again.',
      run: async (api) => {
        await api.matches.split.mutate({ productId: merged.goneId });
        return api.products.detail.query({ productId: product.id });
      },
    });
  }

  protected askResume(): void {
    const product = this.product();
    if (!product) return;
    this.confirmation.ask({
      origin: 'sales',
      description: `Resume selling "${product.title}" in every market.`,
      done: 'Selling resumed.',
      run: (api) => api.products.resumeSelling.mutate({ productId: product.id }),
    });
  }
}
