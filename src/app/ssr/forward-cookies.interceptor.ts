// During the server render, Analog fetches each page's `.server.ts` load with an internal
// request that carries none of the visitor's headers, so the load would see every visitor as
// signed out. This hands the visitor's cookies to requests for this same site, and only to them
// (Analog's interceptor, next in the chain, serves those in-process).
import type { HttpInterceptorFn } from '@angular/common/http';
import { injectBaseURL, injectRequest } from '@analogjs/router/tokens';

export const forwardCookiesInterceptor: HttpInterceptorFn = (req, next) => {
  const cookie = injectRequest()?.headers.cookie;
  const base = injectBaseURL();
  const sameSite = (req.url.startsWith('/') && !req.url.startsWith('//')) || (!!base && req.url.startsWith(`${base}/`));
  return cookie && sameSite ? next(req.clone({ setHeaders: { cookie } })) : next(req);
};
