import type { CompareNode, FieldRef, Operator, SelectorAst, SelectorValue } from '..';

/** A selector tree whose comparisons are `Leaf`s. */
type Tree<Leaf> = { kind: 'or' | 'and'; left: Tree<Leaf>; right: Tree<Leaf> } | { kind: 'not'; operand: Tree<Leaf> } | Leaf;

/** The tree without source offsets, for comparing parses of differently spelled selectors. */
export type Shape = Tree<Omit<CompareNode, 'position' | 'valuePosition'>>;

/** The same AND/OR/NOT structure, with each comparison replaced by `leaf` of it. */
function mapComparisons<From extends { kind: 'compare' }, To>(tree: Tree<From>, leaf: (comparison: From) => To): Tree<To> {
  if ('operand' in tree) return { kind: 'not', operand: mapComparisons(tree.operand, leaf) };
  if ('left' in tree) return { kind: tree.kind, left: mapComparisons(tree.left, leaf), right: mapComparisons(tree.right, leaf) };
  return leaf(tree);
}

export const shape = (ast: SelectorAst): Shape =>
  mapComparisons(ast, ({ kind, field, op, value }: CompareNode) => ({ kind, field, op, value }));

/** Back to a full tree with dummy offsets, for printing trees built in tests. */
export const withPositions = (s: Shape): SelectorAst =>
  mapComparisons(s, (comparison) => ({ ...comparison, position: 0, valuePosition: 0 }));

export const and = (left: Shape, right: Shape): Shape => ({ kind: 'and', left, right });
export const or = (left: Shape, right: Shape): Shape => ({ kind: 'or', left, right });
export const not = (operand: Shape): Shape => ({ kind: 'not', operand });

export const attr = (key: string): FieldRef => ({ kind: 'attribute', key });

export function cmp(field: FieldRef | string, op: Operator, value: SelectorValue): Shape {
  const ref: FieldRef = typeof field === 'string' ? attr(field) : field;
  return { kind: 'compare', field: ref, op, value };
}
