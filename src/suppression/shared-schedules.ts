import { compileSchedule, type CompiledSchedule, type Schedule } from '../schedule';

/**
 * Compiled schedules are immutable and sources often share one ("Sundays
 * 02:00–04:00, Europe/Berlin"), so every source with the same schedule holds
 * the same compiled copy. Entries go when no source holds them any more.
 */
const compiled = new Map<string, WeakRef<CompiledSchedule>>();
const forgotten = new FinalizationRegistry<string>((key) => {
  if (!compiled.get(key)?.deref()) compiled.delete(key);
});

export function sharedSchedule(schedule: Schedule): CompiledSchedule {
  const key = JSON.stringify(schedule);
  const held = compiled.get(key)?.deref();
  if (held) return held;
  const fresh = compileSchedule(schedule);
  compiled.set(key, new WeakRef(fresh));
  forgotten.register(fresh, key);
  return fresh;
}
