import { occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';

/**
 * When one source is in effect, asked instant after instant. The occurrence
 * last found is kept: alert pipelines ask about "now" again and again, and
 * every question inside it is answered with two number comparisons.
 */
export class Timing {
  private current: Occurrence | null;
  private startMs: number;
  private endMs: number;
  /** The last instant found outside every occurrence (a batch asks about one instant many times). */
  private missMs = Number.NaN;

  /** A fixed interval, or a schedule's occurrences. */
  constructor(
    private readonly schedule: CompiledSchedule | null,
    fixed?: Occurrence,
  ) {
    this.current = fixed ? { start: fixed.start, end: fixed.end } : null;
    this.startMs = fixed?.start.getTime() ?? 0;
    this.endMs = fixed?.end.getTime() ?? 0;
  }

  /** The occurrence in effect at `at` (`atMs` its time), or null. */
  at(atMs: number, at: Date): Occurrence | null {
    if (this.startMs <= atMs && atMs < this.endMs) return this.current;
    if (!this.schedule || atMs === this.missMs) return null;
    const found = occurrenceAt(this.schedule, at);
    if (!found) {
      this.missMs = atMs;
      return null;
    }
    this.current = found;
    this.startMs = found.start.getTime();
    this.endMs = found.end.getTime();
    return found;
  }
}
