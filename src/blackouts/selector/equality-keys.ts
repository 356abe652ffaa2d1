import { accessor, scalarText, splitList } from './compiler';
import type { FieldRef, SelectorAst, SelectorEvent, SelectorValue } from './types';

/**
 * "This field has exactly this text" — or, with `prefix`, "this field's text,
 * in lower case, starts with this (lower-case) text", as `starts with`
 * compares: one way an event can satisfy a selector.
 */
export interface EqualityKey {
  field: FieldRef;
  value: string;
  prefix?: true;
}

/** Whether the event has the key. */
export function hasKey(key: EqualityKey, event: SelectorEvent): boolean {
  const text = accessor(key.field)(event);
  if (text === undefined) return false;
  return key.prefix ? text.toLowerCase().startsWith(key.value) : text === key.value;
}

/**
 * Keys of which an event must have at least one for the selector to match it,
 * or null when no such set can be read off the selector (a NOT, a `contains`,
 * a number compared numerically…). Lets a policy be filed under these keys so
 * that an event is only tested against policies that could match it.
 */
export function equalityKeys(ast: SelectorAst): EqualityKey[] | null {
  switch (ast.kind) {
    case 'compare': {
      if (ast.op === 'equals') return typeof ast.value === 'string' ? [{ field: ast.field, value: ast.value }] : null;
      if (ast.op === 'starts with') {
        return Array.isArray(ast.value) ? null : [{ field: ast.field, value: scalarText(ast.value).toLowerCase(), prefix: true }];
      }
      if (ast.op !== 'within') return null;
      const items = withinItems(ast.value);
      return items?.map((value) => ({ field: ast.field, value })) ?? null;
    }
    case 'and': {
      // Either side is necessary; file under the narrower one.
      const left = equalityKeys(ast.left);
      const right = equalityKeys(ast.right);
      if (!left || !right) return left ?? right;
      return right.length < left.length ? right : left;
    }
    case 'or': {
      const left = equalityKeys(ast.left);
      const right = equalityKeys(ast.right);
      return left && right ? [...left, ...right] : null;
    }
    case 'not':
      return null;
  }
}

/** The texts a `within` accepts, or null when it also accepts numbers (compared numerically, so not by text). */
function withinItems(value: SelectorValue): string[] | null {
  const items = typeof value === 'string' ? splitList(value) : Array.isArray(value) ? value : [value];
  return items.every((item) => typeof item === 'string') ? (items as string[]) : null;
}

/** One string per field, for use as a map key. */
export function fieldKey(field: FieldRef): string {
  return field.kind === 'field' ? field.name : `attribute:${field.key}`;
}
