// The answer to a request that failed, free of I/O: HTML in the shopper's language for what a
// browser shows (a shop form post, a page), English HTML under /backoffice, tRPC's error shape
// for /api/trpc, plain JSON for the other APIs. A client error (4xx) says what was wrong in our
// own words; a server error (5xx) never says more than that it failed, with the request id
// that finds its log line.
import { isMarketCode, type MarketCode, marketForLanguages } from '../../../common/markets';
import { ERROR_TEXTS, type ErrorLanguage, type ErrorTexts } from './error-texts';

export interface FailedRequest {
  readonly method: string;
  /** Path and query, as received. */
  readonly url: string;
  readonly contentType: string | undefined;
  readonly accept: string | undefined;
  readonly acceptLanguage: string | undefined;
  readonly requestId: string;
}

export interface FailureFacts {
  readonly statusCode: number;
  /** Our own words for a client error, e.g. "productId: expected a product id"; ignored for 5xx. */
  readonly message: string | undefined;
}

export interface ErrorAnswer {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? '/';
}

/** The market a path names in any segment (`/it/cart`, `/api/checkout/fr`), or null. */
function marketInPath(path: string): MarketCode | null {
  return path.split('/').find((segment) => isMarketCode(segment)) ?? null;
}

type Audience = { readonly kind: 'trpc' } | { readonly kind: 'json' } | { readonly kind: 'html'; readonly language: ErrorLanguage };

function audienceOf(request: FailedRequest): Audience {
  const path = pathOf(request.url);
  if (path.startsWith('/api/trpc')) return { kind: 'trpc' };
  const isForm = request.method === 'POST' && FORM_TYPES.test(request.contentType ?? '');
  const wantsHtml = /\btext\/html\b/i.test(request.accept ?? '');
  if (path === '/backoffice' || path.startsWith('/backoffice/'))
    return wantsHtml || isForm ? { kind: 'html', language: 'en' } : { kind: 'json' };
  if (isForm || (wantsHtml && !path.startsWith('/api/')))
    return { kind: 'html', language: marketInPath(path) ?? marketForLanguages(request.acceptLanguage) };
  return { kind: 'json' };
}

function title(texts: ErrorTexts, statusCode: number): string {
  if (statusCode === 413) return texts.tooLarge;
  if (statusCode === 404) return texts.notFound;
  if (statusCode >= 500) return texts.failed;
  return texts.badRequest;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function html(language: ErrorLanguage, facts: FailureFacts, requestId: string): string {
  const texts = ERROR_TEXTS[language];
  const heading = title(texts, facts.statusCode);
  const detail =
    facts.statusCode >= 500
      ? `<p>${escapeHtml(texts.failedHint)}</p><p><code data-testid="request-id">${escapeHtml(requestId)}</code></p>`
      : facts.statusCode === 413
        ? `<p>${escapeHtml(texts.tooLargeHint)}</p>`
        : facts.message
          ? `<p><code>${escapeHtml(facts.message)}</code></p>`
          : '';
  const home = language === 'en' ? '/backoffice' : `/${language}`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(heading)}</title></head>
<body><main><h1>${escapeHtml(heading)}</h1>${detail}<p><a href="${home}">${escapeHtml(texts.back)}</a></p></main></body></html>
`;
}

/** tRPC's error envelope, one per procedure of a batch (`/api/trpc/a,b?batch=1`), so its client reads the failure. */
function trpcBody(request: FailedRequest, statusCode: number, message: string): string {
  const code =
    statusCode === 413
      ? 'PAYLOAD_TOO_LARGE'
      : statusCode === 404
        ? 'NOT_FOUND'
        : statusCode >= 500
          ? 'INTERNAL_SERVER_ERROR'
          : 'BAD_REQUEST';
  const jsonRpcCode = statusCode === 413 ? -32_013 : statusCode === 404 ? -32_004 : statusCode >= 500 ? -32_603 : -32_600;
  const [path = '', query = ''] = request.url.split('?', 2);
  const procedures = decodeURIComponent(path.replace(/^\/api\/trpc\/?/, '')).split(',');
  const one = (procedure: string) => ({ error: { message, code: jsonRpcCode, data: { code, httpStatus: statusCode, path: procedure } } });
  return JSON.stringify(new URLSearchParams(query).get('batch') === '1' ? procedures.map(one) : one(procedures[0] ?? ''));
}

/** What a client reads of a fault of ours: that it failed, and the id of the request in the logs. */
export function internalErrorMessage(requestId: string): string {
  return `${ERROR_TEXTS.en.failed}. ${ERROR_TEXTS.en.reference}: ${requestId}`;
}

export function errorAnswer(request: FailedRequest, facts: FailureFacts): ErrorAnswer {
  const statusCode = facts.statusCode >= 400 && facts.statusCode <= 599 ? facts.statusCode : 500;
  const audience = audienceOf(request);
  if (audience.kind === 'html')
    return {
      statusCode,
      contentType: 'text/html; charset=utf-8',
      body: html(audience.language, { ...facts, statusCode }, request.requestId),
    };
  const en = ERROR_TEXTS.en;
  const message =
    statusCode >= 500
      ? internalErrorMessage(request.requestId)
      : statusCode === 413
        ? `${en.tooLarge}${facts.message ? `: ${facts.message}` : ''}`
        : (facts.message ?? title(en, statusCode));
  if (audience.kind === 'trpc') return { statusCode, contentType: 'application/json', body: trpcBody(request, statusCode, message) };
  return { statusCode, contentType: 'application/json', body: JSON.stringify({ statusCode, message, requestId: request.requestId }) };
}
