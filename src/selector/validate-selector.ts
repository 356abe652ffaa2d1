import { compileSelector } from './compile-selector';
import { SelectorSyntaxError } from './errors';

export type SelectorValidation = { valid: true } | { valid: false; error: { message: string; position: number } };

/** Compiles rather than only parsing, so an invalid `matches` pattern is reported too. */
export function validateSelector(text: string): SelectorValidation {
  try {
    compileSelector(text);
    return { valid: true };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return { valid: false, error: { message: error.message, position: error.position } };
    throw error;
  }
}
