// The audit log in words: what each recorded action and field is called, how a recorded value
// reads, and the links to one record's entries. Pure, no Angular: the page and the browser tests share it. An action or field
// not named here reads as its code split into words, so a new one is never hidden.
import type { AuditChange, AuditValue } from '../../server/backoffice';
import type { OrderStatus } from '../../server/orders';
import { formatEuroCents } from './euro-amount';
import { ORDER_STATUS_WORDS } from './order-status-words';

export const AUDIT_ACTION_WORDS: Readonly<Record<string, string>> = {
  'order.marked_paid': 'Order marked paid',
  'order.cancelled': 'Order cancelled',
  'order.refunded_partial': 'Part of the order refunded',
  'order.refunded_full': 'Order refunded in full',
  'order.purchase_retried': 'Supplier purchase retried',
  'order.confirmation_resent': 'Order confirmation sent again',
  'order.address_changed': 'Shipping address changed',
  'order.note_added': 'Note added to the order',
  'customer.note_added': 'Note added to the customer',
  'product.price_overridden': 'Price overridden',
  'product.override_removed': 'Price override removed',
  'product.sales_stopped': 'Selling stopped',
  'product.sales_resumed': 'Selling resumed',
  'product.merged': 'Products merged',
  'product.split': 'Merged products split again',
  'product.match_rejected': 'Match rejected',
  'agent.created': 'Agent created',
  'agent.role_changed': 'Agent role changed',
  'agent.disabled': 'Agent disabled',
  'agent.enabled': 'Agent enabled again',
  'agent.password_reset': 'Agent password reset',
  'agent.sessions_revoked': 'Agent signed out everywhere',
  'job.retried': 'Failed job retried',
};

const FIELD_WORDS: Readonly<Record<string, string>> = {
  status: 'Status',
  refundedCents: 'Refunded',
  refunds: 'Refunds',
  shippingAddress: 'Shipping address',
  line1: 'Street',
  line2: 'More',
  postalCode: 'Postal code',
  phoneAsTyped: 'Phone as typed',
  outboxEntryId: 'Message queued',
  notes: 'Notes',
  note: 'Note',
  priceOverride: 'Price override',
  expiresAt: 'Until',
  agentId: 'Agent',
  at: 'Since',
  salesStop: 'Selling stopped',
  offersFrom: 'Offers from',
  openSessions: 'Open sessions',
  sessionsRevoked: 'Sessions signed out',
  failedReason: 'Why it failed',
  attemptsMade: 'Attempts',
};

const MARKET_SEGMENT = /^(it|fr|de|es)$/;

/** `camelCase_or_snake` → `Camel case or snake`. */
export function codeInWords(code: string): string {
  const words = code
    .replace(/Cents$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function actionInWords(action: string): string {
  return AUDIT_ACTION_WORDS[action] ?? codeInWords(action);
}

/** `['priceOverride', 'fr', 'price']` → `Price override › FR › Price`. */
export function fieldInWords(path: readonly string[]): string {
  return path
    .map((segment) => (MARKET_SEGMENT.test(segment) ? segment.toUpperCase() : (FIELD_WORDS[segment] ?? codeInWords(segment))))
    .join(' › ');
}

/** A value's words; `time` is given the page's way of showing a time (in the agent's zone). */
export function valueInWords(value: AuditValue, time: (iso: string) => string): string {
  switch (value.kind) {
    case 'none':
      return '—';
    case 'money':
      return formatEuroCents(value.cents);
    case 'time':
      return time(value.iso);
    case 'status':
      return ORDER_STATUS_WORDS[value.code as OrderStatus]?.words ?? codeInWords(value.code);
    case 'text':
      return value.text;
  }
}

export interface ChangeInWords {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export function changesInWords(changes: readonly AuditChange[], time: (iso: string) => string): ChangeInWords[] {
  return changes.map((c) => ({ field: fieldInWords(c.path), before: valueInWords(c.before, time), after: valueInWords(c.after, time) }));
}

/** The audit log filtered to one record's entries: the link each order, customer and product page shows. */
export function auditHref(filter: { orderNumber: string } | { customerEmail: string } | { productId: string }): string {
  return `/backoffice/audit?${new URLSearchParams(filter).toString()}`;
}
