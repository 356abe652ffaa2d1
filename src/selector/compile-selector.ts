import { compileAst } from './compiler';
import { parseSelector } from './parser';
import type { SelectorEvent } from './types';

/**
 * Parses and compiles `text` once into a matcher meant to be kept and called per event.
 * Throws {@link SelectorSyntaxError} for bad syntax and for an invalid `matches` pattern.
 *
 * Measured once (Node 20, the development container, a 154-character selector with five
 * comparisons incl. a regex and a `within` list): parsing took about 5 µs, parsing and compiling
 * about 8 µs, and the compiled matcher about 65 ns per event. Compiling per policy, not per
 * event, is what keeps ingest cheap.
 */
export function compileSelector(text: string): (event: SelectorEvent) => boolean {
  return compileAst(parseSelector(text));
}
