// A product photo as every shop page shows it: through the image route (src/server/images) with
// a srcset of its widths, width and height set so the page does not jump when it arrives, lazy
// unless it is in the first screen, the product's title as alt text; and the shop's placeholder
// when the product has no photo or the route could not deliver one (error), also when the error
// came before the page's scripts were running (checked once after hydration).
import { ChangeDetectionStrategy, Component, afterNextRender, input, signal, viewChild, type ElementRef } from '@angular/core';
import type { ProductImageView } from '../../server/images';

@Component({
  selector: 'app-product-image',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let photo = image();
    @if (photo && !failed()) {
      <img
        #img
        [attr.src]="photo.src"
        [attr.srcset]="photo.srcset"
        [attr.sizes]="sizes()"
        [attr.width]="size()"
        [attr.height]="size()"
        [attr.alt]="alt()"
        [attr.loading]="eager() ? 'eager' : 'lazy'"
        [attr.fetchpriority]="eager() ? 'high' : null"
        decoding="async"
        (error)="failed.set(true)"
        class="block aspect-square h-auto w-full rounded-lg bg-white object-contain"
        data-testid="product-image"
      />
    } @else {
      <svg
        [attr.width]="size()"
        [attr.height]="size()"
        viewBox="0 0 100 100"
        role="img"
        [attr.aria-label]="alt()"
        class="block aspect-square h-auto w-full rounded-lg bg-slate-100 text-slate-300"
        data-testid="product-image-placeholder"
      >
        <rect x="26" y="30" width="48" height="40" rx="4" fill="none" stroke="currentColor" stroke-width="3" />
        <circle cx="40" cy="43" r="5" fill="currentColor" />
        <path d="M29 67 l15 -15 l9 9 l7 -7 l11 13 z" fill="currentColor" />
      </svg>
    }
  `,
})
export class ProductImage {
  readonly image = input.required<ProductImageView | null>();
  readonly alt = input.required<string>();
  /** Width and height in CSS pixels of the square the photo is drawn in, as the layout shows it at most. */
  readonly size = input.required<number>();
  /** The `sizes` attribute: how wide the photo is shown at each viewport width. */
  readonly sizes = input.required<string>();
  /** In the first screen: loaded at once and first, instead of when scrolled near. */
  readonly eager = input(false);

  protected readonly failed = signal(false);
  private readonly img = viewChild<ElementRef<HTMLImageElement>>('img');

  constructor() {
    afterNextRender(() => {
      const element = this.img()?.nativeElement;
      if (element?.complete && element.naturalWidth === 0) this.failed.set(true);
    });
  }
}
