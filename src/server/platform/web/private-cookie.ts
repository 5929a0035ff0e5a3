// The cookies the server alone reads (the cart, an order lookup): HttpOnly so scripts never see
// them, SameSite=Lax so another site's form cannot post with them, Secure over https.
import { setCookie, type H3Event } from 'h3';
import { requestIsHttps } from './request-client';

export function setPrivateCookie(event: H3Event, name: string, value: string, ttlMs: number): void {
  setCookie(event, name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
    secure: requestIsHttps(event),
  });
}
