import type { FieldRef, Operator, SelectorAst, SelectorValue } from '..';

/** The tree without source offsets, for comparing parses of differently spelled selectors. */
export type Shape =
  | { kind: 'or' | 'and'; left: Shape; right: Shape }
  | { kind: 'not'; operand: Shape }
  | { kind: 'compare'; field: FieldRef; op: Operator; value: SelectorValue };

export function shape(ast: SelectorAst): Shape {
  switch (ast.kind) {
    case 'or':
    case 'and':
      return { kind: ast.kind, left: shape(ast.left), right: shape(ast.right) };
    case 'not':
      return { kind: 'not', operand: shape(ast.operand) };
    case 'compare':
      return { kind: 'compare', field: ast.field, op: ast.op, value: ast.value };
  }
}

/** Back to a full tree with dummy offsets, for printing trees built in tests. */
export function withPositions(s: Shape): SelectorAst {
  switch (s.kind) {
    case 'or':
    case 'and':
      return { kind: s.kind, left: withPositions(s.left), right: withPositions(s.right) };
    case 'not':
      return { kind: 'not', operand: withPositions(s.operand) };
    case 'compare':
      return { ...s, position: 0, valuePosition: 0 };
  }
}

export const attr = (key: string): FieldRef => ({ kind: 'attribute', key });

export function cmp(field: FieldRef | string, op: Operator, value: SelectorValue): Shape {
  const ref: FieldRef = typeof field === 'string' ? attr(field) : field;
  return { kind: 'compare', field: ref, op, value };
}
