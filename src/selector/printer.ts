import { fieldText } from './field-names';
import { formatNumber } from './numbers';
import type { SelectorAst, SelectorValue } from './types';

/**
 * Canonical text for `ast`: upper-case keywords, lower-case operators, single spaces, and
 * parentheses only where precedence or left-association needs them, so that parsing the result
 * gives back the same tree.
 */
export function printSelector(ast: SelectorAst): string {
  switch (ast.kind) {
    case 'compare':
      return `${fieldText(ast.field)} ${ast.op} ${valueText(ast.value)}`;
    case 'not':
      return `NOT ${ast.operand.kind === 'compare' ? printSelector(ast.operand) : group(ast.operand)}`;
    case 'and':
      // OR binds looser than AND on either side; an AND on the right would otherwise re-associate left.
      return `${ast.left.kind === 'or' ? group(ast.left) : printSelector(ast.left)} AND ${
        ast.right.kind === 'or' || ast.right.kind === 'and' ? group(ast.right) : printSelector(ast.right)
      }`;
    case 'or':
      return `${printSelector(ast.left)} OR ${ast.right.kind === 'or' ? group(ast.right) : printSelector(ast.right)}`;
  }
}

function group(ast: SelectorAst): string {
  return `(${printSelector(ast)})`;
}

function valueText(value: SelectorValue): string {
  if (Array.isArray(value)) return `[${value.map(scalarText).join(', ')}]`;
  return scalarText(value);
}

function scalarText(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : `'${value.replace(/[\\']/g, (ch) => `\\${ch}`)}'`;
}
