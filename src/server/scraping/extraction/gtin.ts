// GTIN (EAN/UPC) validation: cross-market identity rests on it, so a number that fails its check
// digit is dropped rather than trusted. Pure: no I/O.

/** Digits of a GTIN-8, -12, -13 or -14 whose GS1 check digit is right, or undefined. */
export function validGtin(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) value = String(value);
  if (typeof value !== 'string') return undefined;
  const digits = value.replace(/[\s-]/g, '');
  if (!/^(\d{8}|\d{12,14})$/.test(digits)) return undefined;
  if (/^0+$/.test(digits)) return undefined;
  return gtinCheckDigitOk(digits) ? digits : undefined;
}

/** GS1 mod-10: weights 3 and 1 alternating from the digit left of the check digit. */
export function gtinCheckDigitOk(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += (digits.charCodeAt(i) - 48) * weight;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/**
 * One spelling per product: the UPC-A `012345678905`, the EAN-13 `0012345678905` and the GTIN-14
 * `00012345678905` are the same item, so identity pads every GTIN to 14 digits.
 */
export function gtinKey(gtin: string): string {
  return gtin.padStart(14, '0');
}

/** The first valid GTIN among the digit runs of a table cell ("4006592532000 (EAN-13)"). */
export function gtinIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  for (const match of text.matchAll(/(?<![\d])\d[\d -]{6,16}\d(?![\d])/g)) {
    const gtin = validGtin(match[0]);
    if (gtin) return gtin;
  }
  return undefined;
}
