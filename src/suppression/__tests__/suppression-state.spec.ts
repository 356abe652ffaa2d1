import fc from 'fast-check';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import { Effect, type FixedSource, type ScheduledSource } from '../../common/suppression/suppression.model';
import { compileSchedule, occurrenceAt } from '../../schedule';
import { SuppressionState } from '../suppression-state';

const BASE = Date.parse('2026-06-01T00:00:00Z');
const HOUR = 3_600_000;
const SERVICES = ['s1', 's2', 's3'];

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
  fc
    .record({ id: fc.constantFrom('m1', 'm2'), ...span })
    .map(({ id, start, hours }) =>
      fixed(SuppressionSource.PROVIDER_MAINTENANCE, id, start, hours, [
        { type: 'CIRCUIT', id: 'c1', effects: [], spread: { SERVICE: [Effect.NO_INCIDENT] } },
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

/** What a scan of every held source says of one service at `at`: the ids in effect on it. */
function scan(held: Map<string, FixedSource | ScheduledSource>, reaching: Set<string>, service: string, at: Date): string[] {
  const ids: string[] = [];
  for (const r of held.values()) {
    const on = r.targets.some((t) => (t.type === 'SERVICE' && t.id === service) || (t.spread && reaching.has(service)));
    if (!on) continue;
    const inEffect = r.kind === 'fixed' ? r.start <= at && at < r.end : occurrenceAt(compileSchedule(r.schedule), at) !== null;
    if (inEffect) ids.push(r.id);
  }
  return ids.sort();
}

describe('SuppressionState decisions (property)', () => {
  it('agree with a scan of the sources in effect, as sources and dependencies change between questions', () => {
    let suppressed = 0;
    let reached = 0;
    const step = fc.oneof(
      source.map((record) => ({ put: record })),
      fc.constantFrom('w1', 'w2', 'm1', 'p1').map((id) => ({ drop: id })),
      fc.subarray(SERVICES).map((needs) => ({ needs })),
      fc.integer({ min: 0, max: 100 * 60 }).map((minute) => ({ ask: minute })),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const state = new SuppressionState();
        const held = new Map<string, FixedSource | ScheduledSource>();
        let reaching = new Set<string>();
        /** Asks about every service at `minute`, against the scan. */
        const ask = (minute: number) => {
          const at = new Date(BASE + minute * 60_000);
          const decide = state.decider(at);
          for (const service of SERVICES) {
            const decision = decide({ serviceId: service });
            const ids = decision.reasons.map((r) => r.id).sort();
            expect({ service, at, ids }).toEqual({ service, at, ids: scan(held, reaching, service, at) });
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
            // The services that depend on circuit c1 (directly): what maintenances on it reach.
            const before = reaching;
            reaching = new Set(s.needs);
            state.setDependencies(
              SERVICES.filter((id) => before.has(id) || reaching.has(id)).map((id) => ({
                node: { type: 'SERVICE', id },
                upstream: reaching.has(id) ? [{ type: 'CIRCUIT', id: 'c1' }] : [],
              })),
            );
          } else {
            last = s.ask;
          }
          if (last !== null) ask(last);
        }
      }),
      { numRuns: 400 },
    );
    // Not vacuous: answers were suppressed, some of them through the circuit.
    expect(suppressed).toBeGreaterThan(30);
    expect(reached).toBeGreaterThan(5);
  });
});
