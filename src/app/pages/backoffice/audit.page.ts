// The audit log: every mutation with who, when, what and why, each change field by field in
// words, filtered by a GET form by the references an agent has in hand (an order number, a
// shopper's e-mail, a product) and linked from the order, customer and product pages.
// Read-only by design: nothing in the application edits or deletes an entry.
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { AgentTimePipe, AgentTimeZone } from '../../backoffice/agent-time';
import { actionInWords, AUDIT_ACTION_WORDS, changesInWords } from '../../backoffice/audit-words';
import { injectBackofficeLoad } from '../../backoffice/backoffice-load';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { FilterDates, FilterSelect, FilterText } from '../../backoffice/filter-fields';
import { agentTime } from '../../../common/time';
import type { AuditView } from '../../../server/backoffice';
import type { load } from './audit.server';

export const routeMeta: RouteMeta = { title: 'Audit log · Back office · DigitalSales' };

const ENTITY_WORDS: Readonly<Record<AuditView['entity']['kind'], string>> = {
  order: 'Order',
  customer: 'Customer',
  product: 'Product',
  agent: 'Agent',
  job: 'Job',
};

/** Where each kind of record is seen; agents and jobs have list pages, not pages of their own. */
function entityHref(entity: AuditView['entity']): string {
  switch (entity.kind) {
    case 'order':
      return `/backoffice/orders/${encodeURIComponent(entity.id)}`;
    case 'customer':
      return `/backoffice/customers/${encodeURIComponent(entity.id)}`;
    case 'product':
      return `/backoffice/products/${encodeURIComponent(entity.id)}`;
    case 'agent':
      return '/backoffice/agents';
    case 'job':
      return '/backoffice/operations';
  }
}

@Component({
  imports: [BackofficePage, FilterDates, FilterSelect, FilterText, AgentTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Audit log">
      @let f = page.status === 'ok' ? page.data.filters : {};
      @let kinds = page.status === 'ok' ? page.data.kinds : [];
      <form method="get" action="/backoffice/audit" class="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <app-filter-text name="orderNumber" label="Order number" [value]="f['orderNumber']" />
        <app-filter-text name="customerEmail" label="Customer e-mail" type="email" [value]="f['customerEmail']" />
        <app-filter-text name="productId" label="Product id" [value]="f['productId']" />
        <app-filter-text name="actorEmail" label="Agent e-mail" type="email" [value]="f['actorEmail']" />
        <app-filter-select name="action" label="Action" [options]="actions" [labels]="actionWords" [selected]="f['action']" />
        <app-filter-select name="entityKind" label="Kind of record" [options]="kinds" [labels]="entityWords" [selected]="f['entityKind']" />
        <app-filter-dates [from]="f['from']" [to]="f['to']" />
        <!-- A record the page was opened for (an agent's, a job's) stays chosen; a disabled field is not sent. -->
        <input type="hidden" name="entityId" [attr.value]="f['entityId'] ?? ''" [attr.disabled]="f['entityId'] ? null : ''" />
        <div class="flex items-end gap-4 md:col-span-4">
          <button type="submit" class="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">Filter</button>
          <a href="/backoffice/audit" class="text-sm text-indigo-700 hover:underline">Clear the filters</a>
        </div>
      </form>
      @if (page.status === 'ok') {
        <table class="w-full border-collapse text-left text-sm" data-testid="audit-table">
          <caption class="sr-only">
            Audit entries, newest first
          </caption>
          <thead class="border-b border-slate-300 text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" class="py-2 pr-4">When</th>
              <th scope="col" class="py-2 pr-4">Who</th>
              <th scope="col" class="py-2 pr-4">What</th>
              <th scope="col" class="py-2 pr-4">Changes</th>
              <th scope="col" class="py-2">Why</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-200">
            @for (e of rows(); track e.id) {
              <tr data-testid="audit-row" class="align-top" [attr.data-action]="e.action">
                <td class="whitespace-nowrap py-2 pr-4 tabular-nums">{{ e.at | agentTime: 'seconds' }}</td>
                <td class="py-2 pr-4" data-testid="audit-actor">
                  <span [attr.title]="e.actor.email">{{ e.actor.name }}</span>
                </td>
                <td class="py-2 pr-4">
                  <p class="font-medium" data-testid="audit-action" [attr.title]="e.action">{{ e.words }}</p>
                  <a class="text-indigo-700 hover:underline" data-testid="audit-entity" [href]="e.href"
                    >{{ e.kindWords }} {{ e.entity.label }}</a
                  >
                </td>
                <td class="py-2 pr-4">
                  @if (e.changes.length > 0) {
                    <dl class="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5" data-testid="audit-changes">
                      @for (c of e.changes; track $index) {
                        <dt class="text-slate-600">{{ c.field }}</dt>
                        <dd>
                          <span class="text-slate-500 line-through decoration-slate-400">{{ c.before }}</span>
                          →
                          <span class="font-medium">{{ c.after }}</span>
                        </dd>
                      }
                    </dl>
                  } @else {
                    <span class="text-slate-500">nothing recorded</span>
                  }
                </td>
                <td class="py-2">{{ e.reason ?? '' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="py-6 text-center text-slate-500">No entries match.</td>
              </tr>
            }
          </tbody>
        </table>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeAuditPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  private readonly zone = inject(AgentTimeZone).zone;
  protected readonly actions = Object.keys(AUDIT_ACTION_WORDS);
  protected readonly actionWords = AUDIT_ACTION_WORDS;
  protected readonly entityWords = ENTITY_WORDS;
  protected readonly rows = computed(() => {
    const page = this.loaded();
    if (page.status !== 'ok') return [];
    const time = (iso: string) => agentTime(iso, this.zone);
    return page.data.entries.map((e) => ({
      ...e,
      words: actionInWords(e.action),
      kindWords: ENTITY_WORDS[e.entity.kind],
      href: entityHref(e.entity),
      changes: changesInWords(e.changes, time),
    }));
  });
}
