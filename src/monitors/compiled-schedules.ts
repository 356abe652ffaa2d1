import { compileSchedule, type CompiledSchedule, type Schedule } from '../schedule';

const LIMIT = 20_000;

/**
 * Compiled schedules by row version, so hot reads do not re-parse the same
 * schedule; cleared wholesale when full, which is simpler than an LRU and as
 * good for a working set that fits.
 */
export class CompiledSchedules {
  private readonly cache = new Map<string, CompiledSchedule>();

  get(row: { id: string; updatedAt: Date; schedule: Schedule }): CompiledSchedule {
    const key = `${row.id}@${row.updatedAt.getTime()}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      if (this.cache.size >= LIMIT) this.cache.clear();
      compiled = compileSchedule(row.schedule);
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}
