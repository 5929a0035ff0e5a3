import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';
import { withContractNonce } from './csp-nonce';

describe('security headers', () => {
  it('allow scripts from our origin or with the nonce, no framing, and HSTS only over https', () => {
    const http = securityHeaders({ nonce: 'abc', https: false });
    const csp = http['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'nonce-abc'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(http).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
    expect(http['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ nonce: 'abc', https: true })['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('puts the nonce on the build’s inline script only, not on look-alikes in page text', () => {
    const page = `<p>&lt;script type="text/javascript" id="ng-event-dispatch-contract"&gt;</p><script type="text/javascript" id="ng-event-dispatch-contract">x</script>`;
    expect(withContractNonce(page, 'n1')).toBe(
      `<p>&lt;script type="text/javascript" id="ng-event-dispatch-contract"&gt;</p><script type="text/javascript" id="ng-event-dispatch-contract" nonce="n1">x</script>`,
    );
  });
});
