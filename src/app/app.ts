// The page frame: header, the routed page, footer.
import { isPlatformBrowser } from '@angular/common';
import { ApplicationRef, ChangeDetectionStrategy, Component, PLATFORM_ID, inject } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="flex min-h-screen flex-col">
      <header class="border-b border-slate-200 bg-white">
        <div class="mx-auto flex max-w-6xl items-center justify-between px-6 py-4">
          <a routerLink="/" class="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
            <span class="inline-flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 text-sm font-bold text-white">DS</span>
            DigitalSales
          </a>
          <span class="text-sm text-slate-500">Italy · France · Germany · Spain</span>
        </div>
      </header>
      <main class="mx-auto w-full max-w-6xl flex-1 px-6 py-10">
        <router-outlet />
      </main>
      <footer class="border-t border-slate-200 bg-white">
        <div class="mx-auto max-w-6xl px-6 py-4 text-xs text-slate-500">
          Prices include VAT of the market shown. Amounts in EUR.
        </div>
      </footer>
    </div>
  `,
})
export class App {
  constructor() {
    // Marks the moment the browser has hydrated the server's HTML, the routed page included
    // (its lazy chunk and its load are pending tasks until then): before it, a click on a form's
    // button is a plain HTML submit, not the app's. End-to-end tests wait for it.
    if (!isPlatformBrowser(inject(PLATFORM_ID))) return;
    void inject(ApplicationRef)
      .whenStable()
      .then(() => document.documentElement.setAttribute('data-hydrated', ''));
  }
}
