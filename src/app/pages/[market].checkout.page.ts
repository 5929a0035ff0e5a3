// Checkout, /{market}/checkout: the order summary, contact details, the shipping address in the
// market's country, and payment by bank transfer or cash on delivery. A plain POST form to
// /api/checkout/{market}, the same with or without JavaScript, usable with the keyboard alone:
// labelled fields, each error next to its field and tied to it (aria-describedby), the first
// wrong field focused. A price changed since it was added is shown old and new, and the order
// waits for the shopper to accept it. The hidden idempotency key makes a double submit one order.
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad } from '@analogjs/router';
import { CHECKOUT_FIELDS, encodeAcceptedPrices } from '../../server/checkout/browser';
import type { CheckoutFieldName } from '../cart/cart-texts';
import { applyShopLoad, money } from '../cart/shop-load';
import { NotFoundPanel } from '../shop/not-found-panel';
import type { load } from './[market].checkout.server';

type TextField = 'email' | 'name' | 'phone' | 'line1' | 'line2' | 'postalCode' | 'city';

interface FieldSpec {
  readonly name: TextField;
  readonly type: 'text' | 'email' | 'tel';
  readonly autocomplete: string;
  readonly required: boolean;
  readonly inputmode?: 'numeric';
  /** Takes the whole row on wide screens. */
  readonly wide?: boolean;
}

const CONTACT: readonly FieldSpec[] = [
  { name: 'email', type: 'email', autocomplete: 'email', required: true, wide: true },
  { name: 'name', type: 'text', autocomplete: 'name', required: true },
  { name: 'phone', type: 'tel', autocomplete: 'tel', required: true },
];
const ADDRESS: readonly FieldSpec[] = [
  { name: 'line1', type: 'text', autocomplete: 'address-line1', required: true, wide: true },
  { name: 'line2', type: 'text', autocomplete: 'address-line2', required: false },
  { name: 'postalCode', type: 'text', autocomplete: 'postal-code', required: true, inputmode: 'numeric' },
  { name: 'city', type: 'text', autocomplete: 'address-level2', required: true },
];
const FIELD_ORDER = CHECKOUT_FIELDS.filter((f): f is CheckoutFieldName => f !== 'idempotencyKey');

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    @if (page.status === 'not-found') {
      <app-not-found-panel [market]="page.shop.market" />
    } @else {
      <section class="mx-auto max-w-3xl" data-testid="checkout-page">
        <h1 class="mb-6 text-3xl font-semibold tracking-tight">{{ t.checkoutTitle }}</h1>
        @if (page.status === 'unavailable') {
          <p role="alert" class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{{ t.unavailable }}</p>
        } @else if (page.status === 'ok') {
          @let c = page.data.cart;
          @if (cartError(); as message) {
            <p role="alert" class="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="cart-error">
              {{ message }}
            </p>
          }
          @if (c.lines.length === 0) {
            <p class="text-slate-600" data-testid="cart-empty">{{ t.cartEmpty }}</p>
            <a [attr.href]="'/' + page.shop.market" class="mt-4 inline-block font-medium text-indigo-700 underline">{{
              t.continueShopping
            }}</a>
          } @else {
            <section aria-labelledby="summary-h" class="mb-8 rounded-xl border border-slate-200 bg-white p-5">
              <h2 id="summary-h" class="mb-3 text-lg font-semibold">{{ t.orderSummary }}</h2>
              <ul class="divide-y divide-slate-100">
                @for (line of c.lines; track line.productId) {
                  <li class="flex justify-between py-2" data-testid="summary-line">
                    <span
                      >{{ line.quantity }} × {{ line.title }}
                      @if (line.status !== 'ok') {
                        <strong class="ml-2 text-red-700">{{
                          line.status === 'out_of_stock' ? t.outOfStock : line.status === 'below_floor' ? t.belowFloor : t.notForSale
                        }}</strong>
                      }
                    </span>
                    <span class="tabular-nums">{{ fmt(line.lineTotalCents) }}</span>
                  </li>
                }
              </ul>
              <p class="mt-3 flex justify-between border-t border-slate-200 pt-3 text-lg font-semibold">
                <span>{{ t.total }}</span><span class="tabular-nums" data-testid="checkout-total">{{ fmt(c.totalCents) }}</span>
              </p>
              @if (!c.orderable) {
                <p class="mt-3 text-sm text-red-700">
                  {{ t.removeUnavailable }} <a [attr.href]="'/' + page.shop.market + '/cart'" class="underline">{{ t.viewCart }}</a>
                </p>
              }
            </section>

            @if (errorCount() > 0) {
              <p
                role="alert"
                class="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
                data-testid="form-errors"
              >
                {{ t.fixErrors }}
              </p>
            }

            <form
              method="post"
              [attr.action]="'/api/checkout/' + page.shop.market"
              novalidate
              class="space-y-8"
              data-testid="checkout-form"
            >
              <input type="hidden" name="idempotencyKey" [attr.value]="page.data.idempotencyKey" />

              @if (c.priceChanges.length > 0) {
                <fieldset class="rounded-xl border border-amber-300 bg-amber-50 p-5" data-testid="price-changes">
                  <legend class="px-1 font-semibold text-amber-900">{{ t.pricesChangedTitle }}</legend>
                  <ul class="mb-3 list-disc pl-5 text-sm text-amber-900">
                    @for (line of c.priceChanges; track line.productId) {
                      <li data-testid="price-change">{{ t.priceChange(line.title, fmt(line.addedUnitCents), fmt(line.unitCents)) }}</li>
                    }
                  </ul>
                  <label class="flex items-center gap-2 font-medium">
                    <input
                      type="checkbox"
                      id="acceptedPrices"
                      name="acceptedPrices"
                      [attr.value]="acceptedPrices()"
                      [attr.aria-invalid]="error('acceptedPrices') ? 'true' : null"
                      [attr.aria-describedby]="error('acceptedPrices') ? 'acceptedPrices-error' : null"
                      [attr.autofocus]="firstError() === 'acceptedPrices' ? '' : null"
                      data-testid="accept-prices"
                    />
                    {{ t.acceptPrices }}
                  </label>
                  @if (error('acceptedPrices')) {
                    <p id="acceptedPrices-error" class="mt-1 text-sm text-red-700" data-testid="error-acceptedPrices">
                      {{ t.errors.acceptedPrices }}
                    </p>
                  }
                </fieldset>
              }

              <fieldset>
                <legend class="mb-3 text-lg font-semibold">{{ t.contact }}</legend>
                <div class="grid gap-4 sm:grid-cols-2">
                  @for (f of contact; track f.name) {
                    <ng-container *ngTemplateOutlet="field; context: { $implicit: f }" />
                  }
                </div>
              </fieldset>

              <fieldset>
                <legend class="mb-3 text-lg font-semibold">{{ t.shippingAddress }}</legend>
                <div class="grid gap-4 sm:grid-cols-2">
                  @for (f of address; track f.name) {
                    <ng-container *ngTemplateOutlet="field; context: { $implicit: f }" />
                  }
                  <div>
                    <span class="block text-sm font-medium text-slate-700" id="country-label">{{ t.country }}</span>
                    <p class="mt-1 px-1 py-2" aria-labelledby="country-label" data-testid="country">{{ t.countryName }}</p>
                  </div>
                </div>
              </fieldset>

              <fieldset [attr.aria-describedby]="error('paymentMethod') ? 'paymentMethod-error' : null">
                <legend class="mb-3 text-lg font-semibold">{{ t.payment }}</legend>
                <div class="space-y-3">
                  <label class="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
                    <input
                      type="radio"
                      name="paymentMethod"
                      value="bank_transfer"
                      [attr.checked]="payment() === 'bank_transfer' ? '' : null"
                      class="mt-1"
                      data-testid="pay-bank-transfer"
                    />
                    <span
                      ><span class="font-medium">{{ t.bankTransfer }}</span
                      ><span class="block text-sm text-slate-600">{{ t.bankTransferHint }}</span></span
                    >
                  </label>
                  <label class="flex items-start gap-3 rounded-lg border border-slate-200 bg-white p-3">
                    <input
                      type="radio"
                      name="paymentMethod"
                      value="cash_on_delivery"
                      [attr.checked]="payment() === 'cash_on_delivery' ? '' : null"
                      class="mt-1"
                      data-testid="pay-cash-on-delivery"
                    />
                    <span
                      ><span class="font-medium">{{ t.cashOnDelivery }}</span
                      ><span class="block text-sm text-slate-600">{{ t.cashOnDeliveryHint }}</span></span
                    >
                  </label>
                </div>
                @if (error('paymentMethod')) {
                  <p id="paymentMethod-error" class="mt-1 text-sm text-red-700" data-testid="error-paymentMethod">
                    {{ t.errors.paymentMethod }}
                  </p>
                }
              </fieldset>

              <button
                type="submit"
                [disabled]="!c.orderable"
                class="w-full rounded bg-indigo-600 px-6 py-3 text-lg font-medium text-white hover:bg-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-400 disabled:opacity-50"
                data-testid="place-order"
              >
                {{ t.placeOrder }} · {{ fmt(c.totalCents) }}
              </button>
            </form>
          }
        }
      </section>
    }

    <ng-template #field let-spec>
      @let f = asField(spec);
      <div [attr.class]="f.wide ? 'sm:col-span-2' : null">
        <label [attr.for]="f.name" class="block text-sm font-medium text-slate-700">
          {{ t.labels[f.name] }}
          @if (!f.required) {
            <span class="font-normal text-slate-500"> ({{ t.optional }})</span>
          }
        </label>
        <input
          [attr.id]="f.name"
          [attr.name]="f.name"
          [attr.type]="f.type"
          [attr.autocomplete]="f.autocomplete"
          [attr.inputmode]="f.inputmode ?? null"
          [attr.required]="f.required ? '' : null"
          [attr.value]="value(f.name)"
          [attr.aria-invalid]="error(f.name) ? 'true' : null"
          [attr.aria-describedby]="error(f.name) ? f.name + '-error' : null"
          [attr.autofocus]="firstError() === f.name ? '' : null"
          class="mt-1 w-full rounded border px-3 py-2 focus:outline-none focus:ring-2 focus:ring-indigo-400"
          [class.border-red-500]="error(f.name)"
          [class.border-slate-300]="!error(f.name)"
          [attr.data-testid]="'field-' + f.name"
        />
        @if (error(f.name)) {
          <p [attr.id]="f.name + '-error'" class="mt-1 text-sm text-red-700" [attr.data-testid]="'error-' + f.name">
            {{ t.errors[f.name] }}
          </p>
        }
      </div>
    </ng-template>
  `,
  imports: [NgTemplateOutlet, NotFoundPanel],
})
export default class CheckoutPage {
  protected readonly loaded = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly t = applyShopLoad(this.loaded(), (t) => t.checkoutTitle);
  protected readonly contact = CONTACT;
  protected readonly address = ADDRESS;

  private readonly flash = computed(() => {
    const page = this.loaded();
    return page.status === 'ok' ? page.data.flash : null;
  });
  protected readonly errorCount = computed(() => FIELD_ORDER.filter((f) => this.error(f)).length);
  protected readonly firstError = computed(() => FIELD_ORDER.find((f) => this.error(f)) ?? null);
  protected readonly payment = computed(() => this.flash()?.values['paymentMethod'] ?? 'bank_transfer');
  protected readonly acceptedPrices = computed(() => {
    const page = this.loaded();
    return page.status === 'ok' ? encodeAcceptedPrices(page.data.cart.priceChanges) : '';
  });
  protected readonly cartError = computed(() => {
    const problem = this.flash()?.errors['cart'];
    if (!problem) return null;
    return problem === 'empty_cart' ? this.t.emptyCartError : problem === 'below_floor' ? this.t.belowFloorError : this.t.unavailableError;
  });

  /** Types the template context, which Angular leaves untyped. */
  protected asField(spec: FieldSpec): FieldSpec {
    return spec;
  }

  protected error(field: CheckoutFieldName): boolean {
    return Boolean(this.flash()?.errors[field]);
  }

  protected value(field: TextField): string | null {
    return this.flash()?.values[field] ?? null;
  }

  protected fmt(cents: number): string {
    return money(cents, this.loaded().shop);
  }
}
