import { accessor, scalarText, splitList } from './compiler';
import type { FieldRef, SelectorAst, SelectorEvent, SelectorValue } from './types';

/**
 * "This field has exactly this text" — or, with `prefix`, "this field's text,
 * in lower case, starts with this (lower-case) text", as `starts with`
 * compares; with `infix`, "contains it", as `contains` compares; with `and`,
 * "and also has that (exact) key": one way an event can satisfy a selector.
 */
export interface EqualityKey {
  field: FieldRef;
  value: string;
  prefix?: true;
  infix?: true;
  and?: EqualityKey;
}

/** At most this many pairs of keys are offered for an AND of two exact choices. */
const MAX_PAIRS = 16;

/** The shortest `contains` text worth filing: an index finds it by its three-letter pieces. */
export const MIN_INFIX = 3;

/** Whether the event has the key. */
export function hasKey(key: EqualityKey, event: SelectorEvent): boolean {
  const text = accessor(key.field)(event);
  if (text === undefined) return false;
  if (key.and && !hasKey(key.and, event)) return false;
  if (key.infix) return text.toLowerCase().includes(key.value);
  return key.prefix ? text.toLowerCase().startsWith(key.value) : text === key.value;
}

/**
 * Ways to file a selector: each choice is a set of keys of which an event must
 * have at least one for the selector to match it. None when no such set can be
 * read off the selector (a NOT, a short `contains`, a number compared numerically…).
 * An AND offers each side's choices, and pairs of one exact key from each side
 * (an event needs both), so the policy index can file a policy under whichever
 * keys are least crowded; an OR needs one key set from each side.
 */
export function keyChoices(ast: SelectorAst): EqualityKey[][] {
  switch (ast.kind) {
    case 'compare': {
      if (ast.op === 'equals') return typeof ast.value === 'string' ? [[{ field: ast.field, value: ast.value }]] : [];
      if (ast.op === 'starts with') {
        return Array.isArray(ast.value) ? [] : [[{ field: ast.field, value: scalarText(ast.value).toLowerCase(), prefix: true }]];
      }
      if (ast.op === 'contains') {
        const needle = Array.isArray(ast.value) ? '' : scalarText(ast.value).toLowerCase();
        return needle.length >= MIN_INFIX ? [[{ field: ast.field, value: needle, infix: true }]] : [];
      }
      const items = ast.op === 'within' ? withinItems(ast.value) : null;
      return items ? [items.map((value) => ({ field: ast.field, value }))] : [];
    }
    case 'and': {
      const left = keyChoices(ast.left);
      const right = keyChoices(ast.right);
      const exact = (choice: EqualityKey[]) => choice.every((k) => !k.prefix && !k.infix && !k.and);
      const pairs = left
        .filter(exact)
        .flatMap((l) =>
          right.filter((r) => exact(r) && l.length * r.length <= MAX_PAIRS).map((r) => l.flatMap((a) => r.map((b) => ({ ...a, and: b })))),
        );
      return [...pairs, ...left, ...right];
    }
    case 'or': {
      const left = narrowest(keyChoices(ast.left));
      const right = narrowest(keyChoices(ast.right));
      return left && right ? [[...left, ...right]] : [];
    }
    case 'not':
      return [];
  }
}

/**
 * Whether an event that has the key (as `hasKey` reads it) matches the
 * selector whatever else it holds, so an index that found a selector by this
 * key need not test it again. A `contains` key never is: an index finds those
 * by a piece of their text, not the whole.
 */
export function sufficient(key: EqualityKey, ast: SelectorAst): boolean {
  if (key.infix) return false;
  switch (ast.kind) {
    case 'compare': {
      if (key.and || !sameField(key.field, ast.field)) return false;
      if (key.prefix) return ast.op === 'starts with' && !Array.isArray(ast.value) && scalarText(ast.value).toLowerCase() === key.value;
      if (ast.op === 'equals') return ast.value === key.value;
      return ast.op === 'within' && (withinItems(ast.value)?.includes(key.value) ?? false);
    }
    case 'and':
      if (key.and) return sufficient({ ...key, and: undefined }, ast.left) && sufficient(key.and, ast.right);
      return sufficient(key, ast.left) && sufficient(key, ast.right);
    case 'or':
      return sufficient(key, ast.left) || sufficient(key, ast.right);
    case 'not':
      return false;
  }
}

/**
 * What is left to test of a selector for an event known to have the key (as
 * `hasKey` reads it): null when nothing is (see `sufficient`), else the
 * selector without the AND branches the key settles — an index that found a
 * policy by `host within [...]` tests only the rest of `host within [...]
 * AND severity not equals 'INFO'`. A `contains` key settles nothing: it is
 * found by a piece of its text, not the whole.
 */
export function residual(key: EqualityKey, ast: SelectorAst): SelectorAst | null {
  if (key.and) {
    const rest = residual({ ...key, and: undefined }, ast);
    return rest && residual(key.and, rest);
  }
  if (sufficient(key, ast)) return null;
  if (key.infix || ast.kind !== 'and') return ast;
  const left = residual(key, ast.left);
  const right = residual(key, ast.right);
  if (!left) return right;
  if (!right) return left;
  return left === ast.left && right === ast.right ? ast : { ...ast, left, right };
}

const sameField = (a: FieldRef, b: FieldRef) => fieldKey(a) === fieldKey(b);

/** The choice with the fewest keys (an event has fewer ways to hit it), or null when there is none. */
function narrowest(choices: EqualityKey[][]): EqualityKey[] | null {
  return choices.reduce<EqualityKey[] | null>((best, c) => (!best || c.length < best.length ? c : best), null);
}

/** The texts a `within` accepts, or null when it also accepts numbers (compared numerically, so not by text). */
function withinItems(value: SelectorValue): string[] | null {
  const items = typeof value === 'string' ? splitList(value) : Array.isArray(value) ? value : [value];
  return items.every((item) => typeof item === 'string') ? items : null;
}

/** One string per field (or pair of fields, for a key with `and`), for use as a map key. */
export function fieldKey(field: FieldRef, and?: EqualityKey): string {
  const name = field.kind === 'field' ? field.name : `attribute:${field.key}`;
  return and ? `${name}&${fieldKey(and.field)}` : name;
}
