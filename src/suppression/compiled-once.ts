import { compileSchedule, type CompiledSchedule, type Schedule } from '../schedule';
import { compileAst, keyChoices, parseSelector, printSelector, type EqualityKey, type Matcher, type SelectorAst } from '../selector';

/**
 * One compiled copy per text, shared by every holder while any holds it
 * (entries go when none does). Compiled schedules and selectors are
 * immutable and sources repeat them: "Sundays 02:00–04:00, Europe/Berlin"
 * in many windows, `host equals 'web-1'` in many policies — and what is left
 * to test of every `host within [...] AND severity not equals 'INFO'` once
 * its host is found is the same `severity not equals 'INFO'`: one closure
 * instead of thousands, kept hot by all of them.
 */
class SharedByText<T extends object> {
  private readonly held = new Map<string, WeakRef<T>>();
  private readonly forgotten = new FinalizationRegistry<string>((key) => {
    if (!this.held.get(key)?.deref()) this.held.delete(key);
  });

  get(text: string, compile: () => T): T {
    const held = this.held.get(text)?.deref();
    if (held) return held;
    const fresh = compile();
    this.held.set(text, new WeakRef(fresh));
    this.forgotten.register(fresh, text);
    return fresh;
  }
}

const schedules = new SharedByText<CompiledSchedule>();
const matchers = new SharedByText<Matcher>();

export const sharedSchedule = (schedule: Schedule): CompiledSchedule =>
  schedules.get(JSON.stringify(schedule), () => compileSchedule(schedule));

/**
 * Selectors that print the same parse the same, so they match the same
 * events. One that has no printed form — a number of 310 digits reads as
 * Infinity, which cannot be written back — is compiled on its own.
 */
export function sharedMatcher(ast: SelectorAst): Matcher {
  let text: string;
  try {
    text = printSelector(ast);
  } catch (error) {
    if (error instanceof RangeError) return compileAst(ast);
    throw error;
  }
  return matchers.get(text, () => compileAst(ast));
}

/** A selector as filing needs it: parsed, its keys, its matcher — all only read, so policies written alike share one. */
export interface ParsedSelector {
  ast: SelectorAst;
  /** Key sets of which a matching event has at least one key each (none: any event might match). */
  keyChoices: EqualityKey[][];
  matches: Matcher;
}

const selectors = new SharedByText<ParsedSelector>();

/** The selector `text` parsed (it is valid: the API checked it), shared while any rule holds it. */
export const sharedSelector = (text: string): ParsedSelector =>
  selectors.get(text, () => {
    const ast = parseSelector(text);
    return { ast, keyChoices: keyChoices(ast), matches: sharedMatcher(ast) };
  });
