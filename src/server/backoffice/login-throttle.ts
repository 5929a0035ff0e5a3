// The login limits, free of I/O. Messages never say whether an e-mail belongs to an agent: the
// counters are kept per e-mail typed, known or not.
//
// Following OWASP's Authentication Cheat Sheet (account lockout without handing attackers a
// way to lock users out):
// - wrong passwords lock an e-mail *for the address they came from*: LOGIN_MAX_FAILURES from one
//   address lock that e-mail there for LOGIN_LOCK_MS, and nowhere else, so five requests from
//   anywhere no longer keep the admin out of their own account;
// - a guesser spreading over many addresses meets a delay on the account that grows with its
//   failures from every address together: past LOGIN_MAX_FAILURES, each further failure makes
//   the account wait 1 s, 2 s, 4 s … up to LOGIN_ACCOUNT_DELAY_MAX_MS before the next guess, so
//   the attack is slowed to one guess per that delay whatever the number of addresses;
// - an address the agent has signed in from before is exempt from that delay (a known client,
//   as OWASP's device-cookie scheme has it), so the attack cannot keep them out either;
// - and every address is held to LOGIN_MAX_PER_IP_PER_MINUTE attempts, whatever the e-mails.
import { refuse, type Refusal } from '../platform/refusal';
export interface LoginLimits {
  readonly maxPerIpPerMinute: number;
  readonly maxFailures: number;
  readonly lockMs: number;
  readonly accountDelayMaxMs: number;
}

export interface LoginCounts {
  readonly ipAttemptsThisMinute: number;
  /** Milliseconds this e-mail stays locked for this address; 0 when not locked. */
  readonly lockRemainingMs: number;
  /** Milliseconds the account's growing delay still holds guesses back; 0 when none. */
  readonly accountWaitRemainingMs: number;
  /** The agent signed in from this address before: the account delay does not apply to it. */
  readonly knownAddress: boolean;
}

export const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

export function lockedMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Too many failed sign-in attempts from here: this account is locked for ${minutes} minute${minutes === 1 ? '' : 's'} on this connection. Try again later or ask an admin.`;
}

export function accountWaitMessage(remainingMs: number): string {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return `Too many failed sign-in attempts on this account: wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`;
}

/** Null when the attempt may go on to check the password. */
export function loginRefusal(counts: LoginCounts, limits: LoginLimits): Refusal | null {
  if (counts.ipAttemptsThisMinute > limits.maxPerIpPerMinute) {
    return refuse('rate_limited', 'Too many sign-in attempts. Wait a minute and try again.');
  }
  if (counts.lockRemainingMs > 0) return refuse('rate_limited', lockedMessage(counts.lockRemainingMs));
  if (counts.accountWaitRemainingMs > 0 && !counts.knownAddress) {
    return refuse('rate_limited', accountWaitMessage(counts.accountWaitRemainingMs));
  }
  return null;
}

/** Whether this many failures from one address in the window lock the e-mail for that address. */
export function shouldLock(failuresFromAddress: number, limits: LoginLimits): boolean {
  return failuresFromAddress >= limits.maxFailures;
}

/** The wait an account's failures (from all addresses, in the window) impose before its next guess. */
export function accountDelayMs(accountFailures: number, limits: LoginLimits): number {
  if (accountFailures < limits.maxFailures) return 0;
  // 2^n overflows to Infinity long before it matters; the cap applies either way.
  return Math.min(limits.accountDelayMaxMs, 1000 * 2 ** (accountFailures - limits.maxFailures));
}

/** E-mails compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
