// Who may call what in the back office: the role table, declared once. The tRPC middleware
// (`backofficeProcedure` in src/server/trpc/trpc.ts) enforces it by procedure path, and the
// role-table test walks it as anonymous, agent, supervisor and admin. A back-office procedure
// missing from the table is refused to everyone.
import type { Role } from './backoffice.schema';

/** agent < supervisor < admin: each role may do what the roles before it may. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { agent: 1, supervisor: 2, admin: 3 };

export type MinimumRole = Role | 'public';

export const BACKOFFICE_ACCESS = {
  'backoffice.auth.login': 'public',
  'backoffice.auth.me': 'agent',
  'backoffice.auth.logout': 'agent',
  'backoffice.orders.search': 'agent',
  'backoffice.orders.detail': 'agent',
  // Agents may refund up to BACKOFFICE_REFUND_AGENT_LIMIT_CENTS of an order in total; the amount rule is the refund service's.
  'backoffice.orders.refund': 'agent',
  'backoffice.orders.addNote': 'agent',
  'backoffice.orders.markPaid': 'agent',
  'backoffice.orders.cancel': 'agent',
  'backoffice.orders.retryPurchase': 'agent',
  'backoffice.orders.editAddress': 'agent',
  'backoffice.orders.resendConfirmation': 'agent',
  'backoffice.opportunities.list': 'agent',
  'backoffice.audit.list': 'agent',
  'backoffice.agents.list': 'admin',
  'backoffice.agents.revokeSessions': 'admin',
  'backoffice.customers.search': 'agent',
  'backoffice.customers.detail': 'agent',
  'backoffice.customers.addNote': 'agent',
  'backoffice.products.search': 'agent',
  'backoffice.products.detail': 'agent',
  'backoffice.products.refreshNow': 'agent',
  // Anyone may pull a product off sale at once; putting it back, or setting a price that may sell
  // below cost, is a supervisor's call.
  'backoffice.products.stopSelling': 'agent',
  'backoffice.products.resumeSelling': 'supervisor',
  'backoffice.products.setOverride': 'supervisor',
  'backoffice.products.clearOverride': 'supervisor',
  // Telling whether two pages are one item is the agents' daily work; undoing a merge moves orders' lines, a supervisor's call.
  'backoffice.matches.list': 'agent',
  'backoffice.matches.merge': 'agent',
  'backoffice.matches.reject': 'agent',
  'backoffice.matches.split': 'supervisor',
  // Operators look; only admins touch the machinery.
  'backoffice.operations.overview': 'supervisor',
  'backoffice.operations.retryJob': 'admin',
  'backoffice.agents.create': 'admin',
  'backoffice.agents.setRole': 'admin',
  'backoffice.agents.setDisabled': 'admin',
} as const satisfies Record<string, MinimumRole>;

export type BackofficePath = keyof typeof BACKOFFICE_ACCESS;

export function minimumRoleFor(path: string): MinimumRole | null {
  return (BACKOFFICE_ACCESS as Record<string, MinimumRole>)[path] ?? null;
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}
