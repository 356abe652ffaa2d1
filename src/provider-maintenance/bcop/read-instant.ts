import { fromZonedTime } from 'date-fns-tz';
import ICAL from 'ical.js';
import type { Reading } from './reading';
import { ianaZoneFor } from './time-zone-names';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * A DATE-TIME as ical.js hands it over (jCal form). ical.js does not check
 * ranges (month 13 silently becomes next January), so the fields are checked here.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/;

/** A UTC-OFFSET in jCal form, e.g. `+01:00`. */
const UTC_OFFSET = /^[+-]\d{2}:\d{2}(:\d{2})?$/;

/** The TZID parameter of a date-time property, if there is one and it has one. */
export function timeZoneOf(property: ICAL.Property | null): string | null {
  const tzid = property?.getParameter('tzid');
  return typeof tzid === 'string' && tzid.trim() !== '' ? tzid.trim() : null;
}

/**
 * Reads a DATE-TIME property (DTSTART, DTEND, DTSTAMP) as an instant:
 * - UTC (`Z`) as is, even if a TZID is also given;
 * - with a TZID whose VTIMEZONE is in the calendar, through that definition
 *   (RFC 5545: the calendar's own definition is authoritative);
 * - with a TZID and no VTIMEZONE, as the IANA zone it names (many providers
 *   omit the VTIMEZONE; a Windows zone name maps through CLDR, see
 *   `ianaZoneFor`), converting the wall-clock time with date-fns-tz;
 * - floating (no `Z`, no TZID) as UTC: BCOP asks for UTC times, and a
 *   provider that leaves out the `Z` means UTC far more often than the
 *   reader's local time, which a server could not know anyway.
 * A DATE (all-day) value is refused: a maintenance window needs times.
 */
export function readInstant(property: ICAL.Property, calendar: ICAL.Component): Reading<Date> {
  if (property.type === 'date') return { problem: 'must be a date-time, not a date' };
  const value = jCalValue(property);
  const text = property.type === 'date-time' && typeof value === 'string' ? value : '';
  const wall = wallClock(text);
  if (!wall) return { problem: 'is not a valid date-time' };
  const tzid = timeZoneOf(property);
  if (text.endsWith('Z') || !tzid)
    return { value: new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)) };
  const definition = calendar.getAllSubcomponents('vtimezone').find((zone) => zone.getFirstPropertyValue('tzid') === tzid);
  if (definition) return inDefinedZone(wall, tzid, definition);
  const zone = ianaZoneFor(tzid);
  if (!zone) return { problem: `is in time zone ${tzid}, which has no VTIMEZONE and is not an IANA or Windows zone` };
  return { value: fromZonedTime(wallClockText(wall), zone) };
}

function inDefinedZone(wall: WallClock, tzid: string, component: ICAL.Component): Reading<Date> {
  const unreadable = { problem: `is in time zone ${tzid}, whose VTIMEZONE cannot be read` };
  if (!hasObservances(component)) return unreadable;
  try {
    const zone = new ICAL.Timezone({ component, tzid });
    const seconds = new ICAL.Time({ ...wall, isDate: false }, zone).toUnixTime();
    return Number.isFinite(seconds) ? { value: new Date(seconds * 1000) } : unreadable;
  } catch {
    // Whatever in the definition made ical.js fail is the provider's data, not our bug.
    return unreadable;
  }
}

/**
 * ical.js reads a VTIMEZONE without usable observances as UTC, silently; a
 * zone needs at least one STANDARD or DAYLIGHT, each with a DTSTART and the offset it switches to.
 */
function hasObservances(zone: ICAL.Component): boolean {
  const observances = [...zone.getAllSubcomponents('standard'), ...zone.getAllSubcomponents('daylight')];
  return (
    observances.length > 0 &&
    observances.every((observance) => {
      const offset = observance.getFirstProperty('tzoffsetto');
      return observance.hasProperty('dtstart') && offset !== null && UTC_OFFSET.test(String(jCalValue(offset)));
    })
  );
}

/** A property's first value in jCal form: ical.js's text for it before any conversion (which would not check it). */
function jCalValue(property: ICAL.Property): unknown {
  return (property.toJSON() as unknown[])[3];
}

function wallClock(text: string): WallClock | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
  return valid ? { year, month, day, hour, minute, second } : null;
}

/** Wall-clock text without offset: date-fns-tz would honour a `Z` or offset in it and ignore the zone. */
function wallClockText(wall: WallClock): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}
