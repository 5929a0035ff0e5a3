import { describe, expect, it } from 'vitest';
import { errorAnswer, type FailedRequest } from './error-response';

const request = (over: Partial<FailedRequest>): FailedRequest => ({
  method: 'GET',
  url: '/',
  contentType: undefined,
  accept: undefined,
  acceptLanguage: undefined,
  requestId: 'req-123',
  ...over,
});

describe('error answers', () => {
  it('says a shop form was too large in the language of its market', () => {
    const answer = errorAnswer(request({ method: 'POST', url: '/api/checkout/de', contentType: 'application/x-www-form-urlencoded' }), {
      statusCode: 413,
      message: 'x',
    });
    expect(answer).toMatchObject({ statusCode: 413, contentType: expect.stringMatching(/text\/html/) });
    expect(answer.body).toContain('<html lang="de">');
    expect(answer.body).toContain('Das gesendete Formular ist zu groß');
    expect(answer.body).toContain('href="/de"');
  });

  it('never tells the client a server fault’s message, only the request id', () => {
    const page = errorAnswer(request({ url: '/fr/p/x--1', accept: 'text/html' }), {
      statusCode: 500,
      message: 'connect ECONNREFUSED mongodb://admin:secret@db',
    });
    expect(page.body).not.toMatch(/secret|ECONNREFUSED/);
    expect(page.body).toContain('req-123');
    expect(page.body).toContain('Une erreur est survenue');
    const api = JSON.parse(errorAnswer(request({ url: '/api/ready' }), { statusCode: 503, message: 'redis://u:p@h' }).body);
    expect(api).toEqual({ statusCode: 503, message: 'Something went wrong. Reference: req-123', requestId: 'req-123' });
  });

  it('answers in English under /backoffice, in tRPC’s shape (one per batched procedure) under /api/trpc', () => {
    expect(errorAnswer(request({ url: '/backoffice/x', accept: 'text/html' }), { statusCode: 404, message: undefined }).body).toContain(
      'Page not found',
    );
    const batch = JSON.parse(
      errorAnswer(request({ method: 'POST', url: '/api/trpc/a.b,c.d?batch=1' }), { statusCode: 413, message: 'too big' }).body,
    );
    expect(batch).toHaveLength(2);
    expect(batch[1].error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413, path: 'c.d' });
  });

  it('escapes a client error’s words in HTML', () => {
    const answer = errorAnswer(request({ url: '/it/x', accept: 'text/html' }), { statusCode: 400, message: '<script>x</script>' });
    expect(answer.body).not.toContain('<script>');
  });
});
