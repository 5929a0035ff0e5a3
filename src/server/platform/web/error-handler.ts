// Nitro's error handler (vite.config.ts): every error a route, middleware or page render lets
// escape ends here. A server error is logged with the request id and answered without its
// message or stack; a client error in our own words (error-response.ts).
import { STATUS_CODES } from 'node:http';
import { getRequestHeader, send, setResponseHeader, setResponseStatus, type H3Error } from 'h3';
import { defineNitroErrorHandler } from 'nitropack/runtime';
import { errorAnswer } from './error-response';
import { requestIdOf } from './request-id';

export default defineNitroErrorHandler((error: H3Error, event) => {
  const requestId = requestIdOf(event);
  const statusCode = error.statusCode ?? 500;
  if (statusCode >= 500) console.error(`[request ${requestId}] ${event.method} ${event.path} failed:`, error.cause ?? error);
  const answer = errorAnswer(
    {
      method: event.method,
      url: event.path,
      contentType: getRequestHeader(event, 'content-type'),
      accept: getRequestHeader(event, 'accept'),
      acceptLanguage: getRequestHeader(event, 'accept-language'),
      requestId,
    },
    // An unhandled error's message is the exception's own text: never the client's to read.
    { statusCode, message: error.unhandled ? undefined : error.statusMessage },
  );
  // The standard reason phrase: an error's own status message must not reach the status line either.
  setResponseStatus(event, answer.statusCode, STATUS_CODES[answer.statusCode] ?? 'Error');
  setResponseHeader(event, 'content-type', answer.contentType);
  setResponseHeader(event, 'cache-control', 'no-store');
  return send(event, answer.body);
});
