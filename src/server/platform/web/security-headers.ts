// The headers every response carries (pages, API, images, errors). Pure.
//
// The pages run under a strict Content-Security-Policy: scripts only from our origin or inline
// with the response's nonce (Angular's event-replay scripts; csp-nonce.ts), nothing framed,
// nothing posted elsewhere. Styles: the built pages have one stylesheet from our origin and no
// inline style (no component declares styles, no template binds a style attribute), so
// style-src is 'self' plus the nonce Angular gives any <style> it would add; 'unsafe-inline'
// is left out because injected markup could then restyle the page (hide or overlay text).
// JSON blocks (TransferState, JSON-LD) are data, never run, so the policy does not concern them.

export interface SecurityHeaderOptions {
  /** Per response, unguessable; allows the inline scripts that carry it. */
  readonly nonce: string;
  /** PUBLIC_URL is https: browsers are told to keep to https (HSTS) and upgrade stray http URLs. */
  readonly https: boolean;
}

export function contentSecurityPolicy({ nonce, https }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    // For browsers that predate frame-ancestors.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Nothing here uses these; a script that got in cannot either.
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    // Our images are for our pages; other sites may not embed them through a victim's browser.
    'cross-origin-resource-policy': 'same-origin',
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
