// What the product page's server load hands the page: plain JSON, prepared on the server from
// the pricing service and the market table, so the browser bundle needs neither zod nor the
// server's modules (only their types).
import type { MarketCode, ShopLanguage } from '../../common/markets';
import type { PriceState, MarketPrice, RefreshFailureInfo } from '../../server/pricing';
import type { ProductImageView } from '../../server/images';
import type { PageSeo } from '../shop/page-seo';

export interface ProductPageView {
  readonly productId: string;
  /** Title and description in the market's language, or the original until its translation exists. */
  readonly title: string;
  readonly description: string | null;
  /** Their language when it is not the market's: `lang` on the elements showing them. */
  readonly textLang: string | null;
  readonly brand: string | null;
  readonly gtin: string | null;
  readonly image: ProductImageView | null;
  readonly attributes: readonly (readonly [string, string])[];
  readonly market: MarketCode;
  readonly language: ShopLanguage;
  readonly locale: string;
  readonly timeZone: string;
  readonly price: MarketPrice | null;
  /** Selling stopped by an agent: the page stays (the stop is temporary) but offers nothing to buy. */
  readonly salesStopped: boolean;
  readonly state: PriceState;
  readonly failure: RefreshFailureInfo | null;
  /** Server time of the read: the browser ages the price from here, whatever its own clock says. */
  readonly readAt: string;
  readonly seo: PageSeo;
}

export type ProductPageLoad =
  | { readonly status: 'ok'; readonly view: ProductPageView }
  | { readonly status: 'not-found'; readonly language: ShopLanguage }
  | { readonly status: 'unavailable'; readonly language: ShopLanguage };
