// A stored time (UTC) as the back office shows it: in a time zone, with the zone named
// (`2026-12-07 15:05 CET`), and where a calendar day of a zone starts. Pure: the server's
// filters, the pages, the chart and the browser tests share it.
export const TIME_ZONE_COOKIE = 'bo_tz';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone a `Cookie` header names, if it names a real one; else UTC. */
export function timeZoneFromCookies(header: string | undefined): string {
  const raw = header?.match(new RegExp(`(?:^|;\\s*)${TIME_ZONE_COOKIE}=([^;]+)`))?.[1];
  if (!raw) return 'UTC';
  try {
    const zone = decodeURIComponent(raw);
    return isTimeZone(zone) ? zone : 'UTC';
  } catch {
    return 'UTC';
  }
}

export type TimePrecision = 'minutes' | 'seconds' | 'day';

/** `2026-12-07 15:05 CET`; `day` gives the date alone, in that zone. */
export function agentTime(at: string | number | Date, zone: string, precision: TimePrecision = 'minutes'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  if (precision === 'day') return day;
  const clock = precision === 'seconds' ? `${part('hour')}:${part('minute')}:${part('second')}` : `${part('hour')}:${part('minute')}`;
  return `${day} ${clock} ${part('timeZoneName')}`;
}

/** How far `zone`'s wall clock is ahead of UTC at `instant`, in ms. */
function zoneOffsetMs(zone: string, instant: number): number {
  const [day, clock] = agentTime(instant, zone, 'seconds').split(' ');
  return Date.parse(`${day}T${clock}Z`) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a calendar day (`2026-12-07`) starts in `zone`. Asked twice because the offset at
 * the first guess can differ from the offset at the day's start across a change of clocks.
 */
export function zonedDayStart(day: string, zone: string): Date {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  const guess = midnightUtc - zoneOffsetMs(zone, midnightUtc);
  return new Date(midnightUtc - zoneOffsetMs(zone, guess));
}
