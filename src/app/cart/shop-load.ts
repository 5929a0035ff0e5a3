// What the cart, checkout and order pages' server loads answer, and how a page applies it:
// the market's language and formats (prepared on the server, so the browser bundle needs
// no server module), and 404 for an unknown market or 503 when the database is down.
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { injectResponse } from '@analogjs/router/tokens';
import type { MarketCode, ShopLanguage } from '../../common/markets';
import { formatMoney } from '../../common/money';
import { CART_TEXTS, type CartTexts } from './cart-texts';

export interface ShopContext {
  readonly market: MarketCode;
  readonly language: ShopLanguage;
  readonly locale: string;
  readonly timeZone: string;
}

export type ShopLoad<T> =
  | { readonly status: 'ok'; readonly shop: ShopContext; readonly data: T }
  | { readonly status: 'not-found' | 'unavailable'; readonly shop: ShopContext };

/** Call in a page's constructor: sets `<html lang>`, the title and the HTTP status; returns the texts. */
export function applyShopLoad(load: ShopLoad<unknown>, title: (t: CartTexts) => string): CartTexts {
  const t = CART_TEXTS[load.shop.language];
  inject(DOCUMENT).documentElement.lang = load.shop.language;
  inject(Title).setTitle(`${title(t)} · DigitalSales`);
  const response = injectResponse();
  if (response && load.status !== 'ok') response.statusCode = load.status === 'not-found' ? 404 : 503;
  return t;
}

export function money(cents: number, shop: ShopContext): string {
  return formatMoney({ amountCents: cents, currency: 'EUR' }, shop.locale);
}
