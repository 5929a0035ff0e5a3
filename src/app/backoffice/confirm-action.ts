// An agent's action on a record, reviewed then confirmed: what waits for confirmation, the panel
// that asks, and the answer (the record as the server now has it, its message, or the error).
// A page with several forms puts a panel beside each, named by the form's `origin`: the question
// and the answer then show where the agent is looking, not at the bottom of the page.
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { errorMessage, type BackofficeApi } from './backoffice-api';

export interface PendingAction<T> {
  readonly description: string;
  readonly done: string;
  readonly run: (api: BackofficeApi) => Promise<T>;
  /**
   * The form the action came from: emptied once the action succeeded, so that what it held (a
   * refund's amount) cannot be sent a second time by one more click.
   */
  readonly form?: HTMLFormElement;
  /** Which form asked; its panel shows the question and the answer. */
  readonly origin?: string;
}

export class ConfirmedActions<T> {
  readonly pending = signal<PendingAction<T> | null>(null);
  readonly busy = signal(false);
  readonly message = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  /** The form the question, the message or the error belongs to; null for a page's only panel. */
  readonly origin = signal<string | null>(null);

  /** `api` is null while nobody is signed in; `answered` takes the record the server answers. */
  constructor(
    private readonly api: () => BackofficeApi | null,
    private readonly answered: (record: T) => void,
  ) {}

  ask(pending: PendingAction<T>): void {
    this.message.set(null);
    this.error.set(null);
    this.origin.set(pending.origin ?? null);
    this.pending.set(pending);
  }

  /** What the agent typed cannot be sent: the message shows beside the form it came from. */
  refuse(origin: string | null, message: string): void {
    this.pending.set(null);
    this.message.set(null);
    this.origin.set(origin);
    this.error.set(message);
  }

  async confirm(pending: PendingAction<T>): Promise<void> {
    const api = this.api();
    if (!api) return;
    this.busy.set(true);
    try {
      this.answered(await pending.run(api));
      pending.form?.reset();
      this.message.set(pending.done);
      this.error.set(null);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.pending.set(null);
      this.busy.set(false);
    }
  }
}

@Component({
  selector: 'app-confirm-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'contents' },
  template: `
    @let a = actions();
    @if (a.origin() === origin()) {
      @if (a.pending(); as pend) {
        <div
          role="dialog"
          aria-labelledby="confirm-h"
          class="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
          data-testid="confirm-panel"
        >
          <h2 id="confirm-h" class="font-semibold">Please confirm</h2>
          <p class="my-2 text-sm" data-testid="confirm-text">{{ pend.description }}</p>
          <button
            type="button"
            class="mr-2 rounded bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
            [disabled]="a.busy()"
            (click)="a.confirm(pend)"
          >
            Confirm
          </button>
          <button type="button" class="rounded border border-slate-300 px-4 py-2 text-sm" (click)="a.pending.set(null)">Cancel</button>
        </div>
      }
      @if (a.message(); as msg) {
        <p role="status" class="mt-4 text-sm text-emerald-700" data-testid="action-result">{{ msg }}</p>
      }
      @if (a.error(); as e) {
        <p role="alert" class="mt-4 text-sm text-red-700" data-testid="action-error">{{ e }}</p>
      }
    }
  `,
})
export class ConfirmPanel<T> {
  readonly actions = input.required<ConfirmedActions<T>>();
  /** The form this panel sits beside; none for a page's only panel. */
  readonly origin = input<string | null>(null);
}
