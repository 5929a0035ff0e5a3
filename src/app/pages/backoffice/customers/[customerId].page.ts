// One customer: contact details, their orders (newest first) and agents' internal notes, with a
// form to add one; the answer is the customer as stored, so the note shows at once.
import { AgentTimePipe } from '../../../backoffice/agent-time';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { errorMessage } from '../../../backoffice/backoffice-api';
import { agentApi, injectBackofficeLoad, latestData } from '../../../backoffice/backoffice-load';
import { BackofficePage } from '../../../backoffice/backoffice-page';
import { NeedsScripts } from '../../../backoffice/needs-scripts';
import type { load } from './[customerId].server';
import { OrderStatusBadge } from '../../../backoffice/order-status';
import { auditHref } from '../../../backoffice/audit-words';

export const routeMeta: RouteMeta = { title: 'Customer · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, NeedsScripts, AgentTimePipe, OrderStatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-backoffice-page [page]="loaded()" heading="Customer" ownHeading>
      @if (customer(); as c) {
        <h1 class="mb-1 text-2xl font-semibold" data-testid="customer-name">{{ c.name }}</h1>
        <p class="mb-6 text-sm text-slate-600">
          {{ c.email }} · <span [attr.title]="c.phoneE164 ? 'E.164: ' + c.phoneE164 : null">{{ c.phone ?? 'no phone' }}</span> ·
          {{ c.market }} · customer since {{ c.createdAt | agentTime: 'day' }} ·
          <a class="text-indigo-700 underline" data-testid="audit-link" [href]="auditOf({ customerEmail: c.email })"
            >Audit log of this customer and their orders</a
          >
        </p>

        <section aria-labelledby="orders-h" class="mb-8">
          <h2 id="orders-h" class="mb-2 font-semibold">Orders</h2>
          <table class="w-full text-left text-sm">
            <thead class="text-xs uppercase text-slate-500">
              <tr>
                <th class="py-1">Number</th>
                <th>Market</th>
                <th>Status</th>
                <th class="text-right">Total</th>
                <th class="pl-6">Placed</th>
              </tr>
            </thead>
            <tbody class="divide-y divide-slate-100">
              @for (o of c.orders; track o.id) {
                <tr data-testid="customer-order">
                  <td class="py-1">
                    <a class="font-medium text-indigo-700 hover:underline" [href]="'/backoffice/orders/' + o.id">{{ o.number }}</a>
                  </td>
                  <td>{{ o.market }}</td>
                  <td><app-order-status [status]="o.status" /></td>
                  <td class="text-right tabular-nums">{{ o.total }}</td>
                  <td class="pl-6">{{ o.createdAt | agentTime }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="5" class="py-4 text-slate-500">No orders.</td>
                </tr>
              }
            </tbody>
          </table>
        </section>

        <section aria-labelledby="notes-h" class="grid gap-6 md:grid-cols-2">
          <div>
            <h2 id="notes-h" class="mb-2 font-semibold">Internal notes</h2>
            <ol class="space-y-2">
              @for (n of c.notes; track $index) {
                <li class="text-sm" data-testid="customer-note">
                  <span class="text-slate-500"
                    >{{ n.at | agentTime }} · <span [attr.title]="n.agent.email">{{ n.agent.name }}</span></span
                  ><br />{{ n.text }}
                </li>
              } @empty {
                <li class="text-sm text-slate-500">No notes yet.</li>
              }
            </ol>
          </div>
          <form (submit)="addNote($event)" class="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <label for="customer-note-text" class="block text-sm font-medium">New note (agents only)</label>
            <textarea
              id="customer-note-text"
              name="text"
              required
              rows="3"
              class="w-full rounded border border-slate-300 px-3 py-2"
            ></textarea>
            <button type="submit" appNeedsScripts class="rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white" [busy]="busy()">
              Add note
            </button>
            @if (error(); as e) {
              <p role="alert" class="text-sm text-red-700" data-testid="action-error">{{ e }}</p>
            }
          </form>
        </section>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeCustomerPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  private readonly latest = latestData(this.loaded);
  protected readonly customer = this.latest.current;
  protected readonly auditOf = auditHref;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async addNote(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('text') ?? '').trim();
    const api = agentApi(this.loaded());
    const customer = this.customer();
    if (!api || !customer) return;
    if (!text) return this.error.set('Note: write something first.');
    this.busy.set(true);
    try {
      this.latest.replace(await api.customers.addNote.mutate({ customerId: customer.id, text }));
      this.error.set(null);
      form.reset();
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
