// One order: lines, customer, address, purchases, margin and timeline, and the agent's actions
// (refund, internal note, mark paid, cancel, retry purchase, resend confirmation, shipping
// address). Each action is reviewed, then confirmed; its answer is the updated order, so the
// timeline shows the result at once. Titles are interpolated, never innerHTML.
import { AgentTimePipe } from '../../../backoffice/agent-time';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import type { BackofficeApi } from '../../../backoffice/backoffice-api';
import { agentApi, injectBackofficeLoad, latestData } from '../../../backoffice/backoffice-load';
import { BackofficePage } from '../../../backoffice/backoffice-page';
import { ConfirmedActions, ConfirmPanel } from '../../../backoffice/confirm-action';
import { NeedsScripts } from '../../../backoffice/needs-scripts';
import { parseEuroCents } from '../../../backoffice/euro-amount';
import type { OrderView } from '../../../../server/orders';
import type { load } from './[orderId].server';
import { OrderStatusBadge } from '../../../backoffice/order-status';
import { auditHref } from '../../../backoffice/audit-words';

export const routeMeta: RouteMeta = { title: 'Order · Back office · DigitalSales' };

/** The actions that take only a reason, with how the confirmation and the result read. */
const ORDER_ACTIONS = {
  markPaid: { label: 'Mark paid', ask: 'Mark order {n} as paid (its purchase follows)', done: 'Marked paid.' },
  cancel: { label: 'Cancel order', ask: 'Cancel order {n}', done: 'Order cancelled.' },
  retryPurchase: { label: 'Retry purchase', ask: 'Retry the supplier purchase of order {n}', done: 'Purchase retried.' },
  resendConfirmation: {
    label: 'Resend confirmation',
    ask: 'Send the order confirmation of {n} to the shopper again',
    done: 'Confirmation queued to be sent again.',
  },
} as const;
type OrderAction = keyof typeof ORDER_ACTIONS;
type AddressFields = {
  name: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: 'IT' | 'FR' | 'DE' | 'ES';
  phone: string;
};

type Pending =
  | { readonly kind: 'refund'; readonly amountCents: number; readonly reason: string }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'action'; readonly action: OrderAction; readonly reason: string }
  | { readonly kind: 'address'; readonly address: AddressFields; readonly reason: string };

@Component({
  imports: [BackofficePage, ConfirmPanel, NeedsScripts, AgentTimePipe, OrderStatusBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-backoffice-page [page]="loaded()" heading="Order" ownHeading>
      @if (order(); as o) {
        <h1 class="mb-1 text-2xl font-semibold">
          Order <span data-testid="order-number">{{ o.number }}</span>
        </h1>
        <p class="mb-6 text-sm text-slate-600">
          <app-order-status data-testid="order-status" [status]="o.status" /> · {{ o.market }} · placed {{ o.createdAt | agentTime }} ·
          {{ o.paymentMethod }} ·
          <a class="text-indigo-700 underline" data-testid="audit-link" [href]="auditOf({ orderNumber: o.number })"
            >Audit log of this order</a
          >
        </p>

        <div class="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="customer-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="customer-h" class="mb-2 font-semibold">Customer</h2>
            <p>{{ o.customer?.name ?? o.customerName }}</p>
            <p class="text-sm text-slate-600">
              {{ o.email }} ·
              <span [attr.title]="o.customer?.phoneE164 ? 'E.164: ' + o.customer?.phoneE164 : null">{{
                o.customer?.phone ?? 'no phone'
              }}</span>
            </p>
            <h3 class="mt-3 text-sm font-semibold">Shipping address</h3>
            <p class="text-sm">
              {{ o.shippingAddress.name }}, {{ o.shippingAddress.line1
              }}{{ o.shippingAddress.line2 ? ', ' + o.shippingAddress.line2 : '' }}, {{ o.shippingAddress.postalCode }}
              {{ o.shippingAddress.city }}, {{ o.shippingAddress.country }}
            </p>
          </section>
          <section aria-labelledby="money-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="money-h" class="mb-2 font-semibold">Money</h2>
            <dl class="grid grid-cols-2 gap-1 text-sm">
              <dt>Total</dt>
              <dd class="text-right tabular-nums">{{ o.total }}</dd>
              <dt>Refunded</dt>
              <dd class="text-right tabular-nums" data-testid="refunded">{{ o.refunded }}</dd>
              <dt>Refundable</dt>
              <dd class="text-right tabular-nums" data-testid="refundable">{{ o.refundable }}</dd>
              <dt>Margin of the lines</dt>
              <dd class="text-right tabular-nums">{{ o.margin.lineTotal ?? 'unknown' }}</dd>
              <dt>Refunds, net of VAT</dt>
              <dd class="text-right tabular-nums">−{{ o.margin.refundsNet }}</dd>
              <dt class="font-semibold">Margin{{ o.margin.estimated ? ' (estimated)' : '' }}</dt>
              <dd class="text-right font-semibold tabular-nums" data-testid="order-margin">
                {{ o.margin.total ?? 'unknown: a line has no cost yet' }}
              </dd>
            </dl>
          </section>
        </div>

        <section aria-labelledby="lines-h" class="mt-6">
          <h2 id="lines-h" class="mb-2 font-semibold">Lines</h2>
          <div class="overflow-x-auto">
            <table class="w-full text-left text-sm">
              <caption class="pb-2 text-left text-xs text-slate-600">
                Margin by the margin engine, as on the opportunities page: the line's price net of VAT, less the goods delivered and the
                marketplace and payment fees. Cost from the supplier's charge once known, else the purchase's price, else the offer the
                purchaser would buy now.
              </caption>
              <thead class="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" class="py-1 pr-3">Product</th>
                  <th scope="col" class="pr-3">Qty</th>
                  <th scope="col" class="pr-3 text-right">Unit</th>
                  <th scope="col" class="pr-3 text-right">Total</th>
                  <th scope="col" class="pr-3">Bought in</th>
                  <th scope="col" class="pr-3 text-right">VAT</th>
                  <th scope="col" class="pr-3 text-right">Cost delivered</th>
                  <th scope="col" class="pr-3 text-right">Fees</th>
                  <th scope="col" class="pr-3 text-right">Margin</th>
                  <th scope="col" class="text-right">%</th>
                </tr>
              </thead>
              <tbody>
                @for (line of o.lines; track line.lineId; let i = $index) {
                  @let m = o.margin.lines[i];
                  <tr data-testid="order-line">
                    <td class="py-1 pr-3" data-testid="line-title">
                      <a class="text-indigo-700 hover:underline" [href]="'/backoffice/products/' + line.productId">{{ line.title }}</a>
                    </td>
                    <td class="pr-3">{{ line.quantity }}</td>
                    <td class="pr-3 text-right tabular-nums">{{ line.unitPrice }}</td>
                    <td class="pr-3 text-right tabular-nums">{{ line.total }}</td>
                    <td class="pr-3">
                      {{ m?.buyMarket ?? '–' }} <span class="text-xs text-slate-500">{{ m ? costBasis[m.basis] : '' }}</span>
                    </td>
                    <td class="pr-3 text-right tabular-nums">{{ m?.vat ?? '–' }}</td>
                    <td class="pr-3 text-right tabular-nums">{{ m?.cost ?? '–' }}</td>
                    <td class="pr-3 text-right tabular-nums">{{ m?.fees ?? '–' }}</td>
                    <td class="pr-3 text-right font-medium tabular-nums" data-testid="line-margin">{{ m?.margin ?? 'unknown' }}</td>
                    <td class="whitespace-nowrap text-right tabular-nums" [class.text-red-700]="m?.meetsFloor === false">
                      {{ m?.marginPercent ?? '' }}{{ m?.meetsFloor === false ? ' (below floor)' : '' }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="purchases-h" class="mt-6">
          <h2 id="purchases-h" class="mb-2 font-semibold">Supplier purchases</h2>
          @for (p of o.purchases; track p.lineId) {
            <p class="text-sm">
              Line {{ p.lineId }} · {{ p.market }} · {{ p.status }} · order {{ p.supplierOrderId ?? '–' }} · cost {{ p.cost ?? '–' }} ·
              tracking {{ p.trackingNumber ?? '–' }}
            </p>
          } @empty {
            <p class="text-sm text-slate-500">No purchase yet.</p>
          }
        </section>

        <div class="mt-6 grid gap-6 md:grid-cols-2">
          <section aria-labelledby="refund-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="refund-h" class="mb-2 font-semibold">Refund</h2>
            <form (submit)="reviewRefund($event)" class="space-y-3">
              <div>
                <label for="refund-amount" class="block text-sm font-medium">Amount in EUR (up to {{ o.refundable }})</label>
                <input
                  id="refund-amount"
                  name="amount"
                  inputmode="decimal"
                  required
                  class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
                />
              </div>
              <div>
                <label for="refund-reason" class="block text-sm font-medium">Reason</label>
                <input id="refund-reason" name="reason" required class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
              </div>
              <button type="submit" appNeedsScripts class="rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white">
                Review refund
              </button>
            </form>
            <app-confirm-panel [actions]="confirmation" origin="refund" />
          </section>
          <section aria-labelledby="note-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="note-h" class="mb-2 font-semibold">Internal note</h2>
            <form (submit)="reviewNote($event)" class="space-y-3">
              <label for="note-text" class="block text-sm font-medium">Note (agents only)</label>
              <textarea id="note-text" name="text" required rows="3" class="w-full rounded border border-slate-300 px-3 py-2"></textarea>
              <button type="submit" appNeedsScripts class="rounded bg-slate-800 px-4 py-2 text-sm font-medium text-white">
                Review note
              </button>
            </form>
            <app-confirm-panel [actions]="confirmation" origin="note" />
          </section>
        </div>

        <div class="mt-6 grid gap-6 md:grid-cols-2">
          <section aria-labelledby="actions-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="actions-h" class="mb-2 font-semibold">Order actions</h2>
            <form (submit)="reviewAction($event)" class="space-y-3">
              <div>
                <label for="action-reason" class="block text-sm font-medium">Why (shown in the timeline)</label>
                <input id="action-reason" name="reason" required class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
              </div>
              <div class="flex flex-wrap gap-2">
                @for (a of actions; track a.key) {
                  <button
                    type="submit"
                    appNeedsScripts
                    name="action"
                    [attr.value]="a.key"
                    class="rounded bg-slate-800 px-3 py-2 text-sm font-medium text-white"
                  >
                    {{ a.label }}
                  </button>
                }
              </div>
            </form>
            <app-confirm-panel [actions]="confirmation" origin="action" />
          </section>
          <section aria-labelledby="address-h" class="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="address-h" class="mb-2 font-semibold">Shipping address (before purchase)</h2>
            <form (submit)="reviewAddress($event)" class="grid grid-cols-2 gap-2 text-sm">
              <label for="addr-name" class="col-span-2"
                >Name
                <input
                  id="addr-name"
                  name="name"
                  required
                  [attr.value]="o.shippingAddress.name"
                  class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <label for="addr-line1" class="col-span-2"
                >Street
                <input
                  id="addr-line1"
                  name="line1"
                  required
                  [attr.value]="o.shippingAddress.line1"
                  class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <label for="addr-line2" class="col-span-2"
                >More (optional)
                <input
                  id="addr-line2"
                  name="line2"
                  [attr.value]="o.shippingAddress.line2 ?? ''"
                  class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <label for="addr-postal"
                >Postal code
                <input
                  id="addr-postal"
                  name="postalCode"
                  required
                  [attr.value]="o.shippingAddress.postalCode"
                  class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <label for="addr-city"
                >City
                <input
                  id="addr-city"
                  name="city"
                  required
                  [attr.value]="o.shippingAddress.city"
                  class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <label for="addr-phone"
                >Phone (optional)
                <input
                  id="addr-phone"
                  name="phone"
                  [attr.value]="o.shippingAddress.phoneAsTyped ?? o.shippingAddress.phone ?? ''"
                  class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <p class="self-end">Country: {{ o.shippingAddress.country }}</p>
              <label for="addr-reason" class="col-span-2"
                >Why the address changes
                <input id="addr-reason" name="reason" required class="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              /></label>
              <button type="submit" appNeedsScripts class="col-span-2 rounded bg-slate-800 px-4 py-2 font-medium text-white">
                Review address change
              </button>
            </form>
            <app-confirm-panel [actions]="confirmation" origin="address" />
          </section>
        </div>

        <section aria-labelledby="timeline-h" class="mt-8">
          <h2 id="timeline-h" class="mb-2 font-semibold">Timeline</h2>
          <ol class="space-y-2 border-l border-slate-200 pl-4">
            @for (t of o.timeline; track $index) {
              <li class="text-sm" data-testid="timeline-entry" [attr.data-kind]="t.kind">
                <span class="text-slate-500">{{ t.at | agentTime: 'seconds' }}</span>
                ·
                <span class="font-medium">
                  @if (t.kind === 'status') {
                    @if (t.from) {
                      <app-order-status [status]="t.from" />
                    } @else {
                      New
                    }
                    →
                    <app-order-status [status]="t.to" />
                  } @else {
                    {{ timelineKinds[t.kind] }}
                  }
                </span>
                · {{ t.reason }}
                <span class="text-slate-500"
                  >(<span [attr.title]="t.actor.email">{{ t.actor.name }}</span
                  >)</span
                >
              </li>
            }
          </ol>
        </section>
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeOrderPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  private readonly latest = latestData(this.loaded);
  protected readonly order = this.latest.current;
  protected readonly auditOf = auditHref;
  protected readonly paymentWords: Readonly<Record<OrderView['paymentMethod'], string>> = {
    bank_transfer: 'bank transfer',
    cash_on_delivery: 'cash on delivery',
  };
  protected readonly costBasis: Readonly<Record<OrderView['margin']['lines'][number]['basis'], string>> = {
    'supplier-charge': "supplier's charge",
    'purchase-price': 'purchase price',
    'current-offer': 'offer now (estimate)',
    unknown: 'no offer in stock',
  };
  protected readonly timelineKinds: Readonly<Record<OrderView['timeline'][number]['kind'], string>> = {
    status: 'Status',
    refund: 'Refund',
    note: 'Note',
    purchase: 'Supplier purchase',
    address: 'Shipping address',
    message: 'Message to the shopper',
  };
  protected readonly confirmation = new ConfirmedActions<OrderView>(
    () => agentApi(this.loaded()),
    (order) => this.latest.replace(order),
  );
  protected readonly actions = (Object.keys(ORDER_ACTIONS) as OrderAction[]).map((key) => ({ key, label: ORDER_ACTIONS[key].label }));

  protected reviewRefund(event: Event): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const amountCents = parseEuroCents(String(form.get('amount') ?? ''));
    const reason = String(form.get('reason') ?? '').trim();
    if (amountCents === null) return this.confirmation.refuse('refund', 'Amount: enter euros and cents, such as 12.50.');
    if (reason.length < 3) return this.confirmation.refuse('refund', 'Reason: say why, in a few words.');
    this.ask({ kind: 'refund', amountCents, reason }, event.target as HTMLFormElement);
  }

  protected reviewNote(event: Event): void {
    event.preventDefault();
    const text = String(new FormData(event.target as HTMLFormElement).get('text') ?? '').trim();
    if (!text) return this.confirmation.refuse('note', 'Note: write something first.');
    this.ask({ kind: 'note', text }, event.target as HTMLFormElement);
  }

  protected reviewAction(event: SubmitEvent): void {
    event.preventDefault();
    const action = (event.submitter as HTMLButtonElement | null)?.value as OrderAction | undefined;
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (!action || !(action in ORDER_ACTIONS)) return this.confirmation.refuse('action', 'Choose an action.');
    if (reason.length < 3) return this.confirmation.refuse('action', 'Reason: say why, in a few words.');
    this.ask({ kind: 'action', action, reason }, event.target as HTMLFormElement);
  }

  protected reviewAddress(event: Event): void {
    event.preventDefault();
    const order = this.order();
    const form = new FormData(event.target as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    if (!order) return;
    const reason = field('reason');
    if (reason.length < 3) return this.confirmation.refuse('address', 'Reason: say why, in a few words.');
    const address = {
      name: field('name'),
      line1: field('line1'),
      line2: field('line2'),
      postalCode: field('postalCode'),
      city: field('city'),
      country: order.shippingAddress.country,
      phone: field('phone'),
    };
    this.ask({ kind: 'address', address, reason });
  }

  private describe(p: Pending): string {
    const number = this.order()?.number ?? '';
    switch (p.kind) {
      case 'refund':
        return `Refund €${(p.amountCents / 100).toFixed(2)} on order ${number}, because: ${p.reason}`;
      case 'note':
        return `Add this note to order ${number}: ${p.text}`;
      case 'action':
        return `${ORDER_ACTIONS[p.action].ask.replace('{n}', number)}, because: ${p.reason}`;
      case 'address':
        return `Ship order ${number} to ${[p.address.name, p.address.line1, p.address.line2, `${p.address.postalCode} ${p.address.city}`, p.address.country].filter(Boolean).join(', ')}, because: ${p.reason}`;
    }
  }

  private send(p: Pending, orderId: string, api: BackofficeApi): Promise<OrderView> {
    switch (p.kind) {
      case 'refund':
        return api.orders.refund.mutate({ orderId, amountCents: p.amountCents, reason: p.reason });
      case 'note':
        return api.orders.addNote.mutate({ orderId, text: p.text });
      case 'action':
        return api.orders[p.action].mutate({ orderId, reason: p.reason });
      case 'address':
        return api.orders.editAddress.mutate({ orderId, reason: p.reason, address: p.address });
    }
  }

  private static readonly DONE: Readonly<Record<'refund' | 'note' | 'address', string>> = {
    refund: 'Refund recorded.',
    note: 'Note added.',
    address: 'Shipping address changed.',
  };

  /** `form`: emptied once the action succeeded; the address form is not, as it shows the address now. */
  private ask(p: Pending, form?: HTMLFormElement): void {
    const order = this.order();
    if (!order) return;
    const done = p.kind === 'action' ? ORDER_ACTIONS[p.action].done : BackofficeOrderPage.DONE[p.kind];
    this.confirmation.ask({ description: this.describe(p), done, run: (api) => this.send(p, order.id, api), form, origin: p.kind });
  }
}
