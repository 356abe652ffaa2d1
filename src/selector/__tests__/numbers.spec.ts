import fc from 'fast-check';
import { formatNumber, parseFiniteNumber } from '../numbers';

describe('parseFiniteNumber', () => {
  it.each([
    ['5', 5],
    [' -5.25 ', -5.25],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
  ])('reads %j as %d', (text, n) => {
    expect(parseFiniteNumber(text)).toBe(n);
  });

  it.each([[''], [' '], ['abc'], ['0x10'], ['0b1'], ['1_000'], ['Infinity'], ['1e999'], ['NaN'], ['5 5'], ['-']])(
    'does not read %j as a number',
    (text) => {
      expect(parseFiniteNumber(text)).toBeUndefined();
    },
  );
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-12.5, '-12.5'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e22, '-25000000000000000000000'],
    [Number.MIN_VALUE, `0.${'0'.repeat(323)}5`],
  ])('writes %d as %s', (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  it('writes only digits, a point and a sign, and reads back to the same number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatNumber(n);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});
