// The shopper's cart, /{market}/cart: lines with their current prices (and the price when
// added, if it changed since), editable quantities, line totals and the total in the market's
// format. Without JavaScript the forms post to /api/cart/{market} and come back here; with it
// the same forms change the cart over the API in place.
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { injectLoad } from '@analogjs/router';
import type { PricedCart, PricedLine } from '../../server/cart';
import { MAX_QUANTITY } from '../../server/cart/browser';
import { productPath } from '../../server/storefront/browser';
import { cartApi, cartProblem } from '../cart/cart-api';
import { CartCount } from '../cart/cart-count';
import { applyShopLoad, money } from '../cart/shop-load';
import { NotFoundPanel } from '../shop/not-found-panel';
import type { load } from './[market].cart.server';

@Component({
  imports: [NotFoundPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let page = loaded();
    @if (page.status === 'not-found') {
      <app-not-found-panel [market]="page.shop.market" />
    } @else {
      <section class="mx-auto max-w-4xl" data-testid="cart-page">
        <h1 class="mb-6 text-3xl font-semibold tracking-tight">{{ t.cartTitle }}</h1>
        @if (page.status === 'unavailable') {
          <p role="alert" class="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">{{ t.unavailable }}</p>
        } @else if (cart(); as c) {
          <div aria-live="polite">
            @if (problem(); as message) {
              <p
                role="alert"
                class="mb-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
                data-testid="cart-problem"
              >
                {{ message }}
              </p>
            } @else if (added()) {
              <p
                class="mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
                data-testid="added-to-cart"
              >
                {{ t.added }}
              </p>
            }
          </div>
          @if (c.lines.length === 0) {
            <p class="text-slate-600" data-testid="cart-empty">{{ t.cartEmpty }}</p>
            <a [attr.href]="'/' + market()" class="mt-4 inline-block font-medium text-indigo-700 underline">{{ t.continueShopping }}</a>
          } @else {
            <form id="cart-form" method="post" [attr.action]="formAction()" (submit)="update($event)">
              <input type="hidden" name="intent" value="update" />
              <table class="w-full text-left">
                <thead class="border-b border-slate-200 text-xs uppercase text-slate-500">
                  <tr>
                    <th scope="col" class="py-2">{{ t.product }}</th>
                    <th scope="col" class="py-2 text-right">{{ t.unitPrice }}</th>
                    <th scope="col" class="py-2 text-center">{{ t.quantity }}</th>
                    <th scope="col" class="py-2 text-right">{{ t.lineTotal }}</th>
                    <th scope="col" class="py-2">
                      <span class="sr-only">{{ t.remove }}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  @for (line of c.lines; track line.productId) {
                    <tr
                      class="border-b border-slate-100"
                      data-testid="cart-line"
                      [attr.data-product-id]="line.productId"
                      [attr.data-status]="line.status"
                    >
                      <td class="py-3 pr-4">
                        <a [attr.href]="productHref(line)" class="font-medium hover:underline" data-testid="line-title">{{ line.title }}</a>
                        @if (line.status === 'out_of_stock') {
                          <span class="ml-2 text-sm font-medium text-red-700">{{ t.outOfStock }}</span>
                        } @else if (line.status === 'not_for_sale') {
                          <span class="ml-2 text-sm font-medium text-red-700">{{ t.notForSale }}</span>
                        } @else if (line.status === 'below_floor') {
                          <span class="ml-2 text-sm font-medium text-red-700" data-testid="line-below-floor">{{ t.belowFloor }}</span>
                        }
                      </td>
                      <td class="py-3 text-right tabular-nums" data-testid="line-unit-price">
                        {{ fmt(line.unitCents) }}
                        @if (line.priceChanged) {
                          <span class="block text-xs text-slate-500" data-testid="line-old-price"
                            ><s>{{ t.wasPrice(fmt(line.addedUnitCents)) }}</s></span
                          >
                        }
                      </td>
                      <td class="py-3 text-center">
                        <label class="sr-only" [attr.for]="'qty-' + line.productId">{{ t.quantityFor(line.title) }}</label>
                        <input
                          type="number"
                          min="0"
                          [attr.max]="maxQuantity"
                          inputmode="numeric"
                          [attr.id]="'qty-' + line.productId"
                          [attr.name]="'qty_' + line.productId"
                          [attr.value]="line.quantity"
                          class="w-20 rounded border border-slate-300 px-2 py-1 text-center"
                          data-testid="line-quantity"
                        />
                      </td>
                      <td class="py-3 text-right font-medium tabular-nums" data-testid="line-total">{{ fmt(line.lineTotalCents) }}</td>
                      <td class="py-3 pl-4 text-right">
                        <button
                          type="submit"
                          form="cart-remove"
                          name="remove"
                          [attr.value]="line.productId"
                          [attr.aria-label]="t.removeNamed(line.title)"
                          (click)="remove($event, line.productId)"
                          class="text-sm text-red-700 underline hover:text-red-900"
                          data-testid="remove-line"
                        >
                          {{ t.remove }}
                        </button>
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
              <div class="mt-4 flex items-center justify-between">
                <button
                  type="submit"
                  [disabled]="busy()"
                  class="rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
                  data-testid="update-cart"
                >
                  {{ t.updateCart }}
                </button>
                <p class="text-xl font-semibold">
                  {{ t.total }}: <span class="tabular-nums" data-testid="cart-total">{{ fmt(c.totalCents) }}</span>
                </p>
              </div>
            </form>
            <form id="cart-remove" method="post" [attr.action]="formAction()"><input type="hidden" name="intent" value="update" /></form>
            <div class="mt-6 text-right">
              @if (c.orderable) {
                <a
                  [attr.href]="'/' + market() + '/checkout'"
                  class="inline-block rounded bg-indigo-600 px-6 py-3 font-medium text-white hover:bg-indigo-500"
                  data-testid="to-checkout"
                  >{{ t.toCheckout }}</a
                >
              } @else {
                <p class="text-sm text-red-700" data-testid="cart-blocked">{{ t.removeUnavailable }}</p>
              }
            </div>
          }
        }
      </section>
    }
  `,
})
export default class CartPage {
  protected readonly loaded = toSignal(injectLoad<typeof load>(), { requireSync: true });
  protected readonly t = applyShopLoad(this.loaded(), (t) => t.cartTitle);
  protected readonly maxQuantity = MAX_QUANTITY;
  protected readonly market = computed(() => this.loaded().shop.market);
  protected readonly formAction = computed(() => `/api/cart/${this.market()}`);
  protected readonly cart = linkedSignal<PricedCart | null>(() => {
    const page = this.loaded();
    return page.status === 'ok' ? page.data.cart : null;
  });
  protected readonly added = linkedSignal(() => {
    const page = this.loaded();
    return page.status === 'ok' && page.data.added;
  });
  protected readonly problem = linkedSignal<string | null>(() => {
    const page = this.loaded();
    return page.status === 'ok' && page.data.problem ? this.t.problems[page.data.problem] : null;
  });
  protected readonly busy = signal(false);
  private readonly cartCount = inject(CartCount);

  protected fmt(cents: number): string {
    return money(cents, this.loaded().shop);
  }

  protected productHref(line: PricedLine): string {
    return productPath(this.market(), { slug: line.slug, id: line.productId });
  }

  /** Sends the quantities that changed, one by one; the last answer is the cart as it now is. */
  protected async update(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const changes = (this.cart()?.lines ?? []).flatMap((line) => {
      const wanted = Number.parseInt(String(form.get(`qty_${line.productId}`) ?? ''), 10);
      return Number.isFinite(wanted) && wanted !== line.quantity
        ? [{ productId: line.productId, quantity: Math.max(0, Math.min(this.maxQuantity, wanted)) }]
        : [];
    });
    await this.apply(changes);
  }

  protected async remove(event: Event, productId: string): Promise<void> {
    event.preventDefault();
    await this.apply([{ productId, quantity: 0 }]);
  }

  private async apply(changes: readonly { productId: string; quantity: number }[]): Promise<void> {
    this.busy.set(true);
    this.added.set(false);
    this.problem.set(null);
    try {
      for (const change of changes) {
        const cart = await cartApi().setQuantity.mutate({ market: this.market(), ...change });
        this.cart.set(cart);
        this.cartCount.set(this.market(), cart.itemCount);
      }
    } catch (error) {
      this.problem.set(cartProblem(error, this.t));
    } finally {
      this.busy.set(false);
    }
  }
}
