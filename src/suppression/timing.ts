import type { Reason } from '../common/suppression/suppression.model';
import { nextOccurrences, occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';

/** What a reason names besides its occurrence and whether it is final: the source's record itself, so nothing is copied per source. */
export type ReasonLabel = Pick<Reason, 'source' | 'id' | 'name'>;

/**
 * When one source is in effect, asked instant after instant, answered as the
 * reason it gives. The occurrence last found is kept (with its reason, which
 * every decision inside it shares: decisions only read reasons), and so is
 * the last gap found (up to the next start): alert pipelines ask about "now"
 * again and again, and every question inside either is answered with two
 * number comparisons.
 */
export class Timing {
  /** The reason for the occurrence [startMs, endMs), made when first asked for (most fixed sources are never in effect when asked). */
  private current: Reason | null = null;
  private occurrence: Occurrence | null = null;
  private startMs = 0;
  private endMs = 0;
  /** The last gap found between occurrences: from an instant outside every one up to the next start. */
  private gapFromMs = Number.NaN;
  private gapUntilMs = Number.NaN;

  /** A fixed interval, or a schedule's occurrences. */
  constructor(
    private readonly label: ReasonLabel,
    /** Whether an occurrence's end is the source's own (a fixed interval), as Reason.final says. */
    private readonly final: boolean,
    readonly schedule: CompiledSchedule | null,
    fixed?: Occurrence,
  ) {
    if (fixed) this.enter(fixed);
  }

  /** The reason in effect at `at` (`atMs` its time), or null. */
  at(atMs: number, at: Date): Reason | null {
    if (this.startMs <= atMs && atMs < this.endMs) return this.reason();
    if (!this.schedule || (this.gapFromMs <= atMs && atMs < this.gapUntilMs)) return null;
    const found = occurrenceAt(this.schedule, at);
    if (!found) {
      this.gapFromMs = atMs;
      this.gapUntilMs = nextOccurrences(this.schedule, at, 1)[0]?.start.getTime() ?? Infinity;
      return null;
    }
    this.enter(found);
    return this.reason();
  }

  private reason(): Reason {
    return this.current ?? this.makeReason();
  }

  private makeReason(): Reason {
    const { source, id, name } = this.label;
    const { start, end } = this.occurrence!;
    return (this.current = Object.freeze({ source, id, name, occurrence: { start, end }, final: this.final }));
  }

  /** Asked right after `at(atMs)`: until when the answer it gave stays the same. */
  sameUntil(atMs: number): number {
    if (this.startMs <= atMs && atMs < this.endMs) return this.endMs;
    if (this.schedule) return this.gapUntilMs;
    return atMs < this.startMs ? this.startMs : Infinity;
  }

  /** `occurrence` may be a whole source record (a fixed one has start and end): the reason copies only those. */
  private enter(occurrence: Occurrence) {
    this.occurrence = occurrence;
    this.current = null;
    this.startMs = occurrence.start.getTime();
    this.endMs = occurrence.end.getTime();
  }
}
