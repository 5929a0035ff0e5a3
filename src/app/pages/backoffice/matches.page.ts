// Matches to review: pairs of products found in different markets that no identifier joined
// but whose brand, category and titles (read in one language) say may be one item. The agent
// merges a pair or rejects it; a merge shows below, where a supervisor can split it again.
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import type { BackofficeApi } from '../../backoffice/backoffice-api';
import { agentApi, injectBackofficeLoad, latestData } from '../../backoffice/backoffice-load';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { ConfirmedActions, ConfirmPanel } from '../../backoffice/confirm-action';
import { formatEuroCents } from '../../backoffice/euro-amount';
import { AgentTimePipe } from '../../backoffice/agent-time';
import type { MergeView } from '../../../server/matching';
import type { load, MatchesPageData, ShownMatch } from './matches.server';

export const routeMeta: RouteMeta = { title: 'Matches to review · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, ConfirmPanel, AgentTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Matches to review">
      @if (data(); as d) {
        <p class="mb-4 text-sm text-slate-600">
          Products found in different markets that no GTIN, ASIN or part number joined, but whose brand, category and titles (read in one
          language) are alike. Merge a pair when both pages sell the same item; its offers, price history and orders then belong to one
          product.
        </p>
        <app-confirm-panel [actions]="confirmation" />
        <section aria-labelledby="pending-h" class="mb-10 mt-4">
          <h2 id="pending-h" class="mb-3 text-lg font-semibold">Waiting for a decision ({{ d.pending.length }})</h2>
          @for (m of d.pending; track m.id) {
            <article class="mb-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="match-row">
              <div class="mb-3 flex items-baseline justify-between">
                <p class="font-medium">Alike: {{ percent(m.score) }}</p>
                <p class="text-xs text-slate-500">found {{ m.foundAt | agentTime }}</p>
              </div>
              <div class="grid grid-cols-2 gap-4">
                @for (p of m.products; track p.id) {
                  <div class="flex gap-3">
                    @if (p.imagePath) {
                      <img [src]="p.imagePath" alt="" width="96" height="96" class="h-24 w-24 rounded object-contain" />
                    }
                    <div class="text-sm">
                      <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/products/' + p.id">{{ p.title }}</a>
                      <p>Brand: {{ p.brand ?? '–' }}</p>
                      <p>Found in: {{ p.markets.join(', ') }}</p>
                      <p class="tabular-nums">Source price: {{ p.priceCents === null ? '–' : euros(p.priceCents) }}</p>
                    </div>
                  </div>
                }
              </div>
              <ul class="my-3 list-disc pl-5 text-xs text-slate-600">
                @for (r of m.reasons; track r) {
                  <li>{{ r }}</li>
                }
              </ul>
              <button
                type="button"
                class="mr-2 rounded bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
                (click)="askDecision(m, 'merge')"
              >
                Same item: review merge
              </button>
              <button type="button" class="rounded border border-slate-300 px-4 py-2 text-sm" (click)="askDecision(m, 'reject')">
                Different items: review rejection
              </button>
            </article>
          } @empty {
            <p class="text-sm text-slate-500" data-testid="no-matches">
              No pair waits. Pairs appear as the translator reads products in other markets' languages.
            </p>
          }
        </section>
        <section aria-labelledby="merges-h">
          <h2 id="merges-h" class="mb-3 text-lg font-semibold">Merges</h2>
          <table class="w-full text-left text-sm">
            <thead class="text-xs uppercase text-slate-500">
              <tr>
                <th class="py-2">Merged away</th>
                <th>Its markets</th>
                <th>Now part of</th>
                <th>By</th>
                <th>When</th>
                <th>State</th>
                <th><span class="sr-only">Action</span></th>
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-100">
              @for (g of d.merges; track g.goneId) {
                <tr data-testid="merge-row" [attr.data-gone]="g.goneId" [attr.data-into]="g.intoId">
                  <td class="py-2 pr-3">{{ g.goneTitle }}</td>
                  <td class="pr-3">{{ g.goneMarkets.join(', ') }}</td>
                  <td class="pr-3">
                    <a
                      class="text-indigo-700 hover:underline"
                      [href]="'/backoffice/products/' + (g.state === 'split' ? g.goneId : g.intoId)"
                    >
                      {{ g.state === 'split' ? 'itself again' : (g.intoTitle ?? g.intoId) }}
                    </a>
                  </td>
                  <td class="pr-3">
                    <span [attr.title]="g.by.email">{{ g.by.name }}</span>
                  </td>
                  <td class="pr-3 tabular-nums">{{ g.at | agentTime }}</td>
                  <td class="pr-3">{{ g.state }}</td>
                  <td>
                    @if (g.state === 'merged' && canSplit()) {
                      <button type="button" class="rounded border border-red-300 px-3 py-1 text-red-700" (click)="askSplit(g)">
                        Review split
                      </button>
                    }
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="7" class="py-6 text-center text-slate-500">No product has been merged yet.</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeMatchesPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  private readonly latest = latestData(this.loaded);
  protected readonly data = this.latest.current;
  /** Splitting moves orders' lines back: a supervisor's call (the role table says so; this only hides the button). */
  protected readonly canSplit = computed(() => {
    const page = this.loaded();
    return page.status !== 'signed-out' && page.agent.role !== 'agent';
  });
  protected readonly confirmation = new ConfirmedActions<MatchesPageData>(
    () => agentApi(this.loaded()),
    (data) => this.latest.replace(data),
  );
  protected readonly euros = formatEuroCents;

  /** The page after a decision: the decided pair gone (the others keep the photos the server load gave them), the merges read again. */
  private async after(api: BackofficeApi, decided: string | null): Promise<MatchesPageData> {
    const { merges } = await api.matches.list.query();
    return { pending: (this.data()?.pending ?? []).filter((m) => m.id !== decided), merges };
  }

  protected percent(score: number): string {
    return `${Math.round(score * 100)} %`;
  }

  private titles(m: ShownMatch): string {
    return m.products.map((p) => `"${p.title}" (${p.markets.join(', ')})`).join(' and ');
  }

  protected askDecision(m: ShownMatch, decision: 'merge' | 'reject'): void {
    const merge = decision === 'merge';
    this.confirmation.ask({
      description: merge
        ? `Merge ${this.titles(m)} into one product: offers, price history and orders move to it.`
        : `${this.titles(m)} are different items: the pair will not be proposed again.`,
      done: merge ? 'Merged: the two pages are one product now.' : 'Rejected: the pair stays two products.',
      run: async (api) => {
        await api.matches[decision].mutate({ candidateId: m.id });
        return this.after(api, m.id);
      },
    });
  }

  protected askSplit(g: MergeView): void {
    this.confirmation.ask({
      description: `Split "${g.goneTitle}" (${g.goneMarkets.join(', ')}) from "${g.intoTitle ?? g.intoId}": it becomes a product of its own again, with its offers, price history and orders.`,
      done: 'Split: both products stand alone again.',
      run: async (api) => {
        await api.matches.split.mutate({ productId: g.goneId });
        return this.after(api, null);
      },
    });
  }
}
