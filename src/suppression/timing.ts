import type { Reason } from '../common/suppression/suppression.model';
import { nextOccurrences, occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';

/** What a reason names besides its occurrence. */
export type ReasonLabel = Omit<Reason, 'occurrence'>;

/**
 * When one source is in effect, asked instant after instant, answered as the
 * reason it gives. The occurrence last found is kept (with its reason, which
 * every decision inside it shares: decisions only read reasons), and so is
 * the last gap found (up to the next start): alert pipelines ask about "now"
 * again and again, and every question inside either is answered with two
 * number comparisons.
 */
export class Timing {
  private current: Reason | null = null;
  private startMs = 0;
  private endMs = 0;
  /** The last gap found between occurrences: from an instant outside every one up to the next start. */
  private gapFromMs = Number.NaN;
  private gapUntilMs = Number.NaN;

  /** A fixed interval, or a schedule's occurrences. */
  constructor(
    private readonly label: ReasonLabel,
    private readonly schedule: CompiledSchedule | null,
    fixed?: Occurrence,
  ) {
    if (fixed) this.enter({ start: fixed.start, end: fixed.end });
  }

  /** The reason in effect at `at` (`atMs` its time), or null. */
  at(atMs: number, at: Date): Reason | null {
    if (this.startMs <= atMs && atMs < this.endMs) return this.current;
    if (!this.schedule || (this.gapFromMs <= atMs && atMs < this.gapUntilMs)) return null;
    const found = occurrenceAt(this.schedule, at);
    if (!found) {
      this.gapFromMs = atMs;
      this.gapUntilMs = nextOccurrences(this.schedule, at, 1)[0]?.start.getTime() ?? Infinity;
      return null;
    }
    this.enter(found);
    return this.current;
  }

  /** Asked right after `at(atMs)`: until when the answer it gave stays the same. */
  sameUntil(atMs: number): number {
    if (this.startMs <= atMs && atMs < this.endMs) return this.endMs;
    if (this.schedule) return this.gapUntilMs;
    return atMs < this.startMs ? this.startMs : Infinity;
  }

  private enter(occurrence: Occurrence) {
    this.current = Object.freeze({ ...this.label, occurrence });
    this.startMs = occurrence.start.getTime();
    this.endMs = occurrence.end.getTime();
  }
}
