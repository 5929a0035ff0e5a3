// The frame of every signed-in back-office page: navigation (the links a role may follow; the
// server refuses the rest anyway), the time zone the pages' times are in, who is signed in, sign-out.
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AgentTimeZone } from './agent-time';
import { backofficeApi, errorMessage } from './backoffice-api';
import type { SignedInAgent } from './backoffice-load';

@Component({
  selector: 'app-backoffice-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="mb-8 flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 pb-4" aria-label="Back office">
      <div class="flex flex-wrap gap-x-6 gap-y-2 text-sm font-medium">
        <a href="/backoffice" class="text-indigo-700 hover:underline">Orders</a>
        <a href="/backoffice/customers" class="text-indigo-700 hover:underline">Customers</a>
        <a href="/backoffice/products" class="text-indigo-700 hover:underline">Products</a>
        <a href="/backoffice/matches" class="text-indigo-700 hover:underline">Matches to review</a>
        @if (agent().role !== 'agent') {
          <a href="/backoffice/operations" class="text-indigo-700 hover:underline">Operations</a>
        }
        @if (agent().role === 'admin') {
          <a href="/backoffice/agents" class="text-indigo-700 hover:underline">Agents</a>
        }
        <a href="/backoffice/audit" class="text-indigo-700 hover:underline">Audit log</a>
        <a href="/backoffice/opportunities" class="text-indigo-700 hover:underline">Opportunities</a>
      </div>
      <div class="flex items-center gap-4 whitespace-nowrap text-sm text-slate-600">
        <span data-testid="time-zone" class="text-xs" title="Times on these pages are in this zone, your browser's"
          >Times in {{ zone }}</span
        >
        <span data-testid="signed-in-as">{{ agent().name }} ({{ agent().role }})</span>
        <button type="button" class="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50" (click)="signOut()">Sign out</button>
      </div>
    </nav>
    @if (error(); as message) {
      <p role="alert" class="mb-4 text-sm text-red-700">{{ message }}</p>
    }
    <ng-content />
  `,
})
export class BackofficeShell {
  readonly agent = input.required<SignedInAgent>();
  protected readonly error = signal<string | null>(null);
  protected readonly zone = inject(AgentTimeZone).zone;

  protected async signOut(): Promise<void> {
    try {
      await backofficeApi(this.agent().csrfToken).auth.logout.mutate();
      window.location.assign('/backoffice/login');
    } catch (error) {
      this.error.set(errorMessage(error));
    }
  }
}
