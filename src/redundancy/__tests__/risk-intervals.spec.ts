import fc from 'fast-check';
import { riskIntervals, type Downtime } from '../risk-intervals';

const down = (member: string, start: number, end: number, id = `${member}${start}`, tentative = false): Downtime => ({
  member,
  start,
  end,
  tentative,
  cause: { kind: 'MAINTENANCE', id, name: id },
});
const spans = (risks: ReturnType<typeof riskIntervals>) => risks.map((r) => [r.start, r.end, r.available]);

describe('riskIntervals', () => {
  const AB = ['a', 'b'];

  it('finds the overlap of two paths down at once, and only that', () => {
    const risks = riskIntervals(AB, 1, [down('a', 10, 30), down('b', 20, 40)], 0, 100);
    expect(spans(risks)).toEqual([[20, 30, 0]]);
    expect(risks[0]).toMatchObject({ required: 1, tentative: false });
    expect(risks[0].causes.map((c) => [c.member, c.id])).toEqual([
      ['a', 'a10'],
      ['b', 'b20'],
    ]);
  });

  it('sees no risk when one path is back as the other goes (touching ends), nor when one member is down back to back', () => {
    expect(riskIntervals(AB, 1, [down('a', 10, 20), down('b', 20, 30)], 0, 100)).toEqual([]);
    expect(riskIntervals(AB, 1, [down('a', 10, 20), down('a', 20, 30)], 0, 100)).toEqual([]);
  });

  it('joins back-to-back outages of one member into one risk while the other is down throughout', () => {
    const risks = riskIntervals(AB, 1, [down('a', 10, 20), down('a', 20, 30), down('b', 0, 50)], 0, 100);
    expect(spans(risks)).toEqual([[10, 30, 0]]);
    expect(risks[0].causes.map((c) => c.id)).toEqual(['a10', 'a20', 'b0']);
  });

  it('keeps a nested outage inside the longer one', () => {
    expect(spans(riskIntervals(AB, 1, [down('a', 0, 100), down('b', 40, 50)], 0, 100))).toEqual([[40, 50, 0]]);
  });

  it('needs two of three down for a group that requires two, and reports the fewest available', () => {
    const abc = ['a', 'b', 'c'];
    const risks = riskIntervals(abc, 2, [down('a', 10, 40), down('b', 20, 30), down('c', 25, 35)], 0, 100);
    expect(spans(risks)).toEqual([[20, 35, 0]]);
    expect(riskIntervals(abc, 2, [down('a', 10, 40)], 0, 100)).toEqual([]);
  });

  it('ignores members that do not count (INACTIVE), and is at risk throughout when too few count', () => {
    expect(riskIntervals(['a'], 1, [down('b', 10, 20)], 0, 100)).toEqual([]);
    expect(spans(riskIntervals(['a'], 2, [], 0, 100))).toEqual([[0, 100, 1]]);
  });

  it('is tentative only when it needs a tentative cause at every instant', () => {
    const firmAndTentative = riskIntervals(AB, 1, [down('a', 10, 30), down('b', 20, 40, 'maybe', true)], 0, 100);
    expect(firmAndTentative).toMatchObject([{ start: 20, end: 30, tentative: true }]);
    const partly = riskIntervals(AB, 1, [down('a', 10, 30), down('b', 20, 25, 'maybe', true), down('b', 25, 40)], 0, 100);
    expect(partly).toMatchObject([{ start: 20, end: 30, tentative: false }]);
  });

  it('clips to the range asked for', () => {
    expect(spans(riskIntervals(AB, 1, [down('a', 0, 100), down('b', 0, 100)], 30, 60))).toEqual([[30, 60, 0]]);
  });
});

/** Minute by minute: available members and whether firm causes alone put it at risk. */
function scan(members: string[], required: number, downtimes: Downtime[], to: number) {
  return Array.from({ length: to }, (_, t) => {
    const downAt = (firmOnly: boolean) =>
      new Set(
        downtimes
          .filter((d) => members.includes(d.member) && d.start <= t && t < d.end && (!firmOnly || !d.tentative))
          .map((d) => d.member),
      );
    return { available: members.length - downAt(false).size, firmAtRisk: members.length - downAt(true).size < required };
  });
}

describe('riskIntervals (property)', () => {
  it('agrees with a minute-by-minute scan', () => {
    const downtime = fc
      .tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.nat(3))
      .map(([member, start, length, tentative, n]) => down(member, start, start + length, `${member}-${start}-${n}`, tentative));
    fc.assert(
      fc.property(
        fc.subarray(['a', 'b', 'c', 'd']),
        fc.integer({ min: 1, max: 3 }),
        fc.array(downtime, { maxLength: 12 }),
        (members, required, downtimes) => {
          const to = 80;
          const minutes = scan(members, required, downtimes, to);
          const risks = riskIntervals(members, required, downtimes, 0, to);
          for (let t = 0; t < to; t++) {
            const risk = risks.find((r) => r.start <= t && t < r.end);
            expect(!!risk).toBe(minutes[t].available < required);
          }
          for (const r of risks) {
            const inside = minutes.slice(r.start, r.end);
            // Maximal: the minutes on either side are not at risk.
            if (r.start > 0) expect(minutes[r.start - 1].available).toBeGreaterThanOrEqual(required);
            if (r.end < to) expect(minutes[r.end].available).toBeGreaterThanOrEqual(required);
            expect(r.available).toBe(Math.min(...inside.map((m) => m.available)));
            expect(r.tentative).toBe(!inside.some((m) => m.firmAtRisk));
            const expected = new Set(
              downtimes
                .filter((d) => members.includes(d.member) && d.start < r.end && d.end > r.start)
                .map((d) => `${d.member}/${d.cause.id}`),
            );
            expect(new Set(r.causes.map((c) => `${c.member}/${c.id}`))).toEqual(expected);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
