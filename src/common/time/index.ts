// Time: a stored UTC instant shown in a time zone with the zone named, and a zone's calendar days.
export * from './time-in-zone';
export * from './day-range';
