import fc from 'fast-check';
import { isoInstant } from '../iso-instant';

/** Dates JavaScript can hold: ±8.64e15 ms around the epoch. */
const MAX_MS = 8.64e15;

describe('isoInstant', () => {
  it('writes every instant as toISOString does, six-digit years and times before 1970 included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MS, max: MAX_MS }), (ms) => {
        const date = new Date(ms);
        expect(isoInstant(date)).toBe(date.toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes the edges of days, years and the range exactly, again when asked again', () => {
    const edges = [0, -1, 1, 86_399_999, 86_400_000, -86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), MAX_MS, -MAX_MS];
    for (const ms of [...edges, ...edges]) expect(isoInstant(new Date(ms))).toBe(new Date(ms).toISOString());
  });

  it('refuses an invalid Date as toISOString does', () => {
    expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
