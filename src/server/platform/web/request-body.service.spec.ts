import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hasBody, readBodyWithin } from './request-body.service';

function request(headers: Record<string, string>): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

describe('request bodies within a limit', () => {
  it('refuses a body that announces more than the limit without reading a byte', async () => {
    const req = request({ 'content-length': '1000001' });
    expect(await readBodyWithin(req, 1_000_000)).toEqual({ ok: false, receivedBytes: 0 });
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    const req = request({ 'transfer-encoding': 'chunked' });
    const read = readBodyWithin(req, 10);
    req.write(Buffer.alloc(8));
    req.write(Buffer.alloc(8));
    // Never ended by the sender: the answer does not wait for the rest.
    expect(await read).toEqual({ ok: false, receivedBytes: 16 });
  });

  it('says so when the client goes away before the end of its body, instead of waiting for ever', async () => {
    const req = request({ 'content-length': '100' });
    const read = readBodyWithin(req, 1000);
    req.write(Buffer.alloc(10));
    req.destroy();
    expect(await read).toEqual({ ok: false, cutOff: true });
  });

  it('hands back a body within the limit whole', async () => {
    const req = request({ 'content-length': '5' });
    const read = readBodyWithin(req, 10);
    req.end(Buffer.from('a=b&c'));
    expect(await read).toEqual({ ok: true, body: Buffer.from('a=b&c') });
    expect(hasBody(req)).toBe(true);
    expect(hasBody(request({}))).toBe(false);
  });
});
