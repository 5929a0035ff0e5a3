// The four markets we buy and sell in, declared once. Everything that differs by
// country (language, number format, VAT, postal codes later) hangs off this table.
import { z } from 'zod';

export const MARKET_CODES = ['it', 'fr', 'de', 'es'] as const;

export const MarketCode = z.enum(MARKET_CODES);
export type MarketCode = z.infer<typeof MarketCode>;

export const Currency = z.enum(['EUR']);
export type Currency = z.infer<typeof Currency>;

/** The language a market's shop speaks: every text a shopper sees is in it. */
export type ShopLanguage = 'it' | 'fr' | 'de' | 'es';

export interface Market {
  readonly code: MarketCode;
  /** BCP 47 tag used for Intl formatting and `<html lang>`. */
  readonly locale: string;
  readonly language: ShopLanguage;
  readonly name: string;
  /** ISO 3166 code of the country it ships within: addresses, phone numbers. */
  readonly country: 'IT' | 'FR' | 'DE' | 'ES';
  readonly currency: Currency;
  /** Standard VAT rate in basis points (2200 = 22 %), so VAT maths stays in integers. */
  readonly vatBasisPoints: number;
  readonly timeZone: string;
  /** Amazon's id of its store in this country (SP-API's MarketplaceId). */
  readonly amazonMarketplaceId: string;
  /** eBay's id of its site in this country (the Browse API's X-EBAY-C-MARKETPLACE-ID). */
  readonly ebayMarketplaceId: string;
}

export const MARKETS: Readonly<Record<MarketCode, Market>> = {
  it: {
    code: 'it',
    country: 'IT',
    locale: 'it-IT',
    language: 'it',
    name: 'Italia',
    currency: 'EUR',
    vatBasisPoints: 2200,
    timeZone: 'Europe/Rome',
    amazonMarketplaceId: 'APJ6JRA9NG5V4',
    ebayMarketplaceId: 'EBAY_IT',
  },
  fr: {
    code: 'fr',
    country: 'FR',
    locale: 'fr-FR',
    language: 'fr',
    name: 'France',
    currency: 'EUR',
    vatBasisPoints: 2000,
    timeZone: 'Europe/Paris',
    amazonMarketplaceId: 'A13V1IB3VIYZZH',
    ebayMarketplaceId: 'EBAY_FR',
  },
  de: {
    code: 'de',
    country: 'DE',
    locale: 'de-DE',
    language: 'de',
    name: 'Deutschland',
    currency: 'EUR',
    vatBasisPoints: 1900,
    timeZone: 'Europe/Berlin',
    amazonMarketplaceId: 'A1PA6795UKMFR9',
    ebayMarketplaceId: 'EBAY_DE',
  },
  es: {
    code: 'es',
    country: 'ES',
    locale: 'es-ES',
    language: 'es',
    name: 'España',
    currency: 'EUR',
    vatBasisPoints: 2100,
    timeZone: 'Europe/Madrid',
    amazonMarketplaceId: 'A1RKKUPIHCS9HS',
    ebayMarketplaceId: 'EBAY_ES',
  },
};

export function market(code: MarketCode): Market {
  return MARKETS[code];
}

export function isMarketCode(value: unknown): value is MarketCode {
  return MarketCode.safeParse(value).success;
}
