// A filter's "from" and "to" days, read as whole days of the agent's time zone: what an agent in
// Rome means by "7 December" starts at 23:00 UTC the evening before.
import { z } from 'zod';
import { isTimeZone, zonedDayStart } from './time-in-zone';

export const TimeZoneName = z.string().max(64).refine(isTimeZone, { message: 'an IANA time zone, such as Europe/Rome' });

/** A list's day filter: whole days of `timeZone` (the agent's), `to` included. */
export const DaysFilter = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  timeZone: TimeZoneName.default('UTC'),
});

/** The next calendar day after `day` (`2026-12-31` → `2027-01-01`). */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A MongoDB range on an instant for days `from` to `to` of `zone`, `to` included; null for neither. */
export function dayRange(from: string | undefined, to: string | undefined, zone = 'UTC'): Record<string, Date> | null {
  if (!from && !to) return null;
  return {
    ...(from && { $gte: zonedDayStart(from, zone) }),
    ...(to && { $lt: zonedDayStart(nextDay(to), zone) }),
  };
}
