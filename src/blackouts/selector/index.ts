/**
 * The blackout selector language: parse, compile to a matcher, validate and print selectors
 * such as `severity within ['CRITICAL', 'MAJOR'] AND NOT host starts with 'lab-'`.
 */
export { compileSelector } from './compile-selector';
export { SelectorSyntaxError } from './errors';
export { parseSelector } from './parser';
export { printSelector } from './printer';
export type { CompareNode, FieldRef, KnownField, Operator, SelectorAst, SelectorEvent, SelectorValue } from './types';
export { validateSelector, type SelectorValidation } from './validate-selector';
