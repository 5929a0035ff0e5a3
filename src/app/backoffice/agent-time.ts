// The agent's time zone, and the pipe that shows a stored time in it (time-in-zone.ts), with
// seconds where the order of events matters (the audit log, an order's timeline). The zone is the browser's; the browser leaves it in a cookie so that the
// server renders the next page in it too (the first page, before the cookie, is in UTC and is
// re-drawn in the browser's zone as soon as it loads). The shop shows its market's time instead.
import { isPlatformBrowser } from '@angular/common';
import { inject, Injectable, Pipe, PLATFORM_ID, type PipeTransform } from '@angular/core';
import { injectRequest } from '@analogjs/router/tokens';
import { agentTime, TIME_ZONE_COOKIE, timeZoneFromCookies, type TimePrecision } from '../../common/time';

const YEAR = 365 * 86_400;

@Injectable({ providedIn: 'root' })
export class AgentTimeZone {
  readonly zone: string = isPlatformBrowser(inject(PLATFORM_ID)) ? browserZone() : timeZoneFromCookies(cookieHeader(injectRequest()));
}

function cookieHeader(request: ReturnType<typeof injectRequest>): string | undefined {
  const header = request?.headers.cookie;
  return Array.isArray(header) ? header.join('; ') : header;
}

function browserZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  if (timeZoneFromCookies(document.cookie) !== zone)
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/backoffice; max-age=${YEAR}; samesite=lax`;
  return zone;
}

@Pipe({ name: 'agentTime' })
export class AgentTimePipe implements PipeTransform {
  private readonly zone = inject(AgentTimeZone).zone;

  transform(at: string, precision: TimePrecision = 'minutes'): string {
    return agentTime(at, this.zone, precision);
  }
}
