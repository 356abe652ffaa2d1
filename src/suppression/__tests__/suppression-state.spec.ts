import fc from 'fast-check';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import { Effect, type FixedSource, type ScheduledSource } from '../../common/suppression/suppression.model';
import { compileSchedule, occurrenceAt } from '../../schedule';
import { SuppressionState } from '../suppression-state';

const BASE = Date.parse('2026-06-01T00:00:00Z');
const HOUR = 3_600_000;
const SERVICES = ['s1', 's2', 's3'];
const CIRCUITS = ['c1', 'c2'];
/** One spread object for every maintenance, as the impact rules share theirs: the engine's shared reach lists are keyed by it. */
const SPREAD = { SERVICE: [Effect.NO_INCIDENT] };

/** A source from `start` for `hours` hours (both counted from BASE), with its id as name. */
const fixed = (source: SuppressionSource, id: string, start: number, hours: number, targets: FixedSource['targets']): FixedSource => ({
  kind: 'fixed',
  source,
  id,
  name: id,
  start: new Date(BASE + start * HOUR),
  end: new Date(BASE + (start + hours) * HOUR),
  targets,
});
const span = { start: fc.integer({ min: 0, max: 72 }), hours: fc.integer({ min: 1, max: 30 }) };

/** Fixed windows and daily periods on a few services, some reaching them through a circuit. */
const source = fc.oneof(
  fc.record({ id: fc.constantFrom('w1', 'w2', 'w3', 'w4'), ...span, on: fc.subarray(SERVICES) }).map(({ id, start, hours, on }) =>
    fixed(
      SuppressionSource.SERVICE_WINDOW,
      id,
      start,
      hours,
      on.map((s) => ({ type: 'SERVICE', id: s, effects: [Effect.NO_INCIDENT] })),
    ),
  ),
  // A maintenance on one or both circuits, sometimes also on a service directly (which a circuit may reach as well), sometimes taking them out of service.
  fc
    .record({
      id: fc.constantFrom('m1', 'm2', 'm3'),
      ...span,
      circuits: fc.subarray(CIRCUITS, { minLength: 1 }),
      direct: fc.option(fc.constantFrom(...SERVICES), { nil: undefined }),
      down: fc.constantFrom(undefined, 'FIRM' as const, 'TENTATIVE' as const),
    })
    .map(({ id, start, hours, circuits, direct, down }) =>
      fixed(SuppressionSource.PROVIDER_MAINTENANCE, id, start, hours, [
        ...circuits.map((c) => ({ type: 'CIRCUIT', id: c, effects: [], spread: SPREAD, ...(down && { down }) })),
        ...(direct ? [{ type: 'SERVICE', id: direct, effects: [Effect.NO_INCIDENT], ...(down && { down }) }] : []),
      ]),
    ),
  fc
    .record({ id: fc.constantFrom('p1', 'p2'), hour: fc.integer({ min: 0, max: 22 }), on: fc.constantFrom(...SERVICES) })
    .map(({ id, hour, on }): ScheduledSource => ({
      kind: 'scheduled',
      source: SuppressionSource.MONITOR_PERIOD,
      id,
      name: id,
      schedule: {
        recurrence: 'DAILY',
        timeZone: 'Europe/Berlin',
        startDate: '2026-06-01',
        startTime: `${String(hour).padStart(2, '0')}:00`,
        endTime: `${String(hour + 1).padStart(2, '0')}:30`,
      },
      targets: [{ type: 'SERVICE', id: on, effects: [Effect.NO_INCIDENT] }],
    })),
);

/** Which circuits each service depends on. */
type Needs = Map<string, readonly string[]>;

/** Whether a source is on `service`: directly, or through a circuit it spreads from. */
const isOn = (r: FixedSource | ScheduledSource, needs: Needs, service: string) =>
  r.targets.some((t) => (t.type === 'SERVICE' && t.id === service) || (t.spread && needs.get(service)?.includes(t.id)));

/** What a scan of every held source says of one service at `at`: the ids in effect on it. */
function scan(held: Map<string, FixedSource | ScheduledSource>, needs: Needs, service: string, at: Date): string[] {
  const ids: string[] = [];
  for (const r of held.values()) {
    if (!isOn(r, needs, service)) continue;
    const inEffect = r.kind === 'fixed' ? r.start <= at && at < r.end : occurrenceAt(compileSchedule(r.schedule), at) !== null;
    if (inEffect) ids.push(r.id);
  }
  return ids.sort();
}

/** The sources that take `service` out of service at some time in [from, to), tentative or not. */
function scanDown(held: Map<string, FixedSource | ScheduledSource>, needs: Needs, service: string, from: Date, to: Date): string[] {
  const ids: string[] = [];
  for (const r of held.values()) {
    if (r.kind !== 'fixed' || !(r.start < to && r.end > from) || !isOn(r, needs, service)) continue;
    const down = r.targets.find((t) => t.down)?.down;
    if (down) ids.push(`${r.id}:${down}`);
  }
  return ids.sort();
}

describe('SuppressionState decisions (property)', () => {
  it('agree with a scan of the sources in effect, as sources and dependencies change between questions', () => {
    let suppressed = 0;
    let reached = 0;
    let takenOut = 0;
    const step = fc.oneof(
      source.map((record) => ({ put: record })),
      fc.constantFrom('w1', 'w2', 'm1', 'm2', 'p1').map((id) => ({ drop: id })),
      fc.tuple(...SERVICES.map(() => fc.subarray(CIRCUITS))).map((circuits) => ({ needs: circuits })),
      fc.integer({ min: 0, max: 100 * 60 }).map((minute) => ({ ask: minute })),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const state = new SuppressionState();
        const held = new Map<string, FixedSource | ScheduledSource>();
        let needs: Needs = new Map();
        /** Asks about every service at `minute`, against the scan. */
        const ask = (minute: number) => {
          const at = new Date(BASE + minute * 60_000);
          const decide = state.decider(at);
          for (const service of SERVICES) {
            const decision = decide({ serviceId: service });
            const ids = decision.reasons.map((r) => r.id).sort();
            expect({ service, at, ids }).toEqual({ service, at, ids: scan(held, needs, service, at) });
            const till = new Date(at.getTime() + HOUR);
            const down = state
              .downtimes([{ type: 'SERVICE', id: service }], at, till)
              .map((d) => `${d.id}:${d.tentative ? 'TENTATIVE' : 'FIRM'}`)
              .sort();
            expect({ service, at, down }).toEqual({ service, at, down: scanDown(held, needs, service, at, till) });
            if (down.length > 0) takenOut++;
            expect(decision.suppressed).toBe(ids.length > 0);
            if (decision.suppressed) suppressed++;
            if (decision.reasons.some((r) => r.via)) reached++;
          }
        };
        // After each change the last instant is asked again: an answer kept from before the change must not survive it.
        let last: number | null = null;
        for (const s of steps) {
          if ('put' in s) {
            state.put(s.put);
            held.set(s.put.id, s.put);
          } else if ('drop' in s) {
            const r = held.get(s.drop);
            if (r) state.delete(r.source, r.id);
            held.delete(s.drop);
          } else if ('needs' in s) {
            // The circuits each service depends on (directly): what maintenances on them reach.
            needs = new Map(SERVICES.map((id, i) => [id, s.needs[i]]));
            state.setDependencies(
              SERVICES.map((id) => ({ node: { type: 'SERVICE', id }, upstream: needs.get(id)!.map((c) => ({ type: 'CIRCUIT', id: c })) })),
            );
          } else {
            last = s.ask;
          }
          if (last !== null) ask(last);
        }
      }),
      { numRuns: 400 },
    );
    // Not vacuous: answers were suppressed, some of them through a circuit, and services were taken out of service.
    expect(suppressed).toBeGreaterThan(30);
    expect(reached).toBeGreaterThan(5);
    expect(takenOut).toBeGreaterThan(5);
  });
});
