import { compileAst } from './compiler';
import { SelectorSyntaxError } from './errors';
import { parseSelector } from './parser';
import type { CompareNode, SelectorAst } from './types';

/** The event fields a selector names directly, as it spells them. */
export const KNOWN_FIELD_NAMES = ['class', 'severity', 'message', 'host', 'object', '_identifier', 'service'];

export type SelectorValidation =
  { valid: true; warnings: string[] } | { valid: false; error: { message: string; position: number }; warnings: string[] };

/**
 * Compiles rather than only parsing, so an invalid `matches` pattern is
 * reported too. A valid selector is warned about each attribute it reads that
 * is not in `seenAttributes` (the keys events have carried): most often a
 * typo of a field name, like `hots`.
 */
export function validateSelector(text: string, seenAttributes: ReadonlySet<string> = new Set()): SelectorValidation {
  try {
    const ast = parseSelector(text);
    compileAst(ast);
    const unknown = [...new Set(comparisons(ast).flatMap((c) => (c.field.kind === 'attribute' ? [c.field.key] : [])))].filter(
      (key) => !seenAttributes.has(key),
    );
    const known = [...KNOWN_FIELD_NAMES, ...[...seenAttributes].sort()].join(', ');
    return {
      valid: true,
      warnings: unknown.map((key) => `no event has carried a field '${key}'; the fields events have: ${known}`),
    };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) {
      return { valid: false, error: { message: error.message, position: error.position }, warnings: [] };
    }
    throw error;
  }
}

function comparisons(ast: SelectorAst): CompareNode[] {
  if (ast.kind === 'compare') return [ast];
  if (ast.kind === 'not') return comparisons(ast.operand);
  return [...comparisons(ast.left), ...comparisons(ast.right)];
}
