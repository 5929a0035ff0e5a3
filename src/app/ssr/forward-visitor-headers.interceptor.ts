// During the server render, Analog fetches each page's `.server.ts` load with an internal
// request that carries none of the visitor's headers, so the load would see every visitor as
// signed out, speaking no language. This hands the visitor's cookies and languages to requests
// for this same site, and only to them (Analog's interceptor, next in the chain, serves those
// in-process).
import type { HttpInterceptorFn } from '@angular/common/http';
import { injectBaseURL, injectRequest } from '@analogjs/router/tokens';

const FORWARDED = ['cookie', 'accept-language'] as const;

export const forwardVisitorHeadersInterceptor: HttpInterceptorFn = (req, next) => {
  const headers = injectRequest()?.headers;
  const base = injectBaseURL();
  const sameSite = (req.url.startsWith('/') && !req.url.startsWith('//')) || (!!base && req.url.startsWith(`${base}/`));
  if (!headers || !sameSite) return next(req);
  const setHeaders: Record<string, string> = {};
  for (const name of FORWARDED) {
    const value = headers[name];
    if (typeof value === 'string') setHeaders[name] = value;
  }
  return next(req.clone({ setHeaders }));
};
