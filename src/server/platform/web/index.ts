// The HTTP edge shared by every route: who the client is behind our proxies, how large a
// request may be, the security headers of every response and the error answers.
export * from './forwarded';
export * from './request-client';
export * from './request-body.service';
export * from './request-id';
export * from './security-headers';
export * from './csp-nonce';
export * from './request-event';
export * from './error-texts';
export * from './error-response';
export * from './private-cookie';
