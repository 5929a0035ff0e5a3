// Amounts in the back office: what an agent types ("12.34", "12,34", "12") to integer cents, and
// cents back to "€12.34" (common/money's, which the server's messages use too). Floats never
// carry the money, so the digits are read as text.
export { formatEuroCents } from '../../common/money';
export function parseEuroCents(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}
