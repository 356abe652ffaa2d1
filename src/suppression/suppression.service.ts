import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { BadUserInputError } from '../common/errors/domain-error';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { RedundancyPort } from '../common/redundancy/redundancy.port';
import { toSelectorEvent } from '../common/suppression/event-input.type';
import type { CalendarEntry, Decision, Target } from '../common/suppression/suppression.model';
import { SuppressionEngine } from './suppression-engine.service';
import type { SuppressionTargetInput } from './suppression.types';
import { isoInstant } from '../common/scalars/iso-instant';

export const MAX_TARGETS = 1000;
export const MAX_CALENDAR_DAYS = 366;

export interface CalendarFilter {
  sources?: SuppressionSource[] | null;
  serviceIds?: string[] | null;
  monitorIds?: string[] | null;
}

/** The suppression queries: checked input, then the engine's decisions and calendar. */
@Injectable()
export class SuppressionService {
  constructor(
    private readonly engine: SuppressionEngine,
    private readonly clock: Clock,
    private readonly redundancy: RedundancyPort,
  ) {}

  /** One decision per target, in order; `path` roots the field errors (`target`, `targets`). */
  decide(inputs: SuppressionTargetInput[], at: Date | null, path: string, many: boolean): Decision[] {
    if (inputs.length > MAX_TARGETS) throw BadUserInputError.field(path, `at most ${MAX_TARGETS} targets per call`);
    // The field path is spelled out only for a target that is refused: a batch of a thousand builds none.
    const targets = inputs.map((input, i) => toTarget(input, () => (many ? `${path}.${i}` : path)));
    return this.engine.decide(targets, at ?? this.clock.now());
  }

  /** With redundancy risks too when `withRisks` (the feed's `include=risks`) or the filter's sources name REDUNDANCY_RISK. */
  async calendar(from: Date, to: Date, filter: CalendarFilter = {}, withRisks = false): Promise<CalendarEntry[]> {
    if (to <= from) throw BadUserInputError.field('to', 'must be after from');
    if (to.getTime() - from.getTime() > MAX_CALENDAR_DAYS * 86_400_000) {
      throw BadUserInputError.field('to', `the range may span at most ${MAX_CALENDAR_DAYS} days`);
    }
    const keep = matchesFilter(filter);
    const entries = this.engine.calendar(from, to, keep, this.clock.now());
    if (!withRisks && !filter.sources?.includes(SuppressionSource.REDUNDANCY_RISK)) return entries;
    const risks = (await this.redundancy.calendar(from, to)).filter(keep);
    return entries
      .concat(risks)
      .sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime() || (a.id < b.id ? -1 : 1));
  }
}

/** One occurrence's own id: its source's id and its start (a recurring source repeats its id). */
export const occurrenceId = (e: CalendarEntry) => `${e.id}@${isoInstant(e.start)}`;

/** Whether an entry is of one of the sources and on one of the services or monitors the filter names (any, where it names none). */
export function matchesFilter(
  filter: CalendarFilter,
): (entry: { source: SuppressionSource; targets: { type: string; id: string }[] }) => boolean {
  const sources = new Set(filter.sources ?? []);
  const onTargets = new Set([
    ...(filter.serviceIds ?? []).map((id) => `SERVICE:${id}`),
    ...(filter.monitorIds ?? []).map((id) => `MONITOR:${id}`),
  ]);
  return (entry) =>
    (sources.size === 0 || sources.has(entry.source)) &&
    (onTargets.size === 0 || entry.targets.some((t) => onTargets.has(`${t.type}:${t.id}`)));
}

function toTarget(input: SuppressionTargetInput, path: () => string): Target {
  const given = (input.serviceId ? 1 : 0) + (input.monitorId ? 1 : 0) + (input.event ? 1 : 0);
  if (given !== 1) throw BadUserInputError.field(path(), 'give exactly one of serviceId, monitorId and event');
  if (input.serviceId) return { serviceId: input.serviceId };
  if (input.monitorId) return { monitorId: input.monitorId };
  return { event: toSelectorEvent(input.event!) };
}
