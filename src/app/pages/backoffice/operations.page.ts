// Operations, for supervisors and admins: per market the recent scrape runs with their counts and
// blocked rate, every queue's job counts, failed jobs (admins may retry one) and the refresher's
// marketplace-call latency over the last hour. Server-rendered; reload for newer figures.
import { AgentTimePipe } from '../../backoffice/agent-time';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { backofficeApi, errorMessage } from '../../backoffice/backoffice-api';
import { injectBackofficeLoad } from '../../backoffice/backoffice-load';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { JOB_STATES, type FailedJobView } from '../../../server/operations/browser';
import type { load } from './operations.server';

export const routeMeta: RouteMeta = { title: 'Operations · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, AgentTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Operations">
      @if (page.status === 'ok') {
        @let ops = page.data;
        <p class="mb-6 text-sm text-slate-500">Read {{ ops.readAt | agentTime: 'seconds' }}</p>

        <section aria-labelledby="latency-h" class="mb-8">
          <h2 id="latency-h" class="mb-2 text-lg font-semibold">Refresher latency, last hour</h2>
          @if (ops.refreshLatency; as l) {
            <p class="text-sm" data-testid="refresh-latency">
              p50 {{ l.p50 }} ms · p90 {{ l.p90 }} ms · p99 {{ l.p99 }} ms over {{ l.count }} refreshes (marketplace calls, failures
              included)
            </p>
          } @else {
            <p class="text-sm text-slate-500" data-testid="refresh-latency">No refresh in the last hour.</p>
          }
        </section>

        <section aria-labelledby="sources-h" class="mb-8">
          <h2 id="sources-h" class="mb-2 text-lg font-semibold">Price sources, last hour</h2>
          <table class="w-full text-left text-sm" data-testid="quote-sources">
            <thead class="text-xs uppercase text-slate-500">
              <tr>
                <th class="py-2 pr-4">Source</th>
                <th class="pr-4 text-right">Calls</th>
                <th class="pr-4 text-right">Gave a price</th>
                <th class="pr-4 text-right">Waited for a rate limit or a slot</th>
                <th>Why the others did not (rate-limited: no slot within the budget)</th>
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-100">
              @for (s of ops.quoteSources; track s.source) {
                <tr data-testid="quote-source-row">
                  <td class="py-2 pr-4">{{ s.source }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.calls }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.ok }}</td>
                  <td class="pr-4 text-right tabular-nums" data-testid="quote-source-waits">
                    {{ s.waits.count }}{{ s.waits.meanMs === null ? '' : ', ' + s.waits.meanMs + ' ms on average' }}
                  </td>
                  <td>
                    @for (f of s.failures; track f.kind) {
                      <span class="mr-3">{{ f.kind }} {{ f.count }}</span>
                    } @empty {
                      none
                    }
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5" class="py-4 text-slate-500">No price was asked in the last hour.</td>
                </tr>
              }
            </tbody>
          </table>
        </section>

        <section aria-labelledby="signals-h" class="mb-8">
          <h2 id="signals-h" class="mb-2 text-lg font-semibold">Pushed prices, last hour</h2>
          <table class="w-full text-left text-sm" data-testid="signals">
            <thead class="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" class="py-2 pr-4">Source</th>
                <th scope="col" class="pr-4 text-right">Per minute</th>
                <th scope="col" class="pr-4 text-right">Applied</th>
                <th scope="col" class="pr-4 text-right">Same price</th>
                <th scope="col" class="pr-4 text-right">Older than ours</th>
                <th scope="col" class="pr-4 text-right">Duplicates</th>
                <th scope="col" class="pr-4 text-right">Unknown offer</th>
                <th scope="col" class="pr-4 text-right">Price asked</th>
                <th scope="col" class="pr-4 text-right">Rejected (signature, shape)</th>
                <th scope="col" class="text-right">Mean lag</th>
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-100">
              @for (s of ops.signals; track s.source) {
                <tr data-testid="signal-row" [attr.data-source]="s.source">
                  <td class="py-2 pr-4">{{ s.source === 'sp-api' ? 'Amazon (ANY_OFFER_CHANGED)' : 'eBay (item notifications)' }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.perMinute }}</td>
                  <td class="pr-4 text-right tabular-nums" data-testid="signal-applied">{{ s.fates.applied ?? 0 }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.fates.unchanged ?? 0 }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.fates.older ?? 0 }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.fates.duplicate ?? 0 }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.fates['unknown-product'] ?? 0 }}</td>
                  <td class="pr-4 text-right tabular-nums">{{ s.fates['pull-asked'] ?? 0 }}</td>
                  <td class="pr-4 text-right tabular-nums" data-testid="signal-rejected">
                    {{ s.fates['bad-signature'] ?? 0 }}, {{ s.fates.invalid ?? 0 }}
                  </td>
                  <td class="text-right tabular-nums">{{ s.meanLagMs === null ? '–' : s.meanLagMs + ' ms' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </section>

        <section aria-labelledby="queues-h" class="mb-8">
          <h2 id="queues-h" class="mb-2 text-lg font-semibold">Queues</h2>
          <table class="w-full text-left text-sm">
            <thead class="text-xs uppercase text-slate-500">
              <tr>
                <th class="py-1">Queue</th>
                @for (s of states; track s) {
                  <th class="text-right">{{ s }}</th>
                }
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-100">
              @for (q of ops.queues; track q.queue) {
                <tr data-testid="queue-row">
                  <td class="py-1 font-medium">{{ q.queue }}</td>
                  @for (s of states; track s) {
                    <td class="text-right tabular-nums">{{ q.counts[s] }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </section>

        <section aria-labelledby="failed-h" class="mb-8">
          <h2 id="failed-h" class="mb-2 text-lg font-semibold">Failed jobs</h2>
          <table class="w-full text-left text-sm">
            <thead class="text-xs uppercase text-slate-500">
              <tr>
                <th class="py-1">Queue</th>
                <th>Job</th>
                <th>Name</th>
                <th>Attempts</th>
                <th>Failed</th>
                <th>Reason</th>
                <th></th>
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-100">
              @for (j of ops.failedJobs; track j.queue + '/' + j.id) {
                <tr data-testid="failed-job">
                  <td class="py-1">{{ j.queue }}</td>
                  <td>{{ j.id }}</td>
                  <td>{{ j.name }}</td>
                  <td>{{ j.attemptsMade }}</td>
                  <td>{{ j.failedAt ? (j.failedAt | agentTime) : '–' }}</td>
                  <td class="max-w-md truncate">{{ j.failedReason }}</td>
                  <td>
                    @if (page.agent.role === 'admin') {
                      @if (retried().has(j.queue + '/' + j.id)) {
                        <span class="text-emerald-700">queued again</span>
                      } @else {
                        <button type="button" class="rounded border border-slate-300 px-2 py-1" (click)="retry(j)">Retry</button>
                      }
                    }
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="7" class="py-3 text-slate-500">No failed job.</td>
                </tr>
              }
            </tbody>
          </table>
          @if (error(); as e) {
            <p role="alert" class="mt-2 text-sm text-red-700" data-testid="action-error">{{ e }}</p>
          }
        </section>

        <section aria-labelledby="scrapes-h">
          <h2 id="scrapes-h" class="mb-2 text-lg font-semibold">Scrape runs</h2>
          @for (m of ops.scrapes; track m.market) {
            <h3 class="mt-4 font-semibold" [attr.data-testid]="'scrapes-' + m.market">
              {{ m.market }} · blocked {{ m.blockedPerMille === null ? '–' : m.blockedPerMille / 10 + ' %' }} over the runs below
            </h3>
            <table class="w-full text-left text-sm">
              <thead class="text-xs uppercase text-slate-500">
                <tr>
                  <th class="py-1">Started</th>
                  <th>Site</th>
                  <th>Kind</th>
                  <th>Status</th>
                  <th class="text-right">Pages</th>
                  <th class="text-right">Products</th>
                  <th class="text-right">New</th>
                  <th class="text-right">Updated</th>
                  <th class="text-right">Unchanged</th>
                  <th class="text-right">Blocked</th>
                  <th class="text-right">Failed</th>
                  <th class="text-right">Blocked %</th>
                </tr>
              </thead>
              <tbody class="divide-y divide-slate-100">
                @for (r of m.runs; track r.id) {
                  <tr data-testid="scrape-run">
                    <td class="py-1">{{ r.startedAt | agentTime }}</td>
                    <td>{{ r.site }}</td>
                    <td>{{ r.kind }}</td>
                    <td>{{ r.status }}{{ r.error ? ': ' + r.error : '' }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.pages }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.products }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.inserted }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.updated }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.unchanged }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.blocked }}</td>
                    <td class="text-right tabular-nums">{{ r.counts.failed }}</td>
                    <td class="text-right tabular-nums">{{ r.blockedPerMille === null ? '–' : r.blockedPerMille / 10 }}</td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="12" class="py-2 text-slate-500">No scrape run yet.</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        </section>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeOperationsPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  protected readonly states = JOB_STATES;
  protected readonly retried = signal<ReadonlySet<string>>(new Set());
  protected readonly error = signal<string | null>(null);

  protected async retry(job: FailedJobView): Promise<void> {
    const page = this.loaded();
    if (page.status === 'signed-out') return;
    try {
      await backofficeApi(page.agent.csrfToken).operations.retryJob.mutate({ queue: job.queue, jobId: job.id });
      this.retried.update((done) => new Set([...done, `${job.queue}/${job.id}`]));
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
