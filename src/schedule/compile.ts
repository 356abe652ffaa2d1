import { nextFiringDay, previousFiringDay, type Calendar } from './firing-days';
import { DAY_MS, parseDay, parseTime } from './local-date';
import { WEEKDAYS, type Occurrence, type Schedule, type ScheduleProblem } from './types';
import { validateSchedule } from './validate';
import { firstInstantShowing, wallClock as wallClockOf } from './zone-offsets';

/** A schedule that failed validation; `problems` lists every field at fault. */
export class ScheduleError extends Error {
  constructor(readonly problems: ScheduleProblem[]) {
    super(`Invalid schedule: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);
    this.name = 'ScheduleError';
  }
}

const MINUTE = 60_000;

/**
 * A validated schedule in the form the engine computes with: local days as
 * integers, times as minutes, weekdays as a bit mask, and the first start and
 * last occurrence worked out once (so an occurrence-limited schedule is
 * bounded like an end-dated one, without counting from the start each time).
 */
export class CompiledSchedule {
  readonly zone: string;
  /** null for ONE_TIME */
  readonly calendar: Calendar | null;
  readonly startMinute: number;
  readonly endMinute: number;
  /** Days from an occurrence's start day to its end day: 1 when it crosses midnight or lasts 24 h. */
  readonly endDayOffset: number;
  /** ONE_TIME only: its one occurrence, or null when a DST gap leaves it empty. */
  readonly single: Occurrence | null = null;
  readonly first: Occurrence | null;
  /** The last occurrence, or null when the schedule never ends (or has none). */
  readonly last: Occurrence | null;
  /** Occurrences starting after this (ms) are beyond an `occurrences` limit; Infinity: no such limit. */
  readonly lastStart: number;
  /** Local days on which no occurrence starts (`skipDates`). */
  readonly skipped: ReadonlySet<number>;

  constructor(readonly source: Schedule) {
    const problems = validateSchedule(source);
    if (problems.length) throw new ScheduleError(problems);
    this.zone = source.timeZone;
    this.startMinute = parseTime(source.startTime)!;
    this.endMinute = parseTime(source.endTime)!;
    const startDay = parseDay(source.startDate)!;
    this.skipped = new Set((source.skipDates ?? []).map((d) => parseDay(d)!));
    if (source.recurrence === 'ONE_TIME') {
      this.calendar = null;
      this.endDayOffset = 0;
      const start = this.boundary(startDay, this.startMinute);
      const end = this.boundary(parseDay(source.endDate!)!, this.endMinute);
      this.single = end > start && !this.skipped.has(startDay) ? { start: new Date(start), end: new Date(end) } : null;
      this.first = this.last = this.single;
      this.lastStart = Infinity;
      return;
    }
    this.endDayOffset = this.endMinute <= this.startMinute ? 1 : 0;
    this.calendar = {
      recurrence: source.recurrence,
      startDay,
      lastDay: source.endDate ? parseDay(source.endDate) : null,
      interval: source.interval ?? 1,
      weekdayMask: source.weekdays?.length ? source.weekdays.reduce((m, d) => m | (1 << WEEKDAYS.indexOf(d)), 0) : 0x7f,
      monthDays: source.monthDays ?? [],
      monthWeekdays: (source.monthWeekdays ?? []).map((w) => ({ ordinal: w.ordinal, weekday: WEEKDAYS.indexOf(w.weekday) })),
    };
    this.lastStart = source.occurrences ? this.countedStart(source.occurrences) : Infinity;
    this.first = this.nextFrom(startDay);
    if (source.occurrences) {
      this.last = this.lastStart === -Infinity ? null : this.previousFrom(this.localDay(this.lastStart));
    } else if (this.calendar.lastDay !== null) {
      this.last = this.previousFrom(this.calendar.lastDay);
    } else {
      this.last = null;
    }
  }

  /** Rule 5 for a local day and minute of the day. */
  boundary(day: number, minute: number): number {
    return firstInstantShowing(this.zone, day * DAY_MS + minute * MINUTE);
  }

  /**
   * Start of the `count`th occurrence (-Infinity when there are fewer), counted once. As RFC 5545
   * counts an EXDATE, a skipped date counts; an empty occurrence (inside a DST gap) never happened and does not.
   */
  private countedStart(count: number): number {
    let n = 0;
    for (let d = nextFiringDay(this.calendar!, this.calendar!.startDay); d !== null; d = nextFiringDay(this.calendar!, d + 1)) {
      const occurrence = this.scheduledOn(d);
      if (occurrence && ++n === count) return occurrence.start.getTime();
    }
    return -Infinity;
  }

  /** The occurrence a firing day holds by the calendar alone: null only when a DST gap empties it. */
  private scheduledOn(day: number): Occurrence | null {
    const start = this.boundary(day, this.startMinute);
    const end = this.boundary(day + this.endDayOffset, this.endMinute);
    return end > start ? { start: new Date(start), end: new Date(end) } : null;
  }

  /** The occurrence starting on a firing day, or null when a gap empties it, the day is skipped or a count limit excludes it. */
  onDay(day: number): Occurrence | null {
    if (this.skipped.has(day)) return null;
    const occurrence = this.scheduledOn(day);
    return occurrence && occurrence.start.getTime() <= this.lastStart ? occurrence : null;
  }

  /** The first non-empty occurrence starting on a day ≥ `day`. */
  nextFrom(day: number): Occurrence | null {
    for (let d = nextFiringDay(this.calendar!, day); d !== null; d = nextFiringDay(this.calendar!, d + 1)) {
      const occurrence = this.onDay(d);
      if (occurrence) return occurrence;
      if (this.boundary(d, this.startMinute) > this.lastStart) return null;
    }
    return null;
  }

  /** The last non-empty occurrence starting on a day ≤ `day`. */
  previousFrom(day: number): Occurrence | null {
    for (let d = previousFiringDay(this.calendar!, day); d !== null; d = previousFiringDay(this.calendar!, d - 1)) {
      const occurrence = this.onDay(d);
      if (occurrence) return occurrence;
    }
    return null;
  }

  /** The local day an occurrence starts on. */
  dayOf(occurrence: Occurrence): number {
    return this.localDay(occurrence.start.getTime());
  }

  /** The local day the wall clock shows at an instant. */
  localDay(instant: number): number {
    return Math.floor(wallClockOf(this.zone, instant) / DAY_MS);
  }
}

export function compileSchedule(s: Schedule): CompiledSchedule {
  return new CompiledSchedule(s);
}

export function compiled(s: Schedule | CompiledSchedule): CompiledSchedule {
  return s instanceof CompiledSchedule ? s : new CompiledSchedule(s);
}
