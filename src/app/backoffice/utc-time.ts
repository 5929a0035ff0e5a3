// How the back office shows a stored time (an ISO string in UTC): `2026-12-07 14:05`, or with
// seconds where the order of events matters (the audit log, an order's timeline). Declared once
// so every page reads the same.
import { Pipe, type PipeTransform } from '@angular/core';

export function utcTime(iso: string, precision: 'minutes' | 'seconds' = 'minutes'): string {
  return iso.slice(0, precision === 'seconds' ? 19 : 16).replace('T', ' ');
}

@Pipe({ name: 'utc' })
export class UtcTimePipe implements PipeTransform {
  transform(iso: string, precision: 'minutes' | 'seconds' = 'minutes'): string {
    return utcTime(iso, precision);
  }
}
