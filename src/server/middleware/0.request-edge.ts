// Runs before the other middleware (Nitro orders them by file name):
// - a path that starts with two slashes (`//evil.example/`) is a path on this site, not another
//   host: answered with a redirect to the same path with one slash, never to the other host,
//   and never handed to the page renderer, which reads it as a host and fails;
// - a Host header that names no host is a 400 (URL helpers would throw on it: a 500); a request
//   without one (HTTP/1.0) is taken as addressed to PUBLIC_URL;
// - a request body larger than REQUEST_BODY_MAX_BYTES is refused with 413 before it is read
//   whole; a smaller one is read here and handed to the route as already received.
import { createError, defineEventHandler, sendRedirect, setResponseHeader } from 'h3';
import { loadConfig } from '../platform/config';
import { hasBody, readBodyWithin } from '../platform/web';

const VALID_HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export default defineEventHandler(async (event) => {
  const url = event.node.req.url ?? '/';
  if (/^[/\\]{2}/.test(url)) return sendRedirect(event, url.replace(/^[/\\]+/, '/'), 301);
  const req = event.node.req;
  const config = loadConfig();
  if (req.headers.host === undefined) req.headers.host = new URL(config.PUBLIC_URL).host;
  else if (!VALID_HOST.test(req.headers.host))
    throw createError({ statusCode: 400, statusMessage: 'Host: expected a host name, with a port or not' });
  if (!hasBody(req)) return;
  const limit = config.REQUEST_BODY_MAX_BYTES;
  const read = await readBodyWithin(req, limit);
  if (!read.ok && 'cutOff' in read)
    throw createError({ statusCode: 400, statusMessage: 'the request body ended before its announced end' });
  if (!read.ok) {
    // The rest of the body is not read: the connection closes after the answer.
    setResponseHeader(event, 'connection', 'close');
    throw createError({ statusCode: 413, statusMessage: `the request body is larger than ${limit} bytes` });
  }
  // h3 (readBody, and the Web Request tRPC reads) takes a body already received from here.
  (req as typeof req & { rawBody?: Buffer }).rawBody = read.body;
});
