// The shop's account that bank-transfer orders are paid to, from the BANK_* settings: shown to
// the shopper on the confirmation and status pages and in the confirmation message, with the
// order number as the payment reference. Pure.
import type { Config } from '../platform/config';

/** The shop's account that bank transfers are paid to (BANK_* settings). */
export interface BankAccount {
  readonly beneficiary: string;
  /** Without spaces; pages print it in groups of four. */
  readonly iban: string;
  readonly bic: string;
}

export function bankAccountOf(config: Pick<Config, 'BANK_BENEFICIARY' | 'BANK_IBAN' | 'BANK_BIC'>): BankAccount {
  return { beneficiary: config.BANK_BENEFICIARY, iban: config.BANK_IBAN, bic: config.BANK_BIC };
}

/** "IT60X0542811101000000123456" → "IT60 X054 2811 1010 0000 0123 456", as banks print it. */
export function groupedIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
