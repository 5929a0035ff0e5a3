// The order confirmation, /{market}/checkout/confirmation: the order number, what was ordered,
// how to pay (bank transfer with the number as reference, or cash to the courier) and the way
// to the order status page.
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad } from '@analogjs/router';
import { OrderSummary } from '../cart/order-summary';
import { applyShopLoad, money } from '../cart/shop-load';
import type { load } from './[market].checkout.confirmation.server';

@Component({
  imports: [OrderSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    <section class="mx-auto max-w-2xl" data-testid="confirmation-page">
      <h1 class="mb-2 text-3xl font-semibold tracking-tight">{{ t.confirmationTitle }}</h1>
      @if (page.status === 'ok') {
        @let o = page.data;
        <p class="mb-6 text-lg text-emerald-700" role="status" data-testid="order-placed">{{ t.thanks }}</p>
        <div class="rounded-xl border border-slate-200 bg-white p-5">
          <app-order-summary [order]="o" [shop]="page.shop" [texts]="t" />
        </div>
        <p class="mt-6" data-testid="payment-instructions">
          {{
            o.paymentMethod === 'bank_transfer'
              ? t.payByTransfer(money(o.totalCents, page.shop), o.number)
              : t.payOnDelivery(money(o.totalCents, page.shop))
          }}
        </p>
        <p class="mt-2 text-slate-600">{{ t.confirmationSent }}</p>
        <a
          [attr.href]="'/' + page.shop.market + '/order-status?number=' + o.number"
          class="mt-6 inline-block font-medium text-indigo-700 underline"
          data-testid="track-order"
          >{{ t.trackOrder }}</a
        >
      } @else if (page.status === 'not-found') {
        <p class="text-slate-600" data-testid="no-confirmation">{{ t.noConfirmation }}</p>
        <a [attr.href]="'/' + page.shop.market + '/order-status'" class="mt-4 inline-block font-medium text-indigo-700 underline">{{
          t.trackOrder
        }}</a>
      } @else {
        <p role="alert" class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{{ t.unavailable }}</p>
      }
    </section>
  `,
})
export default class ConfirmationPage {
  protected readonly loaded = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly t = applyShopLoad(this.loaded(), (t) => t.confirmationTitle);
  protected readonly money = money;
}
