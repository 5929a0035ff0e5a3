// Submit buttons of the back-office forms that the page handles with scripts (refunds, notes,
// order actions, overrides): the server renders them disabled, and they are enabled once the
// browser has hydrated the page. Angular's event replay cannot hold a submit (the event does not
// bubble), so a click before hydration would send the form itself, as a plain GET with what the
// agent typed in its URL, and lose it. Fields stay usable meanwhile; a disabled default button
// also stops Enter from submitting.
import { isPlatformBrowser } from '@angular/common';
import { Directive, PLATFORM_ID, afterNextRender, inject, input, signal } from '@angular/core';

@Directive({
  selector: 'button[appNeedsScripts]',
  host: { '[attr.disabled]': 'ready() && !busy() ? null : ""' },
})
export class NeedsScripts {
  /** Disabled while the form's request is in flight, too. */
  readonly busy = input(false);
  protected readonly ready = signal(false);

  constructor() {
    // Analog's server render runs after-render hooks too: only the browser may say it is ready.
    const inBrowser = isPlatformBrowser(inject(PLATFORM_ID));
    afterNextRender(() => this.ready.set(inBrowser));
  }
}
