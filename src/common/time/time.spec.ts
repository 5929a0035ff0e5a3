import { describe, expect, it } from 'vitest';
import { dayRange, TimeZoneName } from './day-range';
import { agentTime, timeZoneFromCookies, zonedDayStart } from './time-in-zone';

describe('agentTime', () => {
  const at = '2026-07-01T22:05:09.000Z';

  it('shows a stored UTC time in the agent zone, naming the zone', () => {
    expect(agentTime(at, 'UTC')).toBe('2026-07-01 22:05 UTC');
    expect(agentTime(at, 'Europe/Rome')).toBe('2026-07-02 00:05 CEST');
    expect(agentTime(at, 'Europe/Rome', 'seconds')).toBe('2026-07-02 00:05:09 CEST');
    expect(agentTime('2026-12-01T08:00:00Z', 'Europe/Madrid')).toBe('2026-12-01 09:00 CET');
    expect(agentTime(at, 'America/New_York')).toBe('2026-07-01 18:05 GMT-4');
    expect(agentTime(at, 'Europe/Rome', 'day')).toBe('2026-07-02');
  });

  it('takes the zone the browser left in its cookie, and UTC for anything else', () => {
    expect(timeZoneFromCookies('a=1; bo_tz=Europe%2FBerlin; b=2')).toBe('Europe/Berlin');
    expect(timeZoneFromCookies('bo_tz=Mars%2FOlympus')).toBe('UTC');
    expect(timeZoneFromCookies('bo_tz=%E0%A4%A')).toBe('UTC');
    expect(timeZoneFromCookies(undefined)).toBe('UTC');
  });
});

describe('zonedDayStart', () => {
  it('finds where a calendar day starts in a zone, across changes of the clocks', () => {
    expect(zonedDayStart('2026-12-07', 'UTC').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(zonedDayStart('2026-12-07', 'Europe/Rome').toISOString()).toBe('2026-12-06T23:00:00.000Z');
    expect(zonedDayStart('2026-07-07', 'Europe/Rome').toISOString()).toBe('2026-07-06T22:00:00.000Z');
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(zonedDayStart('2026-12-07', 'America/New_York').toISOString()).toBe('2026-12-07T05:00:00.000Z');
  });
});

describe('dayRange', () => {
  it("reads a filter's days as whole days of the agent's zone, the last one included", () => {
    expect(dayRange(undefined, undefined, 'Europe/Rome')).toBeNull();
    expect(dayRange('2026-12-07', '2026-12-31', 'Europe/Rome')).toEqual({
      $gte: new Date('2026-12-06T23:00:00Z'),
      $lt: new Date('2026-12-31T23:00:00Z'),
    });
    expect(dayRange(undefined, '2026-12-07')).toEqual({ $lt: new Date('2026-12-08T00:00:00Z') });
  });

  it('accepts only real time zones', () => {
    expect(TimeZoneName.safeParse('Europe/Rome').success).toBe(true);
    expect(TimeZoneName.safeParse('Mars/Olympus').success).toBe(false);
  });
});
