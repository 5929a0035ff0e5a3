// Back-office sign-in: e-mail and password. The session cookie is set by the server (HttpOnly);
// afterwards the browser loads the page it came from, rendered on the server as the agent.
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { RouteMeta } from '@analogjs/router';
import { backofficeApi, errorMessage } from '../../backoffice/backoffice-api';

export const routeMeta: RouteMeta = { title: 'Sign in · Back office · DigitalSales' };

/** Only our own back-office paths: `next` must not send an agent to another site. */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && /^\/backoffice(\/|$|\?)/.test(next) ? next : '/backoffice';
}

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="mx-auto max-w-sm py-10">
      <h1 class="mb-6 text-2xl font-semibold">Back office sign-in</h1>
      <form class="space-y-4" method="post" (submit)="signIn($event)">
        <div>
          <label for="email" class="block text-sm font-medium">E-mail</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        <div>
          <label for="password" class="block text-sm font-medium">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        @if (error(); as message) {
          <p role="alert" class="text-sm text-red-700" data-testid="login-error">{{ message }}</p>
        }
        <button
          type="submit"
          [disabled]="busy()"
          class="w-full rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
        >
          Sign in
        </button>
      </form>
    </section>
  `,
})
export default class BackofficeLoginPage {
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected async signIn(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy.set(true);
    this.error.set(null);
    try {
      await backofficeApi(null).auth.login.mutate({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
      window.location.assign(safeNext(window.location.search));
    } catch (error) {
      this.error.set(errorMessage(error));
      this.busy.set(false);
    }
  }
}
