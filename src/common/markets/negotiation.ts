// Which market a visitor to `/` lands in, from the languages their browser asks for
// (Accept-Language, by preference weight). Pure.
import { MARKET_CODES, MARKETS, type MarketCode } from './markets';

/**
 * Where a visitor whose languages we do not sell in lands: Italy, the first market of the table.
 * A shop at once, which the market switcher on every page changes in one click, rather than a
 * country chooser that would cost every such visitor an extra step.
 */
export const DEFAULT_MARKET: MarketCode = MARKET_CODES[0];

interface Preference {
  readonly language: string;
  readonly weight: number;
  readonly order: number;
}

function preferences(header: string): Preference[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined ? 1 : Number(q);
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((p) => p.language !== '' && p.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
}

/** The market of the most preferred language we sell in; the default market when none is. */
export function marketForLanguages(acceptLanguage: string | undefined): MarketCode {
  for (const { language } of preferences(acceptLanguage ?? '')) {
    const match = MARKET_CODES.find((code) => MARKETS[code].language === language);
    if (match) return match;
  }
  return DEFAULT_MARKET;
}
