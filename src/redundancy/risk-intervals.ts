/** What takes a member out: a provider maintenance, an outage or a service maintenance window. */
export interface Cause {
  kind: 'MAINTENANCE' | 'OUTAGE' | 'WINDOW';
  id: string;
  name: string;
}

/** One member out of service over [start, end) (ms), because of `cause`; `tentative` when the cause may not happen. */
export interface Downtime {
  member: string;
  start: number;
  end: number;
  tentative: boolean;
  cause: Cause;
}

export interface RiskInterval {
  start: number;
  end: number;
  /** The fewest counting members available at any instant of it. */
  available: number;
  required: number;
  /** True when, without the tentative causes, no instant of it would be at risk. */
  tentative: boolean;
  /** Every cause that takes a counting member out during it, by member then kind then id. */
  causes: (Cause & { member: string })[];
}

/**
 * The maximal intervals within [from, to) during which fewer than `required`
 * of the counting `members` are available, given when each is out. Intervals
 * are half-open: a member back at T and another out from T never overlap.
 * A sweep over the downtimes' ends, counting how many of each member's
 * causes are under way (all of them, and the firm ones alone).
 */
export function riskIntervals(
  members: readonly string[],
  required: number,
  downtimes: readonly Downtime[],
  from: number,
  to: number,
): RiskInterval[] {
  const counting = new Set(members);
  const relevant = downtimes.filter((d) => counting.has(d.member) && d.start < to && d.end > from && d.start < d.end);
  const edges = relevant.flatMap((d) => [
    { at: Math.max(d.start, from), d, delta: 1 },
    { at: Math.min(d.end, to), d, delta: -1 },
  ]);
  // Ends before starts at the same instant: half-open intervals that touch do not overlap.
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta);

  const out = new Map<string, { all: number; firm: number }>();
  let downAll = 0;
  let downFirm = 0;
  const active = new Set<Downtime>();
  const risks: RiskInterval[] = [];
  type Open = RiskInterval & { seen: Set<Downtime> };
  let open: Open | null = null;

  const close = (at: number) => {
    if (!open) return;
    const { seen: _, ...risk } = open;
    risks.push({ ...risk, end: at, causes: sortCauses(open.seen) });
    open = null;
  };
  /** After every edge at one instant: the state holds until the next instant. */
  const settle = (at: number) => {
    const available = counting.size - downAll;
    if (available >= required || at >= to) return close(at);
    const firmRisk = counting.size - downFirm < required;
    if (!open) open = { start: at, end: at, available, required, tentative: !firmRisk, causes: [], seen: new Set() };
    open.available = Math.min(open.available, available);
    if (firmRisk) open.tentative = false;
  };

  let i = 0;
  settle(from);
  while (i < edges.length) {
    const at = edges[i].at;
    for (; i < edges.length && edges[i].at === at; i++) {
      const { d, delta } = edges[i];
      const count = out.get(d.member) ?? { all: 0, firm: 0 };
      if (delta > 0) {
        if (count.all++ === 0) downAll++;
        if (!d.tentative && count.firm++ === 0) downFirm++;
        active.add(d);
      } else {
        if (--count.all === 0) downAll--;
        if (!d.tentative && --count.firm === 0) downFirm--;
        active.delete(d);
      }
      out.set(d.member, count);
    }
    settle(at);
    // Whatever is under way as the risk goes on (or begins) is one of its causes.
    // (`open` is set by the closures above: TypeScript cannot see it change.)
    const current = open as Open | null;
    if (current) for (const d of active) current.seen.add(d);
  }
  close(to);
  return risks.filter((r) => r.end > r.start);
}

function sortCauses(downtimes: Iterable<Downtime>): (Cause & { member: string })[] {
  const unique = new Map<string, Cause & { member: string }>();
  for (const { member, cause } of downtimes) unique.set(`${member}\u0000${cause.kind}\u0000${cause.id}`, { ...cause, member });
  return [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
}
