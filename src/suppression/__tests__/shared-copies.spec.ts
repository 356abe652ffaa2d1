import fc from 'fast-check';
import { parseSelector } from '../../selector';
import { Canon } from '../canon';
import { sharedMatcher } from '../compiled-once';

describe('Canon', () => {
  const record = () => ({
    id: 'w1',
    start: new Date('2026-03-01T00:00:00Z'),
    targets: [{ type: 'SERVICE', id: 's1', effects: ['NO_INCIDENT', 'DISABLE_NOTIFICATIONS'] }],
    schedule: Object.freeze({ timeZone: 'Europe/Berlin', weekdays: ['MONDAY'] }),
  });

  it('gives back the same content, with equal lists of strings as one frozen list and Dates as they are', () => {
    const canon = new Canon();
    const [a, b] = [record(), record()];
    const start = a.start;
    const shared = [canon.share(a), canon.share(b)];
    expect(shared).toEqual([record(), record()]);
    expect(shared[0].start).toBe(start);
    expect(shared[0].targets[0].effects).toBe(shared[1].targets[0].effects);
    expect(Object.isFrozen(shared[0].targets[0].effects)).toBe(true);
    expect(shared[0].schedule.weekdays).toBe(shared[1].schedule.weekdays);
  });

  it('changes a plain object in place but copies a frozen one', () => {
    const canon = new Canon();
    const a = record();
    const frozenSchedule = a.schedule;
    const shared = canon.share(a);
    expect(shared).toBe(a);
    expect(shared.schedule).not.toBe(frozenSchedule);
    expect(frozenSchedule.weekdays).toEqual(['MONDAY']);
  });

  it('shares equal objects made only of plain values, and none holding what JSON would write alike', () => {
    const canon = new Canon();
    const [a, b] = [record(), record()];
    canon.share(a);
    canon.share(b);
    expect(a.targets[0]).toBe(b.targets[0]);
    expect(Object.isFrozen(a.targets[0])).toBe(true);
    expect(a).not.toBe(b);
    const odd = canon.share([{ n: NaN }, { n: null }, { n: undefined }, {}, { n: -0 }, { n: 0 }]);
    expect(new Set(odd).size).toBe(6);
    expect(odd[0].n).toBeNaN();
    expect(Object.is(odd[4].n, -0)).toBe(true);
  });

  it('keeps lists apart that a join would spell alike', () => {
    const canon = new Canon();
    const lists = canon.share([
      ['a,b', 'c'],
      ['a', 'b,c'],
    ]);
    expect(lists).toEqual([
      ['a,b', 'c'],
      ['a', 'b,c'],
    ]);
    expect(lists[0]).not.toBe(lists[1]);
  });
});

describe('sharedMatcher', () => {
  it('is one function for selectors that print the same, and a different one otherwise', () => {
    const a = sharedMatcher(parseSelector("severity not equals 'INFO'"));
    expect(sharedMatcher(parseSelector("severity  NOT EQUALS  'INFO'"))).toBe(a);
    expect(sharedMatcher(parseSelector("severity not equals 'info'"))).not.toBe(a);
  });

  it('compiles a selector that cannot be printed (a number read as Infinity) on its own', () => {
    const huge = `severity equals 1${'0'.repeat(310)} OR host equals 'a'`;
    const matcher = sharedMatcher(parseSelector(huge));
    expect(matcher({ host: 'a' })).toBe(true);
    expect(matcher({ severity: '12' })).toBe(false);
    expect(sharedMatcher(parseSelector(huge))).not.toBe(matcher);
  });

  it('matches as the selector it was compiled from', () => {
    fc.assert(
      fc.property(fc.constantFrom('INFO', 'info', 'CRITICAL', undefined), (severity) => {
        const matcher = sharedMatcher(parseSelector("severity not equals 'INFO'"));
        return matcher({ severity }) === (severity !== 'INFO');
      }),
    );
  });
});
