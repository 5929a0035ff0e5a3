// An order's status as a badge: its words, coloured by family (ORDER_STATUS_WORDS), with the
// stored code on hover and in `data-status` for whoever needs the code itself.
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { OrderStatus } from '../../server/orders';
import { ORDER_STATUS_WORDS, type StatusFamily } from './order-status-words';

const FAMILY_CLASSES: Readonly<Record<StatusFamily, string>> = {
  waiting: 'bg-amber-100 text-amber-900 ring-amber-300',
  'in-progress': 'bg-sky-100 text-sky-900 ring-sky-300',
  done: 'bg-emerald-100 text-emerald-900 ring-emerald-300',
  problem: 'bg-red-100 text-red-900 ring-red-300',
};

@Component({
  selector: 'app-order-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span [class]="classes()" [attr.data-status]="status()" [attr.data-family]="entry().family" [attr.title]="status()">{{
    entry().words
  }}</span>`,
})
export class OrderStatusBadge {
  readonly status = input.required<OrderStatus>();
  protected readonly entry = computed(() => ORDER_STATUS_WORDS[this.status()]);
  protected readonly classes = computed(
    () => `inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${FAMILY_CLASSES[this.entry().family]}`,
  );
}
