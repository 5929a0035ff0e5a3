// A business "no": the request was understood and cannot be done (a refund larger than what is
// left, an agent changing their own access). Services return it as a value, never throw it, so a
// caller sees every refusal in the type; tRPC turns it into an HTTP error in one place
// (src/server/trpc/trpc.ts). Faults (a database down, a bug) stay exceptions.

/** What kind of "no", which decides the HTTP status the API answers with. */
export type RefusalKind =
  /** The input breaks a rule the schema cannot express (400). */
  | 'invalid'
  /** Who asks is not signed in, or their credentials are wrong (401). */
  | 'unauthenticated'
  /** Signed in, but this is not theirs to do (403). */
  | 'forbidden'
  /** What the request names does not exist (404). */
  | 'not_found'
  /** The thing is not in a state that allows it (409): reload and decide again. */
  | 'conflict'
  /** Too many attempts; try later (429). */
  | 'rate_limited';

export interface Refusal {
  readonly ok: false;
  readonly kind: RefusalKind;
  /** For the person who asked: says what to change, in the back office's English. */
  readonly message: string;
}

/** A service's answer: what was done, or why not. */
export type Outcome<T extends object = object> = ({ readonly ok: true } & T) | Refusal;

export function refuse(kind: RefusalKind, message: string): Refusal {
  return { ok: false, kind, message };
}
