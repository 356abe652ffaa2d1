/**
 * npm run bench:schedule
 *
 * 10,000 mixed schedules (every recurrence, 20 zones, fixed seed): (a)
 * `occurrenceAt` at 100 instants each, (b) the next 10 occurrences of each —
 * and the same through the `rrule` package (with `tzid`) side by side. rrule
 * does not apply Hush's DST rules; it is timed on the same recurrences as a
 * yardstick. Prints operations per second and the ratio.
 */
import { performance } from 'node:perf_hooks';
import { Frequency, RRule, type Options, type Weekday as RRuleWeekday } from 'rrule';
import { compileSchedule, nextOccurrences, occurrenceAt, WEEKDAYS, type Schedule } from '../src/schedule';
import { random } from './random';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Atlantic/Azores',
  'Africa/Cairo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Auckland',
  'America/Santiago',
  'Asia/Tehran',
  'Europe/Moscow',
  'America/Chicago',
];
const RRULE_DAYS: RRuleWeekday[] = [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const rnd = random(42);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const hhmm = () => `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`;

function makeSchedule(i: number): Schedule {
  const timeZone = ZONES[i % ZONES.length];
  const startDate = `202${Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const base = { timeZone, startDate, startTime: hhmm(), endTime: hhmm() };
  switch (i % 4) {
    case 0:
      return { ...base, recurrence: 'ONE_TIME', endDate: `2027-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-01` };
    case 1:
      return { ...base, recurrence: 'DAILY', interval: 1 + Math.floor(rnd() * 3), weekdays: rnd() < 0.5 ? null : WEEKDAYS.slice(0, 5) };
    case 2:
      return { ...base, recurrence: 'WEEKLY', weekdays: [pick(WEEKDAYS), pick(WEEKDAYS)].filter((d, j, a) => a.indexOf(d) === j) };
    default:
      return rnd() < 0.5
        ? { ...base, recurrence: 'MONTHLY', monthDays: [1 + Math.floor(rnd() * 28), -1] }
        : { ...base, recurrence: 'MONTHLY', monthWeekdays: [{ ordinal: 2, weekday: pick(WEEKDAYS) }] };
  }
}

/** The same recurrence as an RRule, its start in the zone, plus the window length in ms. */
function makeRRule(s: Schedule): { rule: RRule; duration: number } {
  const [y, m, d] = s.startDate.split('-').map(Number);
  const [sh, sm] = s.startTime.split(':').map(Number);
  const [eh, em] = s.endTime.split(':').map(Number);
  let duration = (eh * 60 + em - (sh * 60 + sm)) * 60_000;
  if (s.recurrence !== 'ONE_TIME' && duration <= 0) duration += 86_400_000;
  const options: Partial<Options> = { dtstart: new Date(Date.UTC(y, m - 1, d, sh, sm)), tzid: s.timeZone, interval: s.interval ?? 1 };
  if (s.recurrence === 'ONE_TIME') Object.assign(options, { freq: Frequency.DAILY, count: 1 });
  if (s.recurrence === 'DAILY')
    Object.assign(options, { freq: Frequency.DAILY, byweekday: s.weekdays?.map((w) => RRULE_DAYS[WEEKDAYS.indexOf(w)]) ?? null });
  if (s.recurrence === 'WEEKLY')
    Object.assign(options, { freq: Frequency.WEEKLY, byweekday: s.weekdays!.map((w) => RRULE_DAYS[WEEKDAYS.indexOf(w)]) });
  if (s.recurrence === 'MONTHLY') {
    Object.assign(
      options,
      s.monthDays
        ? { freq: Frequency.MONTHLY, bymonthday: s.monthDays }
        : { freq: Frequency.MONTHLY, byweekday: s.monthWeekdays!.map((w) => RRULE_DAYS[WEEKDAYS.indexOf(w.weekday)].nth(w.ordinal)) },
    );
  }
  return { rule: new RRule(options), duration };
}

function timed(label: string, ops: number, run: () => void): number {
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  const rate = ops / seconds;
  console.log(
    `${label.padEnd(44)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} ops/s  (${ops.toLocaleString('en-US')} in ${seconds.toFixed(2)} s)`,
  );
  return rate;
}

const N = 10_000;
const INSTANTS = 100;
const schedules = Array.from({ length: N }, (_, i) => makeSchedule(i));
const compiled = schedules.map(compileSchedule);
const instants = Array.from({ length: INSTANTS }, () => new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 365 * 86_400_000)));
// rrule is far slower: it is timed on a slice and reported per operation like Hush.
const RRULE_N = 20;
const rrules = schedules.slice(0, RRULE_N).map(makeRRule);

// Warm the zone tables and the JIT, as a running Hush would be.
for (const c of compiled.slice(0, 2000)) occurrenceAt(c, instants[0]);

let hits = 0;
const hushAt = timed(`Hush occurrenceAt (${N} × ${INSTANTS})`, N * INSTANTS, () => {
  for (const c of compiled) for (const t of instants) if (occurrenceAt(c, t)) hits++;
});
let rruleHits = 0;
const rruleAt = timed(`rrule before() + duration (${RRULE_N} × ${INSTANTS})`, RRULE_N * INSTANTS, () => {
  for (const { rule, duration } of rrules) {
    for (const t of instants) {
      const start = rule.before(t, true);
      if (start && t.getTime() < start.getTime() + duration) rruleHits++;
    }
  }
});
const from = new Date(Date.UTC(2026, 5, 1));
const hushNext = timed(`Hush nextOccurrences(10) (${N})`, N, () => {
  for (const c of compiled) nextOccurrences(c, from, 10);
});
const rruleNext = timed(`rrule next 10 via all() (${RRULE_N})`, RRULE_N, () => {
  for (const { rule } of rrules) rule.between(from, new Date(from.getTime() + 3 * 365 * 86_400_000), true, (_d, i) => i < 10);
});

console.log(
  `\noccurrenceAt: Hush ${(hushAt / rruleAt).toFixed(1)}× rrule; goal ≥ 1,000,000 checks/s: ${hushAt >= 1_000_000 ? 'met' : 'NOT met'}`,
);
console.log(`next 10:      Hush ${(hushNext / rruleNext).toFixed(1)}× rrule`);
console.log(`(active hits: Hush ${hits}, rrule ${rruleHits} on its slice)`);
