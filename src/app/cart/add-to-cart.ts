// "Add to cart" on the product page. A plain POST form to /api/cart/{market}, which adds and
// redirects to the cart, so it works before (or without) JavaScript; once the app runs it
// adds over the API and says so in place, leaving the shopper on the product.
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { MarketCode, ShopLanguage } from '../../common/markets';
import { MAX_QUANTITY } from '../../server/cart/browser';
import { cartApi, cartProblem } from './cart-api';
import { CartCount } from './cart-count';
import { CART_TEXTS } from './cart-texts';

@Component({
  selector: 'app-add-to-cart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = texts();
    <form
      method="post"
      [attr.action]="'/api/cart/' + market()"
      (submit)="add($event)"
      class="mt-4 flex flex-wrap items-end gap-3"
      data-testid="add-to-cart-form"
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="productId" [attr.value]="productId()" />
      <div>
        <label for="add-to-cart-quantity" class="block text-sm font-medium text-slate-700">{{ t.quantity }}</label>
        <select id="add-to-cart-quantity" name="quantity" class="mt-1 rounded border border-slate-300 px-2 py-2" data-testid="add-quantity">
          @for (n of quantities; track n) {
            <option [attr.value]="n">{{ n }}</option>
          }
        </select>
      </div>
      <button
        type="submit"
        [disabled]="!available() || busy()"
        data-testid="add-to-cart"
        class="rounded bg-indigo-600 px-5 py-2 font-medium text-white hover:bg-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-400 disabled:opacity-50"
      >
        {{ busy() ? t.adding : t.addToCart }}
      </button>
    </form>
    <div aria-live="polite">
      @if (added()) {
        <p class="mt-3 text-sm text-emerald-700" data-testid="added-to-cart">
          {{ t.added }} <a [attr.href]="'/' + market() + '/cart'" class="font-medium underline">{{ t.viewCart }}</a>
        </p>
      }
      @if (problem(); as message) {
        <p class="mt-3 text-sm text-red-700" role="alert" data-testid="add-to-cart-error">{{ message }}</p>
      }
    </div>
  `,
})
export class AddToCart {
  readonly productId = input.required<string>();
  readonly market = input.required<MarketCode>();
  readonly language = input.required<ShopLanguage>();
  /** False when the source is out of stock: the button is shown, disabled. */
  readonly available = input(true);

  private readonly cartCount = inject(CartCount);
  protected readonly quantities = Array.from({ length: MAX_QUANTITY }, (_, i) => i + 1);
  protected readonly texts = computed(() => CART_TEXTS[this.language()]);
  protected readonly busy = signal(false);
  protected readonly added = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.busy.set(true);
    this.added.set(false);
    this.problem.set(null);
    try {
      const cart = await cartApi().add.mutate({
        market: this.market(),
        productId: this.productId(),
        quantity: Number(form.get('quantity') ?? 1),
      });
      this.cartCount.set(this.market(), cart.itemCount);
      this.added.set(true);
    } catch (error) {
      this.problem.set(cartProblem(error, this.texts()));
    } finally {
      this.busy.set(false);
    }
  }
}
