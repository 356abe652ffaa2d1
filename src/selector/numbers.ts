/**
 * A decimal number, optionally signed, with an optional exponent. Stricter than `Number()`,
 * which would also read '0x1f', '0b1' and '' (as 0) as numbers.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The value of `text` when it reads as a finite decimal number (surrounding whitespace ignored). */
export function parseFiniteNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `n` in the selector's number syntax (no exponent), exact enough that reading it back yields `n`.
 * `String(n)` switches to exponent form below 1e-6 and from 1e21, so those are expanded.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`${n} cannot be written in a selector`);
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.slice(negative ? 1 : 0, e).split('.');
  const digits = whole + fraction;
  // Where the decimal point lands among `digits` once the exponent is applied.
  const point = whole.length + Number(text.slice(e + 1));
  let plain: string;
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length);
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${plain}` : plain;
}
