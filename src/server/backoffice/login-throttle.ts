// The login limits, free of I/O: how many attempts per address and per account, and when wrong
// passwords lock an account. Messages never say whether an e-mail belongs to an agent: the
// counters are kept per e-mail typed, known or not.
export interface LoginLimits {
  readonly maxPerIpPerMinute: number;
  readonly maxPerAccountPerMinute: number;
  readonly maxFailures: number;
  readonly lockMs: number;
}

export interface LoginCounts {
  readonly ipAttemptsThisMinute: number;
  readonly accountAttemptsThisMinute: number;
  /** Milliseconds the account stays locked; 0 when not locked. */
  readonly lockRemainingMs: number;
}

export interface LoginRefusal {
  readonly code: 'TOO_MANY_REQUESTS';
  readonly message: string;
}

export const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

export function lockedMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Too many failed sign-in attempts: this account is locked for ${minutes} minute${minutes === 1 ? '' : 's'}. Try again later or ask an admin.`;
}

/** Null when the attempt may go on to check the password. */
export function loginRefusal(counts: LoginCounts, limits: LoginLimits): LoginRefusal | null {
  if (counts.ipAttemptsThisMinute > limits.maxPerIpPerMinute || counts.accountAttemptsThisMinute > limits.maxPerAccountPerMinute) {
    return { code: 'TOO_MANY_REQUESTS', message: 'Too many sign-in attempts. Wait a minute and try again.' };
  }
  if (counts.lockRemainingMs > 0) return { code: 'TOO_MANY_REQUESTS', message: lockedMessage(counts.lockRemainingMs) };
  return null;
}

/** Whether this many failures in the window lock the account. */
export function shouldLock(failures: number, limits: LoginLimits): boolean {
  return failures >= limits.maxFailures;
}

/** E-mails compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
