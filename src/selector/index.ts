/**
 * The selector language, plain functions with no framework: blackout policies
 * are written in it and the suppression engine matches events with it. Parse,
 * compile to a matcher, validate and print selectors such as
 * `severity within ['CRITICAL', 'MAJOR'] AND NOT host starts with 'lab-'`.
 */
export { compileSelector } from './compile-selector';
export { accessor, compileAst, type Accessor, type Matcher } from './compiler';
export { fieldKey, keyChoices, MIN_INFIX, residual, sufficient, type EqualityKey } from './equality-keys';
export { SelectorSyntaxError } from './errors';
export { parseSelector } from './parser';
export { printSelector } from './printer';
export type { CompareNode, FieldRef, KnownField, Operator, SelectorAst, SelectorEvent, SelectorValue } from './types';
export { validateSelector, type SelectorValidation } from './validate-selector';
