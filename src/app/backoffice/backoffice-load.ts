// What every back-office page's server load answers, and the redirect to the sign-in page when
// nobody is signed in: a 302 from the server render, a router navigation in the browser.
import { computed, inject, signal, type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { injectLoad, type PageServerLoad } from '@analogjs/router';
import { injectResponse } from '@analogjs/router/tokens';
import { backofficeApi, type BackofficeApi } from './backoffice-api';

export interface SignedInAgent {
  readonly email: string;
  readonly name: string;
  readonly role: 'agent' | 'supervisor' | 'admin';
  readonly csrfToken: string;
}

export type BackofficeLoad<T> =
  | { readonly status: 'ok'; readonly agent: SignedInAgent; readonly data: T }
  | { readonly status: 'error'; readonly agent: SignedInAgent; readonly message: string; readonly httpStatus: number }
  | { readonly status: 'signed-out'; readonly loginUrl: string };

export function loginUrlFor(path: string): string {
  return `/backoffice/login?next=${encodeURIComponent(path)}`;
}

/**
 * A back-office page's load as a signal, in a field initializer: `injectBackofficeLoad<typeof load>()`.
 * It also answers the page as 302/404/… when the load says so.
 */
export function injectBackofficeLoad<L extends (pageServerLoad: PageServerLoad) => Promise<BackofficeLoad<unknown>>>(): Signal<
  Awaited<ReturnType<L>>
> {
  const loaded = toSignal(injectLoad<L>(), { requireSync: true });
  applyLoadOutcome(loaded());
  return loaded;
}

/**
 * What an entity page shows: the load's data until an action answers with the entity as the
 * server now has it, then that answer.
 */
export function latestData<T>(loaded: Signal<BackofficeLoad<T>>): { readonly current: Signal<T | null>; replace(value: T): void } {
  const replaced = signal<T | null>(null);
  const current = computed(() => {
    const page = loaded();
    return replaced() ?? (page.status === 'ok' ? page.data : null);
  });
  return { current, replace: (value) => replaced.set(value) };
}

/** The signed-in agent's client, which sends the session's CSRF token; null when signed out. */
export function agentApi(page: BackofficeLoad<unknown>): BackofficeApi | null {
  return page.status === 'signed-out' ? null : backofficeApi(page.agent.csrfToken);
}

function applyLoadOutcome(load: BackofficeLoad<unknown>): void {
  const response = injectResponse();
  if (load.status === 'signed-out') {
    if (response) {
      response.statusCode = 302;
      response.setHeader('Location', load.loginUrl);
    } else {
      void inject(Router).navigateByUrl(load.loginUrl);
    }
  } else if (load.status === 'error' && response) {
    response.statusCode = load.httpStatus;
  }
}
