// Fields of the back office's GET filter forms: a labelled text field, a labelled choice with
// "any", a date range, and a list page's search box.
// Rendered as plain form controls so the server's HTML submits too. Values are bound as attributes,
// not properties: hydration then leaves alone what an agent typed before the scripts arrived.
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

const FIELD = 'mt-1 w-full rounded border border-slate-300 px-2 py-2';

@Component({
  selector: 'app-filter-text',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <label [attr.for]="name()" class="block text-sm font-medium">{{ label() }}</label>
    <input [attr.id]="name()" [attr.name]="name()" [attr.type]="type()" [attr.value]="value() ?? ''" [class]="field" />
  `,
})
export class FilterText {
  readonly name = input.required<string>();
  readonly label = input.required<string>();
  readonly value = input<string>();
  readonly type = input<'text' | 'email'>('text');
  protected readonly field = FIELD;
}

@Component({
  selector: 'app-filter-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'block' },
  template: `
    <label [attr.for]="name()" class="block text-sm font-medium">{{ label() }}</label>
    <select [attr.id]="name()" [attr.name]="name()" [class]="field">
      <option value="">any</option>
      @for (option of options(); track option) {
        <option [attr.value]="option" [attr.selected]="selected() === option ? '' : null">{{ labels()[option] ?? option }}</option>
      }
    </select>
  `,
})
export class FilterSelect {
  readonly name = input.required<string>();
  readonly label = input.required<string>();
  readonly options = input.required<readonly string[]>();
  /** Words for options whose value is a code (a status); the value is sent as it is. */
  readonly labels = input<Readonly<Record<string, string>>>({});
  readonly selected = input<string>();
  protected readonly field = FIELD;
}

@Component({
  selector: 'app-filter-dates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Its two fields sit in the form's grid as if written there.
  host: { class: 'contents' },
  template: `
    <div>
      <label for="from" class="block text-sm font-medium">From</label>
      <input id="from" name="from" type="date" [attr.value]="from() ?? ''" [class]="field" />
    </div>
    <div>
      <label for="to" class="block text-sm font-medium">To</label>
      <input id="to" name="to" type="date" [attr.value]="to() ?? ''" [class]="field" />
    </div>
  `,
})
export class FilterDates {
  readonly from = input<string>();
  readonly to = input<string>();
  protected readonly field = FIELD;
}

/** A list page's whole search form: one `q` box and its button; the page's form names the action. */
@Component({
  selector: 'form[appSearchForm]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { method: 'get', role: 'search', class: 'mb-6 flex gap-3 rounded-lg border border-slate-200 bg-white p-4' },
  template: `
    <div class="grow">
      <label [attr.for]="fieldId()" class="block text-sm font-medium">{{ label() }}</label>
      <input
        [attr.id]="fieldId()"
        name="q"
        type="search"
        [attr.value]="q()"
        class="mt-1 w-full rounded border border-slate-300 px-3 py-2"
      />
    </div>
    <div class="flex items-end">
      <button type="submit" class="rounded bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">Search</button>
    </div>
  `,
})
export class SearchForm {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly q = input.required<string>();
}
