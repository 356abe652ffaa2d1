import { nextOccurrences, occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';

/**
 * When one source is in effect, asked instant after instant. The occurrence
 * last found is kept, and so is the last gap found (up to the next start):
 * alert pipelines ask about "now" again and again, and every question inside
 * either is answered with two number comparisons.
 */
export class Timing {
  private current: Occurrence | null;
  private startMs: number;
  private endMs: number;
  /** The last gap found between occurrences: from an instant outside every one up to the next start. */
  private gapFromMs = Number.NaN;
  private gapUntilMs = Number.NaN;

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
    if (!this.schedule || (this.gapFromMs <= atMs && atMs < this.gapUntilMs)) return null;
    const found = occurrenceAt(this.schedule, at);
    if (!found) {
      this.gapFromMs = atMs;
      this.gapUntilMs = nextOccurrences(this.schedule, at, 1)[0]?.start.getTime() ?? Infinity;
      return null;
    }
    this.current = found;
    this.startMs = found.start.getTime();
    this.endMs = found.end.getTime();
    return found;
  }
}
