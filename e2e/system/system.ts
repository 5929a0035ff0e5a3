// What the system suite's journeys share: where the platform runs (set by the global setup), the
// shop's words in each market (the shop's own text tables, so a journey reads what a shopper
// reads), the listing's product links, and the simulator's control API.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { SCREENSHOT_DIR } from '../../infra/local/paths';
import type { MarketCode } from '../../src/common/markets';
import { CART_TEXTS } from '../../src/app/cart/cart-texts';
import { PRODUCT_PAGE_TEXTS } from '../../src/app/product-page/product-page-texts';
import { SHOP_TEXTS } from '../../src/app/shop/shop-texts';
import { gotoHydrated } from '../fixtures/hydrated';

function setting(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: the system suite's global setup sets it (npx playwright test -c playwright.system.config.ts)`);
  return value;
}

export const system = {
  controlUrl: () => setting('SYSTEM_SIMULATOR_CONTROL_URL'),
  admin: () => ({ email: setting('SYSTEM_ADMIN_EMAIL'), password: setting('SYSTEM_ADMIN_PASSWORD') }),
  /** When the last discovery crawl finished: no scraped price was checked after it. */
  catalogAt: () => new Date(setting('SYSTEM_CATALOG_AT')),
};

/** The shop's words in a market, from the tables the pages render. */
export function wordsOf(market: MarketCode) {
  return { shop: SHOP_TEXTS[market], cart: CART_TEXTS[market], product: PRODUCT_PAGE_TEXTS[market] };
}

export interface ListedProduct {
  readonly href: string;
  readonly title: string;
}

/** Opens the market's home listing and returns the products it links to, in order, once each. */
export async function listedProducts(page: Page, market: MarketCode): Promise<ListedProduct[]> {
  await gotoHydrated(page, `/${market}`);
  const results = page.getByRole('list', { name: wordsOf(market).shop.results });
  await expect(results.getByRole('listitem').first()).toBeVisible();
  // A card may link its picture and its title to the product: the title is the link with text.
  const listed = await results.getByRole('listitem').evaluateAll((items) =>
    items.map((item) => {
      const link = Array.from(item.querySelectorAll('a[href]')).find((a) => a.textContent?.trim());
      return { href: link?.getAttribute('href') ?? '', title: link?.textContent?.trim() ?? '' };
    }),
  );
  return listed.filter((p, i) => p.href && listed.findIndex((q) => q.href === p.href) === i);
}

/** Saves a screenshot for the README (see SCREENSHOT_DIR). */
export async function screenshot(page: Page, name: 'shop' | 'backoffice' | 'matches'): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** A price as the shop writes it ("1.234,56 €", "1 234,56 €") in cents. */
export function centsOf(text: string): number {
  const digits = text.replace(/[^\d]/g, '');
  if (!/[.,]\d{2}\s*€?\s*$/.test(text.trim()) || digits === '') throw new Error(`not a price with cents: ${JSON.stringify(text)}`);
  return Number(digits);
}

async function control(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${system.controlUrl()}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`simulator control API ${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A simulator product as its control API describes it (the fields the journeys use). */
export interface SimProduct {
  readonly market: MarketCode;
  readonly sourceId: string;
  readonly gtin: string;
  readonly title: string;
  readonly offer: { readonly priceCents: number; readonly availability: 'in_stock' | 'out_of_stock' };
  readonly siblings: Readonly<Partial<Record<MarketCode, { readonly sourceId: string }>>>;
}

export const simulator = {
  async products(market: MarketCode): Promise<SimProduct[]> {
    const { productsPerMarket } = (await control('')) as { productsPerMarket: number };
    return Promise.all(
      Array.from({ length: productsPerMarket }, (_, index) => control(`/markets/${market}/products?index=${index}`) as Promise<SimProduct>),
    );
  },
  product: (market: MarketCode, sourceId: string) => control(`/markets/${market}/products/${sourceId}`) as Promise<SimProduct>,
  patchProduct: (market: MarketCode, sourceId: string, patch: { priceCents?: number }) =>
    control(`/markets/${market}/products/${sourceId}`, { method: 'PATCH', body: JSON.stringify(patch) }) as Promise<SimProduct>,
  /** Moves the simulator's clock: its offers drift and its supplier orders ship and arrive by it. */
  advanceClock: (advanceMs: number) => control('/clock', { method: 'POST', body: JSON.stringify({ advanceMs }) }),
};
