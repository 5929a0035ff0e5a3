// Agents, for admins: the list with each agent's role and access; create one (a generated
// password is shown once, here, and never again), change a role, disable or enable, sign an
// agent out everywhere. Role changes and disabling sign the agent out too (the server does it).
import { ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { backofficeApi, errorMessage, type BackofficeApi } from '../../backoffice/backoffice-api';
import { injectBackofficeLoad } from '../../backoffice/backoffice-load';
import { BackofficePage } from '../../backoffice/backoffice-page';
import { NeedsScripts } from '../../backoffice/needs-scripts';
import type { AgentView, Role } from '../../../server/backoffice';
import type { load } from './agents.server';

export const routeMeta: RouteMeta = { title: 'Agents · Back office · DigitalSales' };

@Component({
  imports: [BackofficePage, NeedsScripts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <app-backoffice-page [page]="page" heading="Agents">
      @if (page.status === 'ok') {
        <table class="mb-8 w-full text-left text-sm">
          <thead class="text-xs uppercase text-slate-500">
            <tr>
              <th class="py-1">E-mail</th>
              <th>Name</th>
              <th>Role</th>
              <th>Access</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody class="divide-y divide-slate-100">
            @for (a of agents(); track a.id) {
              <tr data-testid="agent-row" [attr.data-email]="a.email">
                <td class="py-2">{{ a.email }}</td>
                <td>{{ a.name }}</td>
                <td>
                  <label class="sr-only" [attr.for]="'role-' + a.id">Role of {{ a.email }}</label>
                  <select [attr.id]="'role-' + a.id" class="rounded border border-slate-300 px-2 py-1" (change)="setRole(a, $event)">
                    @for (r of page.data.roles; track r) {
                      <option [attr.value]="r" [attr.selected]="r === a.role ? '' : null">{{ r }}</option>
                    }
                  </select>
                </td>
                <td data-testid="agent-access">{{ a.disabled ? 'disabled' : 'active' }}</td>
                <td class="space-x-2">
                  <button type="button" class="rounded border border-slate-300 px-2 py-1" (click)="setDisabled(a, !a.disabled)">
                    {{ a.disabled ? 'Enable' : 'Disable' }}
                  </button>
                  <button type="button" class="rounded border border-slate-300 px-2 py-1" (click)="revoke(a)">Sign out everywhere</button>
                </td>
              </tr>
            }
          </tbody>
        </table>

        <section aria-labelledby="create-h" class="max-w-xl rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="create-h" class="mb-2 font-semibold">New agent</h2>
          <form (submit)="create($event)" class="space-y-3">
            <div>
              <label for="new-email" class="block text-sm font-medium">E-mail</label
              ><input id="new-email" name="email" type="email" required class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
            </div>
            <div>
              <label for="new-name" class="block text-sm font-medium">Name</label
              ><input id="new-name" name="name" required class="mt-1 w-full rounded border border-slate-300 px-3 py-2" />
            </div>
            <div>
              <label for="new-role" class="block text-sm font-medium">Role</label>
              <select id="new-role" name="role" class="mt-1 w-full rounded border border-slate-300 px-2 py-2">
                @for (r of page.data.roles; track r) {
                  <option [attr.value]="r">{{ r }}</option>
                }
              </select>
            </div>
            <div>
              <label for="new-password" class="block text-sm font-medium">Password (leave empty to generate one)</label
              ><input
                id="new-password"
                name="password"
                type="password"
                autocomplete="new-password"
                class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
              />
            </div>
            <button type="submit" appNeedsScripts class="rounded bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
              Create agent
            </button>
          </form>
        </section>
        @if (message(); as m) {
          <p role="status" class="mt-4 text-sm text-emerald-700" data-testid="action-result">{{ m }}</p>
        }
        @if (password(); as pw) {
          <p class="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="generated-password">
            Password, shown this once: <code class="font-mono">{{ pw }}</code>
          </p>
        }
        @if (error(); as e) {
          <p role="alert" class="mt-4 text-sm text-red-700" data-testid="action-error">{{ e }}</p>
        }
      }
    </app-backoffice-page>
  `,
})
export default class BackofficeAgentsPage {
  protected readonly loaded = injectBackofficeLoad<typeof load>();
  /** Agents as the server last answered for each; the load's list otherwise. */
  private readonly changed = signal<ReadonlyMap<string, AgentView>>(new Map());
  private readonly created = signal<readonly AgentView[]>([]);
  protected readonly agents = computed(() => {
    const page = this.loaded();
    const listed = page.status === 'ok' ? page.data.agents : [];
    return [...listed, ...this.created()].map((a) => this.changed().get(a.id) ?? a);
  });
  protected readonly message = signal<string | null>(null);
  protected readonly password = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  private async act(work: (api: BackofficeApi) => Promise<string>): Promise<void> {
    const page = this.loaded();
    if (page.status === 'signed-out') return;
    this.password.set(null);
    try {
      this.message.set(await work(backofficeApi(page.agent.csrfToken)));
      this.error.set(null);
    } catch (error) {
      this.message.set(null);
      this.error.set(errorMessage(error));
    }
  }

  private remember(agent: AgentView): void {
    this.changed.update((m) => new Map([...m, [agent.id, agent]]));
  }

  protected setRole(agent: AgentView, event: Event): void {
    const role = (event.target as HTMLSelectElement).value as Role;
    void this.act(async (api) => {
      const result = await api.agents.setRole.mutate({ agentId: agent.id, role });
      this.remember(result.agent);
      return `${agent.email} is now ${role}; signed out of ${result.signedOut} session(s).`;
    });
  }

  protected setDisabled(agent: AgentView, disabled: boolean): void {
    void this.act(async (api) => {
      const result = await api.agents.setDisabled.mutate({ agentId: agent.id, disabled });
      this.remember(result.agent);
      return disabled ? `${agent.email} is disabled; signed out of ${result.signedOut} session(s).` : `${agent.email} may sign in again.`;
    });
  }

  protected revoke(agent: AgentView): void {
    void this.act(
      async (api) => `${agent.email}: ${(await api.agents.revokeSessions.mutate({ agentId: agent.id })).revoked} session(s) ended.`,
    );
  }

  protected create(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const password = String(data.get('password') ?? '');
    void this.act(async (api) => {
      const result = await api.agents.create.mutate({
        email: String(data.get('email') ?? ''),
        name: String(data.get('name') ?? ''),
        role: String(data.get('role') ?? 'agent') as Role,
        ...(password ? { password } : {}),
      });
      this.created.update((list) => [...list, result.agent]);
      form.reset();
      this.password.set(result.generatedPassword);
      return `Created ${result.agent.role} ${result.agent.email}.`;
    });
  }
}
