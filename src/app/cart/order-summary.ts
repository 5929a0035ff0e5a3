// An order as a shopper sees it (confirmation and status pages): number, lines, total, where
// it goes, the account to pay to while a bank transfer is awaited and, on the status page, its
// timeline, in the market's language and formats.
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ShopperOrderView } from '../../server/checkout';
import { groupedIban } from '../../server/orders/browser';
import type { CartTexts } from './cart-texts';
import { formatDateTime } from './cart-texts';
import { money, type ShopContext } from './shop-load';

@Component({
  selector: 'app-order-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let o = order();
    @let t = texts();
    <dl class="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
      <dt class="text-slate-500">{{ t.orderNumber }}</dt>
      <dd class="font-mono text-lg font-semibold" data-testid="order-number">{{ o.number }}</dd>
      <dt class="text-slate-500">{{ t.currentStatus }}</dt>
      <dd class="font-medium" data-testid="order-status" [attr.data-status]="o.status">{{ t.statuses[o.status] }}</dd>
      <dt class="text-slate-500">{{ t.shipTo }}</dt>
      <dd>{{ o.shipTo.name }}, {{ o.shipTo.postalCode }} {{ o.shipTo.city }}</dd>
    </dl>
    <p class="mt-1 text-sm text-slate-500">{{ t.placedOn(when(o.placedAt)) }}</p>
    <ul class="mt-4 divide-y divide-slate-100 border-y border-slate-200">
      @for (line of o.lines; track $index) {
        <li class="flex justify-between py-2" data-testid="order-line">
          <span>{{ line.quantity }} × {{ line.title }}</span
          ><span class="tabular-nums">{{ fmt(line.totalCents) }}</span>
        </li>
      }
    </ul>
    <p class="mt-3 flex justify-between text-lg font-semibold">
      <span>{{ t.total }}</span><span class="tabular-nums" data-testid="order-total">{{ fmt(o.totalCents) }}</span>
    </p>
    @if (o.payTo; as pay) {
      <section class="mt-6 rounded-lg border border-indigo-200 bg-indigo-50 p-4" aria-labelledby="pay-to-h" data-testid="bank-account">
        <h2 id="pay-to-h" class="mb-2 font-semibold">{{ t.payToTitle }}</h2>
        <dl class="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
          <dt class="text-slate-600">{{ t.payTo.beneficiary }}</dt>
          <dd data-testid="pay-beneficiary">{{ pay.beneficiary }}</dd>
          <dt class="text-slate-600">{{ t.payTo.iban }}</dt>
          <dd class="break-all font-mono" data-testid="pay-iban">{{ iban(pay.iban) }}</dd>
          <dt class="text-slate-600">{{ t.payTo.bic }}</dt>
          <dd class="font-mono" data-testid="pay-bic">{{ pay.bic }}</dd>
          <dt class="text-slate-600">{{ t.payTo.reference }}</dt>
          <dd class="font-mono font-semibold" data-testid="pay-reference">{{ pay.reference }}</dd>
          <dt class="text-slate-600">{{ t.payTo.amount }}</dt>
          <dd class="font-semibold tabular-nums" data-testid="pay-amount">{{ fmt(o.totalCents) }}</dd>
        </dl>
      </section>
    }
    @if (showTimeline()) {
      <h2 class="mt-8 text-lg font-semibold">{{ t.timeline }}</h2>
      <ol class="mt-2 space-y-2 border-l-2 border-indigo-200 pl-4" data-testid="order-timeline">
        @for (step of o.timeline; track $index) {
          <li data-testid="timeline-entry" [attr.data-status]="step.status" [attr.data-event]="step.event">
            <span class="font-medium">{{ step.event === 'partial_refund' ? t.partialRefund : t.statuses[step.status] }}</span>
            <time class="ml-2 text-sm text-slate-500" [attr.datetime]="step.at">{{ when(step.at) }}</time>
          </li>
        }
      </ol>
    }
  `,
})
export class OrderSummary {
  readonly order = input.required<ShopperOrderView>();
  readonly shop = input.required<ShopContext>();
  readonly texts = input.required<CartTexts>();
  readonly showTimeline = input(false);
  protected readonly iban = groupedIban;

  protected fmt(cents: number): string {
    return money(cents, this.shop());
  }

  protected when(iso: string): string {
    return formatDateTime(iso, this.shop().locale, this.shop().timeZone);
  }
}
