import ICAL from 'ical.js';
import { BadUserInputError, type FieldProblem } from '../../common/errors/domain-error';
import type { ImpactLevel, MaintenanceStatus } from '../maintenance-status';
import { readImpact, readStatus } from './bcop-vocabulary';
import { readCalendar } from './read-calendar';
import { readInstant, timeZoneOf } from './read-instant';
import type { Reading } from './reading';
import { ianaZoneFor } from './time-zone-names';
import { unescapeText } from './unescape-text';

/** One maintenance notice in the BCOP format: a VEVENT with X-MAINTNOTE-* properties. */
export interface BcopNotification {
  uid: string | null;
  sequence: number | null;
  stamp: Date | null;
  /** X-MAINTNOTE-PROVIDER */
  provider: string | null;
  /** X-MAINTNOTE-ACCOUNT */
  account: string | null;
  /** X-MAINTNOTE-MAINTENANCE-ID: the provider's id, the same on every notice about one maintenance. */
  maintenanceId: string;
  /** X-MAINTNOTE-STATUS; null when it is NO-CHANGE or absent (the notice says nothing about the status). */
  status: MaintenanceStatus | null;
  /** X-MAINTNOTE-IMPACT */
  impact: ImpactLevel | null;
  /** Every X-MAINTNOTE-OBJECT-ID in order, with its X-MAINTNOTE-OBJECT-IMPACT; null: the event's `impact` applies. */
  objects: { id: string; impact: ImpactLevel | null }[];
  summary: string;
  /** The ORGANIZER's address as written (usually `mailto:…`), else its CN. */
  organizer: string | null;
  /** DTSTART and DTEND as instants; see `readInstant` for how zones and floating times are read. */
  start: Date;
  end: Date;
  /** The IANA zone the TZID of DTSTART stands for (see `ianaZoneFor`); null without a TZID or when none can be told. */
  timeZone: string | null;
  /** The TZID of DTSTART as the provider wrote it (an IANA or Windows name, or its own, such as "Customized Time Zone"). */
  timeZoneName: string | null;
}

/** The notices of one calendar text, each with the path its problems are reported on, and what had to be repaired to read it. */
export interface BcopCalendar {
  events: { notice: BcopNotification; path: string }[];
  repairs: string[];
}

/** Why a calendar is no notification. */
export const NO_MAINTENANCE = 'has no VEVENT with X-MAINTNOTE properties';

/** The largest SEQUENCE kept exactly; some senders use a time in milliseconds, beyond RFC 5545's 32-bit integer. */
const MAX_SEQUENCE = Number.MAX_SAFE_INTEGER;

/**
 * Reads a BCOP iCalendar notification: one `BcopNotification` per VEVENT
 * that carries X-MAINTNOTE-* properties (other VEVENTs are left alone).
 * Malformed text is a `BadUserInputError` listing every problem found, with
 * paths like `input.ical.VEVENT[0].DTEND` (`root` then the VEVENT, counted
 * in the calendar from 0); text that is not iCalendar at all is one problem
 * on `root`. Lines a sender folded wrongly are repaired and reported in
 * `repairs`. A calendar without maintenance VEVENTs has no events: the caller decides.
 */
export function readBcopCalendar(ical: string, root: string): BcopCalendar {
  const { calendar, repairs } = readCalendar(ical, root);
  const events = calendar.getAllSubcomponents('vevent').map((event, index) => ({ event, path: `${root}.VEVENT[${index}]` }));
  const maintenanceEvents = events.filter(({ event }) => event.getAllProperties().some((p) => p.name.startsWith('x-maintnote-')));
  const problems: FieldProblem[] = [];
  const read = maintenanceEvents.map(({ event, path }) => ({ notice: readNotice(event, calendar, path, problems), path }));
  if (problems.length) throw new BadUserInputError(problems);
  return { events: read.flatMap(({ notice, path }) => (notice ? [{ notice, path }] : [])), repairs };
}

/** `readBcopCalendar` for text given as `input.ical`, notices only; a calendar without any is refused. */
export function parseBcopNotification(ical: string): BcopNotification[] {
  const { events } = readBcopCalendar(ical, 'input.ical');
  if (events.length === 0) throw BadUserInputError.field('input.ical', NO_MAINTENANCE);
  return events.map(({ notice }) => notice);
}

/** Reads one event; returns null after adding its problems when it has any. */
function readNotice(event: ICAL.Component, calendar: ICAL.Component, path: string, problems: FieldProblem[]): BcopNotification | null {
  const found = problems.length;
  const problem = (name: string, message: string) => problems.push({ path: `${path}.${name}`, message });
  const use = <T>(name: string, reading: Reading<T> | null): T | null => {
    if (reading === null) return null;
    if ('problem' in reading) {
      problem(name, reading.problem);
      return null;
    }
    return reading.value;
  };
  const required = (name: string): string => {
    const value = text(event, name);
    if (value === null) problem(name, 'is required');
    return value ?? '';
  };
  const instant = (name: string, isRequired: boolean): Date | null => {
    const property = event.getFirstProperty(name.toLowerCase());
    if (!property && isRequired) problem(name, 'is required');
    return property ? use(name, readInstant(property, calendar)) : null;
  };

  const maintenanceId = required('X-MAINTNOTE-MAINTENANCE-ID');
  const summary = required('SUMMARY');
  const start = instant('DTSTART', true);
  // RFC 5545 lets an event give its length (DURATION) instead of its end.
  const duration = event.hasProperty('dtend') ? null : event.getFirstProperty('duration');
  const end = duration ? endAfter(start, duration, problem) : instant('DTEND', true);
  if (start && end && end < start) problem(duration ? 'DURATION' : 'DTEND', duration ? 'must not be negative' : 'is before DTSTART');
  const stamp = instant('DTSTAMP', false);
  const statusText = text(event, 'X-MAINTNOTE-STATUS');
  const status = use('X-MAINTNOTE-STATUS', statusText === null ? null : readStatus(statusText));
  const impactText = text(event, 'X-MAINTNOTE-IMPACT');
  const impact = use('X-MAINTNOTE-IMPACT', impactText === null ? null : readImpact(impactText));
  const objects = event.getAllProperties('x-maintnote-object-id').map((property, index) => {
    const name = `X-MAINTNOTE-OBJECT-ID[${index}]`;
    const id = textOf(property);
    if (id === null) problem(name, 'must not be empty');
    const level = property.getParameter('x-maintnote-object-impact');
    return { id: id ?? '', impact: use(`${name}.X-MAINTNOTE-OBJECT-IMPACT`, level === undefined ? null : readImpact(String(level))) };
  });
  const sequence = event.getFirstPropertyValue('sequence');
  const validSequence = typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 && sequence <= MAX_SEQUENCE;
  if (sequence !== null && !validSequence) problem('SEQUENCE', `must be a whole number from 0 to ${MAX_SEQUENCE}`);

  if (problems.length > found || !start || !end) return null;
  const timeZoneName = timeZoneOf(event.getFirstProperty('dtstart'));
  return {
    uid: text(event, 'UID'),
    sequence: validSequence ? sequence : null,
    stamp,
    provider: text(event, 'X-MAINTNOTE-PROVIDER'),
    account: text(event, 'X-MAINTNOTE-ACCOUNT'),
    maintenanceId,
    status,
    impact,
    objects,
    summary,
    organizer: organizerOf(event.getFirstProperty('organizer')),
    start,
    end,
    timeZone: timeZoneName === null ? null : ianaZoneFor(timeZoneName),
    timeZoneName,
  };
}

/** DTSTART plus a DURATION (`PT2H`, `P1DT4H`…); null, with a problem, when the duration cannot be read. */
function endAfter(start: Date | null, property: ICAL.Property, problem: (name: string, message: string) => void): Date | null {
  const value = property.getFirstValue();
  const seconds = value instanceof ICAL.Duration ? value.toSeconds() : NaN;
  if (!Number.isFinite(seconds)) {
    problem('DURATION', 'is not a valid duration');
    return null;
  }
  return start && new Date(start.getTime() + seconds * 1000);
}

/** The first value of a property as trimmed text; null when absent or blank. */
function text(event: ICAL.Component, name: string): string | null {
  const property = event.getFirstProperty(name.toLowerCase());
  return property ? textOf(property) : null;
}

function textOf(property: ICAL.Property): string | null {
  const value = property.getFirstValue();
  if (typeof value !== 'string') return null;
  // ical.js types X- properties as "unknown" and leaves their escapes in; BCOP defines them as TEXT.
  const clean = (property.type === 'unknown' ? unescapeText(value) : value).trim();
  return clean === '' ? null : clean;
}

function organizerOf(property: ICAL.Property | null): string | null {
  if (!property) return null;
  const address = textOf(property);
  const cn = property.getParameter('cn');
  return address ?? (typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null);
}
