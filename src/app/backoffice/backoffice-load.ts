// What every back-office page's server load answers, and the redirect to the sign-in page when
// nobody is signed in: a 302 from the server render, a router navigation in the browser.
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { injectResponse } from '@analogjs/router/tokens';

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

/** Call in a page's constructor: answers the page as 302/404/… when the load says so. */
export function applyLoadOutcome(load: BackofficeLoad<unknown>): void {
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
