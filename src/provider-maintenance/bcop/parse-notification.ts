import type ICAL from 'ical.js';
import { BadUserInputError, type FieldProblem } from '../../common/errors/domain-error';
import type { ImpactLevel, MaintenanceStatus } from '../maintenance-status';
import { readImpact, readStatus } from './bcop-vocabulary';
import { readCalendar } from './read-calendar';
import { readInstant, timeZoneOf } from './read-instant';
import type { Reading } from './reading';
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
  /** The TZID of DTSTART, the provider's own zone, if it named one. */
  timeZone: string | null;
}

/** Problems are reported against the GraphQL argument the text arrives in. */
const ROOT = 'input.ical';

/**
 * Reads a BCOP iCalendar notification: one `BcopNotification` per VEVENT
 * that carries X-MAINTNOTE-* properties (other VEVENTs are left alone).
 * Malformed text is a `BadUserInputError` listing every problem found, with
 * paths like `input.ical.VEVENT[0].DTEND` (VEVENTs counted in the calendar,
 * from 0); text that is not iCalendar at all is one problem on `input.ical`.
 */
export function parseBcopNotification(ical: string): BcopNotification[] {
  const calendar = readCalendar(ical, ROOT);
  const events = calendar.getAllSubcomponents('vevent').map((event, index) => ({ event, path: `${ROOT}.VEVENT[${index}]` }));
  const maintenanceEvents = events.filter(({ event }) => event.getAllProperties().some((p) => p.name.startsWith('x-maintnote-')));
  if (maintenanceEvents.length === 0) throw BadUserInputError.field(ROOT, 'has no VEVENT with X-MAINTNOTE properties');
  const problems: FieldProblem[] = [];
  const notices = maintenanceEvents.map(({ event, path }) => readNotice(event, calendar, path, problems));
  if (problems.length) throw new BadUserInputError(problems);
  return notices.filter((notice) => notice !== null);
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
  const end = instant('DTEND', true);
  if (start && end && end < start) problem('DTEND', 'is before DTSTART');
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
  const validSequence = typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0;
  if (sequence !== null && !validSequence) problem('SEQUENCE', 'must be a whole number, 0 or more');

  if (problems.length > found || !start || !end) return null;
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
    timeZone: timeZoneOf(event.getFirstProperty('dtstart')),
  };
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
