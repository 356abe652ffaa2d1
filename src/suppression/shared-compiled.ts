import { compileSchedule, type CompiledSchedule, type Schedule } from '../schedule';
import { compileAst, printSelector, type Matcher, type SelectorAst } from '../selector';

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

/** Selectors that print the same parse the same, so they match the same events. */
export const sharedMatcher = (ast: SelectorAst): Matcher => matchers.get(printSelector(ast), () => compileAst(ast));
