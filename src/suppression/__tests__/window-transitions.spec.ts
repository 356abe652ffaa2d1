import fc from 'fast-check';
import { PolicyIndex } from '../../blackouts/policy-index';
import { MaintenanceType } from '../../monitors/monitor.entities';
import { compileSchedule } from '../../schedule';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import { SuppressionSources, type FixedSource, type PeriodSource } from '../suppression-sources';
import { inEffectAt, TransitionWatch, transitionsBetween, type InEffect } from '../window-transitions';

const at = (hhmm: string) => new Date(`2026-06-01T${hhmm}:00Z`);
const window = (id: string, start: string, end: string, suppresses = true): FixedSource => ({
  source: SuppressionSource.SERVICE_WINDOW,
  id,
  name: id,
  start: at(start),
  end: at(end),
  targets: [{ type: 'SERVICE', id: 's', suppresses }],
});
const sources = (...fixed: FixedSource[]) => new SuppressionSources(fixed, [], new PolicyIndex([]));
const summary = (since: string, now: string, before: InEffect, ...fixed: FixedSource[]) =>
  transitionsBetween(sources(...fixed), at(since), at(now), before).transitions.map(
    (t) => `${t.kind} ${t.entry.id} ${t.at.toISOString().slice(11, 16)}`,
  );

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
    const tentative = { ...window('m', '11:10', '11:20', false), source: SuppressionSource.PROVIDER_MAINTENANCE as const };
    expect(summary('11:00', '11:30', new Map(), tentative)).toEqual([]);
  });

  it('says nothing while the same occurrence goes on', () => {
    const before = inEffectAt(sources(window('a', '10:00', '12:00')), at('11:00'));
    expect(summary('11:00', '11:30', before, window('a', '10:00', '12:00'))).toEqual([]);
  });
});

describe('TransitionWatch', () => {
  const period = (id: string, timeZone: string): PeriodSource => ({
    id,
    name: id,
    monitorId: 'm',
    type: MaintenanceType.DISABLE_NOTIFICATIONS,
    schedule: compileSchedule({ recurrence: 'DAILY', timeZone, startDate: '2026-03-01', startTime: '01:30', endTime: '02:45' }),
  });

  it('walking its planned boundaries says what comparing every source each tick says', () => {
    const base = Date.parse('2026-03-29T00:00:00Z'); // Europe/Berlin springs forward this night
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 300 })), { maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 40 }),
        (windows, steps) => {
          const fixed = windows.map(([start, minutes], i) => ({
            ...window(`w${i}`, '00:00', '00:00'),
            start: new Date(base + start * 60_000),
            end: new Date(base + (start + minutes) * 60_000),
          }));
          const all = new SuppressionSources(fixed, [period('berlin', 'Europe/Berlin'), period('utc', 'UTC')], new PolicyIndex([]));
          const watch = new TransitionWatch();
          let now = new Date(base);
          watch.advance(all, now);
          let before = inEffectAt(all, now);
          for (const step of steps) {
            const next = new Date(now.getTime() + step * 60_000);
            const expected = transitionsBetween(all, now, next, before);
            expect(watch.advance(all, next)).toEqual(expected.transitions);
            before = expected.inEffect;
            now = next;
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
