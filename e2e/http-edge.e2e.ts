// The HTTP edge as a browser and a hostile client meet it (issue 15): security headers on every
// kind of response, the sign-in page unframeable, body limits answered 413 before anything is
// stored, forwarding headers from strangers ignored, odd paths never a 500, and the back office's
// unknown addresses a 404 in English. CSP violations on any page fail every test (fixtures/test.ts).
import { request as httpRequest } from 'node:http';
import { newId } from '../src/common/ids';
import { withE2eRuntime } from './fixtures/e2e-runtime';
import { expect, test } from './fixtures/test';

const base = () => new URL(process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1');

/** A raw request: the path exactly as written, a body sent in chunks when asked (no Content-Length). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; chunks?: Buffer[] } = {}) {
  const url = base();
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res
          .on('data', (c: Buffer) => parts.push(c))
          .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString() }));
      },
    );
    // The server may answer and close before the whole body is sent: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

test('every kind of response carries the security headers', async ({ request }) => {
  const responses = await Promise.all([
    request.get('/it'),
    request.get('/backoffice/login'),
    request.get('/api/health'),
    request.get('/api/trpc/system.status'),
    request.get('/images/000000000000000000000000/0.webp?w=320'),
    request.get('/favicon.ico'),
    request.get('/it/nothing-here'),
    request.get('/sitemap.xml'),
  ]);
  for (const response of responses) {
    const headers = response.headers();
    const where = `${response.url()} (${response.status()})`;
    expect(headers['content-security-policy'], where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers['content-security-policy'], where).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], where).not.toContain('unsafe-inline');
    expect(headers['x-frame-options'], where).toBe('DENY');
    expect(headers['x-content-type-options'], where).toBe('nosniff');
    expect(headers['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], where).toContain('camera=()');
    expect(headers['x-request-id'], where).toMatch(/^[\w-]{12}$/);
  }
  // A new nonce for every response, and the page's inline scripts carry the one of its header.
  const page = responses[1]!;
  const nonce = /'nonce-([^']+)'/.exec(page.headers()['content-security-policy']!)![1];
  const inline = [...(await page.text()).matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:json|ld\+json)")[^>]*>/g)].map(
    (m) => m[0],
  );
  expect(inline.length).toBeGreaterThan(0);
  for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
  expect(responses[0]!.headers()['content-security-policy']).not.toContain(`nonce-${nonce}`);
});

test('another site cannot frame the back-office sign-in', async ({ page, cspViolations }) => {
  await page.setContent(`<iframe src="${base().origin}/backoffice/login" width="600" height="400"></iframe>`);
  await expect.poll(() => cspViolations.some((v) => /frame-ancestors/.test(v))).toBe(true);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(await frame?.locator('#password').count()).toBe(0);
  // Expected here: the refusal is what this test is about.
  cspViolations.splice(0);
});

test('a checkout form above the body limit is refused with 413 in the shopper’s language, before it is read', async () => {
  const answer = await raw('/api/checkout/de', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(16 * 1024 * 1024) },
    chunks: [Buffer.from(`name=${'a'.repeat(1024)}`)],
  });
  expect(answer.status).toBe(413);
  expect(answer.body).toContain('<html lang="de">');
  expect(answer.body).toContain('Das gesendete Formular ist zu groß');
});

test('a body sent in chunks is cut off at the limit too, and tRPC answers 413 in its own shape', async () => {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  const answer = await raw('/api/trpc/backoffice.auth.login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', origin: base().origin },
    chunks: Array.from({ length: 8 }, () => chunk),
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ error: { data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } });
});

test('an over-long checkout field with a made-up cart is refused with 413 and nothing of it is stored', async ({ request }) => {
  const cartId = newId(26);
  const response = await request.post('/api/checkout/it', {
    headers: { cookie: `ds_cart=${cartId}` },
    form: { name: 'x'.repeat(10_000), email: 'a@example.com', idempotencyKey: 'k' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('Il modulo inviato è troppo grande');
  expect(await withE2eRuntime((rt) => rt.redis.exists(`ds:checkout-flash:${cartId}:it`))).toBe(0);
});

test('forwarding headers from a client that is not our proxy change nothing', async ({ request }) => {
  const response = await request.post('/api/cart/it', {
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', forwarded: 'proto=https;host=evil.example' },
    form: { intent: 'update' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const cookie = response.headers()['set-cookie'] ?? '';
  expect(cookie).toMatch(/ds_cart=/);
  // Over plain http, whatever the client claims: a Secure cookie would never come back.
  expect(cookie).not.toMatch(/;\s*Secure/i);
  expect(response.headers()['location']).toBe('/it/cart');
  expect(response.headers()['strict-transport-security']).toBeUndefined();
});

test('a path that starts with two slashes stays on this site and never fails', async () => {
  for (const path of ['//evil.example/', '//evil.example/it?x=1', '/\\evil.example/']) {
    const answer = await raw(path);
    expect(answer.status, path).toBe(301);
    expect(answer.headers['location'], path).toMatch(/^\/evil\.example\//);
  }
  const followed = await raw('/evil.example/', { headers: { accept: 'text/html' } });
  expect(followed.status).toBe(404);
  expect((await raw('/it', { headers: { host: 'a b' } })).status).toBe(400);
});

test('unknown back-office addresses answer 404 with an English page', async ({ page }) => {
  for (const path of ['/backoffice/orders', '/backoffice/nonsense', '/backoffice/orders/x/y']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByTestId('backoffice-not-found'), path).toContainText('Page not found');
  }
});
