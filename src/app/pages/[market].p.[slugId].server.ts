// Data of the shopper's product page, read on the server before it renders: the router is
// called in-process. Unknown markets and products become `not-found` (the page sets 404), a
// database outage `unavailable` (503); load() never throws, which Analog would answer 200.
import type { PageServerLoad } from '@analogjs/router';
import { TRPCError } from '@trpc/server';
import { productImageView } from '../../server/images';
import { isMarketCode, MARKETS } from '../../common/markets';
import { createContext } from '../../server/trpc/context';
import { appRouter } from '../../server/trpc/routers/_app';
import type { ProductPageLoad } from '../product-page/product-page-view';
import { productSeo } from '../shop/product-seo.server';
import { visitorMarket } from '../shop/visitor-market.server';

export async function load({ params, event }: PageServerLoad): Promise<ProductPageLoad> {
  const market = params?.['market'];
  const slugId = params?.['slugId'];
  if (!isMarketCode(market) || typeof slugId !== 'string')
    return { status: 'not-found', language: isMarketCode(market) ? MARKETS[market].language : visitorMarket(event) };
  const { language, locale, timeZone } = MARKETS[market];
  try {
    const page = await appRouter.createCaller(createContext(event)).product.bySlugAndId({ market, slugId });
    return {
      status: 'ok',
      view: {
        productId: page.product.id,
        title: page.product.title,
        description: page.product.description,
        textLang: page.product.textLang,
        brand: page.product.brand,
        gtin: page.product.gtin,
        image: productImageView(page.product.id, page.product.images.length, 640),
        attributes: Object.entries(page.product.attributes),
        market,
        language,
        locale,
        timeZone,
        price: page.price,
        salesStopped: page.salesStopped,
        state: page.state,
        failure: page.failure,
        readAt: page.readAt,
        seo: productSeo(page),
      },
    };
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      return { status: 'not-found', language };
    console.error(`product page /${market}/p/${slugId} could not be read`, error);
    return { status: 'unavailable', language };
  }
}
