import { Injectable } from '@nestjs/common';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { RedundancyPort } from '../common/redundancy/redundancy.port';
import { RedundancyRiskType, RiskCauseKind, RiskSeverity, type RiskCauseType } from '../common/redundancy/redundancy-risk.type';
import type { CalendarEntry, NodeRef } from '../common/suppression/suppression.model';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { ImpactTargetType } from '../common/targets/impact-target.type';
import { MemberPriority, type RedundancyGroup, type RedundancyGroupMember } from './redundancy.entities';
import { RedundancyGroupsService } from './redundancy-groups.service';
import { riskIntervals, type Downtime } from './risk-intervals';

/** What a source is as a cause of risk; sources that take nothing out (periods, blackouts) are none. */
const CAUSE_KIND: Partial<Record<SuppressionSource, RiskCauseKind>> = {
  [SuppressionSource.PROVIDER_MAINTENANCE]: RiskCauseKind.MAINTENANCE,
  [SuppressionSource.PROVIDER_OUTAGE]: RiskCauseKind.OUTAGE,
  [SuppressionSource.SERVICE_WINDOW]: RiskCauseKind.WINDOW,
};

const DAY = 86_400_000;
/** How far around a cause its risks are looked for: a risk it is part of is cut at this distance. */
const AROUND = 366 * DAY;

export interface RiskFilter {
  groupIds?: string[];
  providerIds?: string[];
  includeTentative: boolean;
}

interface GroupWithMembers {
  group: RedundancyGroup;
  members: RedundancyGroupMember[];
}

/**
 * Redundancy risks, computed when asked from the engine's copy of what
 * takes each member out (provider work and outages reaching it through
 * containment and dependencies, windows on a member service): no copy of
 * its own to keep in line, and every write is reflected at once.
 */
@Injectable()
export class RedundancyRisksService extends RedundancyPort {
  constructor(
    private readonly groups: RedundancyGroupsService,
    private readonly suppression: SuppressionPort,
  ) {
    super();
  }

  /** Every risk overlapping [from, to) (cut to it), by start, then group. */
  async risks(from: Date, to: Date, filter: RiskFilter): Promise<RedundancyRiskType[]> {
    const groups = await this.groups.withMembers(filter.groupIds ? { ids: filter.groupIds } : {});
    const providers = filter.providerIds && new Set(filter.providerIds);
    const risks = groups.flatMap((g) => this.ofGroup(g, from, to, filter.includeTentative, providers));
    return risks.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.groupId < b.groupId ? -1 : 1));
  }

  async calendar(from: Date, to: Date): Promise<CalendarEntry[]> {
    const groups = await this.groups.withMembers();
    const names = new Map(groups.map(({ group }) => [group.id, group.name]));
    return groups
      .flatMap((g) => this.ofGroup(g, from, to, true))
      .map((r) => ({
        source: SuppressionSource.REDUNDANCY_RISK,
        id: r.groupId,
        title: `Redundancy risk: ${names.get(r.groupId)} (${r.severity}${r.tentative ? ', tentative' : ''})`,
        start: r.start,
        end: r.end,
        estimated: false,
        targets: [...new Map(r.causes.map((c) => [`${c.member.type}:${c.member.id}`, { type: c.member.type, id: c.member.id }])).values()],
      }));
  }

  async ofGroupId(groupId: string, from: Date, to: Date): Promise<RedundancyRiskType[]> {
    return (await this.groups.withMembers({ ids: [groupId] })).flatMap((g) => this.ofGroup(g, from, to, true));
  }

  async risksCausedBy(source: SuppressionSource, id: string): Promise<RedundancyRiskType[]> {
    const kind = CAUSE_KIND[source];
    const takenOut = this.suppression.takenOutBy(source, id);
    if (!kind || takenOut.length === 0) return [];
    const start = Math.min(...takenOut.map((d) => d.start.getTime()));
    const end = Math.max(...takenOut.map((d) => d.end.getTime()));
    // An outage open until further notice: its risks are looked for a year on from its start.
    const from = new Date(start - AROUND);
    const to = new Date(Math.min(end, start + AROUND) + AROUND);
    const groups = await this.groups.withMembers({ members: takenOut.map((d) => d.target) });
    return groups
      .flatMap((g) => this.ofGroup(g, from, to, true))
      .filter((r) => r.causes.some((c) => c.kind === kind && c.id === id))
      .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.groupId < b.groupId ? -1 : 1));
  }

  /** One group's risks in [from, to); with `providers`, only those with a cause of one of them. */
  ofGroup(
    { group, members }: GroupWithMembers,
    from: Date,
    to: Date,
    includeTentative: boolean,
    providers?: Set<string>,
  ): RedundancyRiskType[] {
    const counting: NodeRef[] = members
      .filter((m) => m.priority !== MemberPriority.INACTIVE)
      .map((m) => ({ type: m.targetType, id: m.targetId }));
    // Downtimes name the very objects asked about: each member's key is made once, not once per downtime.
    const keyOf = new Map(counting.map((n) => [n, key(n)]));
    const providerOf = new Map<string, string | undefined>();
    const downtimes: Downtime[] = [];
    for (const d of this.suppression.downtimes(counting, from, to)) {
      const kind = CAUSE_KIND[d.source];
      if (!kind || (d.tentative && !includeTentative)) continue;
      if (providers) providerOf.set(`${kind}/${d.id}`, d.providerId);
      const cause = { kind, id: d.id, name: d.name };
      downtimes.push({ member: keyOf.get(d.target)!, start: d.start.getTime(), end: d.end.getTime(), tentative: d.tentative, cause });
    }
    const keys = [...keyOf.values()];
    const risks = riskIntervals(keys, group.minimumAvailable, downtimes, from.getTime(), to.getTime());
    if (risks.length === 0) return [];
    const tentativeCauses = new Set(downtimes.filter((d) => d.tentative).map((d) => `${d.member}/${d.cause.kind}/${d.cause.id}`));
    return risks
      .filter((r) => !providers || r.causes.some((c) => providers.has(providerOf.get(`${c.kind}/${c.id}`) ?? '')))
      .map((r) => {
        return Object.assign(new RedundancyRiskType(), {
          id: `${group.id}/${new Date(r.start).toISOString()}`,
          groupId: group.id,
          start: new Date(r.start),
          end: new Date(r.end),
          available: r.available,
          required: r.required,
          severity: r.available === 0 ? RiskSeverity.LOST : RiskSeverity.BELOW_MINIMUM,
          tentative: r.tentative,
          causes: r.causes.map((c): RiskCauseType => ({
            kind: c.kind,
            id: c.id,
            name: c.name,
            member: ImpactTargetType.of(...split(c.member)),
            tentative: tentativeCauses.has(`${c.member}/${c.kind}/${c.id}`),
          })),
        });
      });
  }
}

const key = (n: NodeRef) => `${n.type}:${n.id}`;

function split(member: string): [string, string] {
  const at = member.indexOf(':');
  return [member.slice(0, at), member.slice(at + 1)];
}
