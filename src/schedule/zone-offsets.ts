import { formatInTimeZone } from 'date-fns-tz';
import { DAY_MS } from './local-date';

/**
 * A zone's UTC offsets as a table of transitions, built a year at a time from
 * date-fns-tz (which asks Intl) and then answered by a few comparisons: the
 * engine asks for offsets millions of times, and Intl is far too slow for that.
 */
class ZoneTable {
  /** year → instants at which the offset changes (ms), and the offset from each on. */
  private readonly years = new Map<number, { at: number[]; offset: number[]; first: number }>();
  /** The stretch [from, to) of one offset found last: most lookups fall in it again. */
  private from = 0;
  private to = 0;
  private offset = 0;

  constructor(private readonly zone: string) {}

  offsetAt(instant: number): number {
    if (instant >= this.from && instant < this.to) return this.offset;
    const year = new Date(instant).getUTCFullYear();
    let table = this.years.get(year);
    if (!table) {
      table = this.build(year);
      this.years.set(year, table);
    }
    let i = 0;
    while (i < table.at.length && table.at[i] <= instant) i++;
    this.from = i === 0 ? Date.UTC(year, 0, 1) : table.at[i - 1];
    this.to = i === table.at.length ? Date.UTC(year + 1, 0, 1) : table.at[i];
    this.offset = i === 0 ? table.first : table.offset[i - 1];
    return this.offset;
  }

  /** Samples every day of the year (and the next New Year) and pins each change to the millisecond. */
  private build(year: number) {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const first = this.ask(from);
    const at: number[] = [];
    const offset: number[] = [];
    let previous = first;
    for (let t = from + DAY_MS; t <= to; t += DAY_MS) {
      const current = this.ask(Math.min(t, to));
      if (current !== previous) {
        let lo = t - DAY_MS;
        let hi = Math.min(t, to);
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.ask(mid) === previous) lo = mid;
          else hi = mid;
        }
        if (hi < to) {
          at.push(hi);
          offset.push(current);
        }
        previous = current;
      }
    }
    return { at, offset, first };
  }

  /**
   * The offset at an instant. Not `getTimezoneOffset`: it reads its date as a
   * wall-clock time, not an instant, which is wrong exactly at transitions.
   */
  private ask(instant: number): number {
    const text = formatInTimeZone(new Date(instant), this.zone, 'xxx');
    const sign = text[0] === '-' ? -1 : 1;
    return sign * (Number(text.slice(1, 3)) * 3_600_000 + Number(text.slice(4, 6)) * 60_000);
  }
}

const tables = new Map<string, ZoneTable>();

function table(zone: string): ZoneTable {
  let t = tables.get(zone);
  if (!t) {
    t = new ZoneTable(zone);
    tables.set(zone, t);
  }
  return t;
}

/** The zone's UTC offset in ms at an instant. */
export function offsetAt(zone: string, instant: number): number {
  return table(zone).offsetAt(instant);
}

/** The wall clock of `zone` at an instant, as ms on a UTC-based scale (day number × DAY_MS + time of day). */
export function wallClock(zone: string, instant: number): number {
  return instant + offsetAt(zone, instant);
}

/**
 * Rule 5: the first instant at which the wall clock shows `wall` or later.
 * A wall time that exists once maps to that instant; one that exists twice
 * (fall-back overlap) to the earlier; one that does not exist (spring-forward
 * gap) to the instant of the jump.
 */
export function firstInstantShowing(zone: string, wall: number): number {
  // Offsets that could apply near this wall time: zones move by hours at most.
  const before = offsetAt(zone, wall - DAY_MS);
  // The common case: one offset all around, and the instant it gives really has it.
  if (before === offsetAt(zone, wall + DAY_MS) && offsetAt(zone, wall - before) === before) return wall - before;
  const candidates = new Set([offsetAt(zone, wall - DAY_MS), offsetAt(zone, wall), offsetAt(zone, wall + DAY_MS)]);
  let best = Infinity;
  for (const offset of candidates) {
    const instant = wall - offset;
    if (offsetAt(zone, instant) === offset && instant < best) best = instant;
  }
  if (best !== Infinity) return best;
  // In a gap: the jump lies between the instant read with the later offset and the one read with the earlier.
  const offsets = [...candidates].sort((a, b) => a - b);
  let lo = wall - offsets[offsets.length - 1];
  let hi = wall - offsets[0];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClock(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Zones Intl has accepted: building a formatter to ask costs ~0.1 ms, and every schedule compile asks. */
const knownZones = new Set<string>();

/** Whether Intl knows the zone (IANA names, links and UTC). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}
