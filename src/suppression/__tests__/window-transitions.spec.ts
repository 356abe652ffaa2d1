import fc from 'fast-check';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import { Effect, type FixedSource, type ScheduledSource } from '../../common/suppression/suppression.model';
import { SuppressionState } from '../suppression-state';
import { inEffectAt, TransitionWatch, transitionsBetween, type InEffect } from '../window-transitions';

const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00Z`);
const window = (id: string, start: string, end: string, suppresses = true): FixedSource => ({
  source: SuppressionSource.SERVICE_WINDOW,
  id,
  name: id,
  start: at(start),
  end: at(end),
  kind: 'fixed',
  targets: [{ type: 'SERVICE', id: 's', effects: suppresses ? [Effect.NO_INCIDENT] : [] }],
});
const sources = (...fixed: FixedSource[]) => {
  const state = new SuppressionState();
  for (const f of fixed) state.put(f);
  return state;
};
const show = (t: { kind: string; entry: { id: string }; at: Date }) => `${t.kind} ${t.entry.id} ${t.at.toISOString().slice(11, 16)}`;
const summary = (since: string, now: string, before: InEffect, ...fixed: FixedSource[]) =>
  transitionsBetween(sources(...fixed), at(since), at(now), before).transitions.map(show);
/** The same, with a warning 15 minutes before each end. */
const warned = (since: string, now: string, before: InEffect, ...fixed: FixedSource[]) =>
  transitionsBetween(sources(...fixed), at(since), at(now), before, { endingSoonMs: 15 * 60_000 }).transitions.map(show);

describe('transitionsBetween', () => {
  it('reports starts and ends that fell between two ticks, an ENDED first at the same instant', () => {
    const before = inEffectAt(sources(window('a', '10:00', '12:00')), at('11:00'));
    expect(
      summary('11:00', '12:30', before, window('a', '10:00', '12:00'), window('b', '12:00', '12:10'), window('c', '12:20', '13:00')),
    ).toEqual(['ENDED a 12:00', 'STARTED b 12:00', 'ENDED b 12:10', 'STARTED c 12:20']);
  });

  it('says an occurrence created while under way STARTED now, and one already over never did', () => {
    expect(summary('11:00', '11:01', new Map(), window('late', '10:00', '12:00'), window('gone', '10:00', '11:00'))).toEqual([
      'STARTED late 11:01',
    ]);
  });

  it('says one that stopped counting (deleted, or a maintenance cancelled) ENDED now', () => {
    const before = inEffectAt(sources(window('a', '10:00', '12:00')), at('11:00'));
    expect(summary('11:00', '11:05', before)).toEqual(['ENDED a 11:05']);
  });

  it('ignores a provider maintenance that suppresses nothing', () => {
    const tentative = { ...window('m', '11:10', '11:20', false), source: SuppressionSource.PROVIDER_MAINTENANCE };
    expect(summary('11:00', '11:30', new Map(), tentative)).toEqual([]);
  });

  it('says nothing while the same occurrence goes on', () => {
    const before = inEffectAt(sources(window('a', '10:00', '12:00')), at('11:00'));
    expect(summary('11:00', '11:30', before, window('a', '10:00', '12:00'))).toEqual([]);
  });

  it('warns once, a set time before each end, and not for an occurrence shorter than that', () => {
    const before = inEffectAt(sources(window('a', '10:00', '12:00')), at('11:00'));
    expect(warned('11:00', '12:30', before, window('a', '10:00', '12:00'), window('short', '12:05', '12:15'))).toEqual([
      'ENDING_SOON a 11:45',
      'ENDED a 12:00',
      'STARTED short 12:05',
      'ENDED short 12:15',
    ]);
    expect(warned('11:45', '11:50', before, window('a', '10:00', '12:00'))).toEqual([]);
  });

  it('says an end moved while in effect: EXTENDED or SHORTENED now, warning at once if the new end is already close', () => {
    const before = inEffectAt(sources(window('a', '10:00', '12:00')), at('11:00'));
    expect(warned('11:00', '11:10', before, window('a', '10:00', '13:00'))).toEqual(['EXTENDED a 11:10']);
    expect(warned('11:00', '11:10', before, window('a', '10:00', '11:20'))).toEqual(['SHORTENED a 11:10', 'ENDING_SOON a 11:10']);
    expect(warned('11:00', '11:10', before, window('a', '10:00', '11:30'))).toEqual(['SHORTENED a 11:10']);
    // Ended early (a window deleted while under way ends now): just ENDED.
    expect(warned('11:00', '11:10', before, window('a', '10:00', '11:10'))).toEqual(['ENDED a 11:10']);
  });
});

describe('TransitionWatch', () => {
  const WARNING_MS = 10 * 60_000;
  const period = (id: string, timeZone: string): ScheduledSource => ({
    kind: 'scheduled',
    source: SuppressionSource.MONITOR_PERIOD,
    id,
    name: id,
    schedule: { recurrence: 'DAILY', timeZone, startDate: '2026-03-01', startTime: '01:30', endTime: '02:45' },
    targets: [{ type: 'MONITOR', id: 'm', effects: [Effect.DISABLE_NOTIFICATIONS] }],
  });

  it('walking its plan and re-planning only what changed says what comparing every source each tick says (warnings and moved ends too)', () => {
    const base = Date.parse('2026-03-29T00:00:00Z'); // Europe/Berlin springs forward this night
    const fixed = (i: number, start: number, minutes: number, suppresses: boolean) => ({
      ...window(`w${i}`, '00:00', '00:00', suppresses),
      start: new Date(base + start * 60_000),
      end: new Date(base + (start + minutes) * 60_000),
    });
    const span = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 300 }), fc.boolean());
    // Between two ticks, some windows are put (created, moved, confirmed or not) or deleted.
    const change = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.option(span, { nil: null }));
    fc.assert(
      fc.property(
        fc.array(span, { maxLength: 12 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 90 }), fc.array(change, { maxLength: 3 })), { minLength: 1, maxLength: 40 }),
        (windows, steps) => {
          const state = sources(...windows.map(([start, minutes, on], i) => fixed(i, start, minutes, on)));
          state.put(period('berlin', 'Europe/Berlin'));
          state.put(period('utc', 'UTC'));
          const watch = new TransitionWatch(WARNING_MS);
          let now = new Date(base);
          watch.advance(state, now);
          let before = inEffectAt(state, now);
          for (const [step, changes] of steps) {
            for (const [i, put] of changes) {
              if (put) state.put(fixed(i, ...put));
              else state.delete(SuppressionSource.SERVICE_WINDOW, `w${i}`);
            }
            const next = new Date(now.getTime() + step * 60_000);
            const expected = transitionsBetween(state, now, next, before, { endingSoonMs: WARNING_MS });
            expect(watch.advance(state, next)).toEqual(expected.transitions);
            before = expected.inEffect;
            now = next;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
