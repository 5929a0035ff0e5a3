// GTIN-13 (EAN) check digits for the simulated catalog. The simulator is an outside system, so it
// carries its own rule rather than the application's: a bug in one must not hide a bug in the other.

/** The GS1 check digit of a GTIN body (12 digits for GTIN-13): weights 3 and 1 from the right. */
export function gtinCheckDigit(body: string): number {
  if (!/^\d+$/.test(body)) throw new Error(`a GTIN body is digits only, got ${JSON.stringify(body)}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin13(gtin: string): boolean {
  return /^\d{13}$/.test(gtin) && gtinCheckDigit(gtin.slice(0, 12)) === Number(gtin[12]);
}

/** GTIN-13 from a 3-digit GS1 prefix and a number below 10^9 that makes it unique. */
export function gtin13(prefix: number, unique: number): string {
  if (!Number.isInteger(unique) || unique < 0 || unique >= 1e9) throw new Error(`GTIN serial out of range: ${unique}`);
  const body = String(prefix).padStart(3, '0') + String(unique).padStart(9, '0');
  return body + String(gtinCheckDigit(body));
}
