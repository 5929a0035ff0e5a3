import { describe, expect, it } from 'vitest';
import { pageVerdict } from './crawl.service';

const settings = { retryBackoffMs: 1_000, blockBackoffMs: 60_000 };
const page = (status: number, html = '<html><body><h1>A product</h1></body></html>', retryAfter?: string) => ({ status, html, retryAfter });

describe('a fetched page’s verdict', () => {
  it('passes a whole page', () => {
    expect(pageVerdict(page(200), settings, 0)).toBeNull();
  });

  it('rests the whole site on 429 and 503, as long as Retry-After asks, within the block backoff', () => {
    expect(pageVerdict(page(429, '', '30'), settings, 0)).toEqual({
      failure: { kind: 'failed', reason: 'http_429' },
      retry: true,
      pauseMs: 30_000,
    });
    expect(pageVerdict(page(503, '', '3600'), settings, 0)?.pauseMs).toBe(60_000);
    expect(pageVerdict(page(503, ''), settings, 0)?.pauseMs).toBe(1_000);
  });

  it('retries a server error, gives a client error up', () => {
    expect(pageVerdict(page(502), settings, 0)).toEqual({ failure: { kind: 'failed', reason: 'http_502' }, retry: true });
    expect(pageVerdict(page(404), settings, 0)).toEqual({ failure: { kind: 'failed', reason: 'http_404' }, retry: false });
  });

  it('counts a block apart, and rests the site longer after each block in a row', () => {
    const captcha = page(200, '<html><body><form action="/errors/validateCaptcha">Enter the characters you see below</form></body></html>');
    const first = pageVerdict(captcha, settings, 0);
    expect(first?.failure.kind).toBe('blocked');
    expect(first?.retry).toBe(true);
    expect(pageVerdict(captcha, settings, 2)?.pauseMs).toBe(4 * first!.pauseMs!);
  });

  it('fetches a page cut short again instead of storing it', () => {
    expect(pageVerdict(page(200, '<html><body><h1>A prod'), settings, 0)).toEqual({
      failure: { kind: 'failed', reason: 'truncated' },
      retry: true,
    });
  });
});
