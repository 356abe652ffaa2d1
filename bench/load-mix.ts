import type { Seeded } from './load-seed';
import type { workload } from './workload';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Operation {
  name: string;
  /** Share of all requests, in percent; the weights add up to 100. */
  weight: number;
  /** Decisions have the tighter latency goal. */
  decision?: boolean;
  write?: boolean;
  /** A fresh request body each time, so the server cannot answer from one warm path. */
  body(): string;
}

const DECISION = 'suppressed effects reasons { source id name occurrence { start end } }';
const BATCH = 100;
const INGEST_BATCH = 20;

/**
 * What clients of Hush send, weighted as a busy day looks: mostly decisions
 * from alert pipelines, people browsing lists and the calendar, and 30 %
 * writes — new windows, service events and blacked-out event batches.
 */
export function operations(seeded: Seeded, w: ReturnType<typeof workload>): Operation[] {
  const { rnd, pick } = w;
  const body = (query: string, variables: object) => JSON.stringify({ query, variables });
  const target = () => {
    const r = rnd();
    if (r < 0.4) return { serviceId: pick(seeded.services) };
    if (r < 0.7) return { monitorId: pick(seeded.monitors) };
    return { event: w.event(rnd() < 0.33 ? pick(seeded.services) : undefined) };
  };
  // A few hundred alert keys, each on one service: TRIGGERs repeat and join incidents, ACKs and RESOLVEs find them.
  const alert = () => {
    const n = Math.floor(rnd() * 300);
    return { dedupKey: `alert-${n}`, serviceId: seeded.services[n % seeded.services.length] };
  };
  const iso = (ms: number) => new Date(ms).toISOString();

  return [
    {
      name: 'suppression',
      weight: 25,
      decision: true,
      body: () => body(`query($t: SuppressionTarget!) { suppression(target: $t) { ${DECISION} } }`, { t: target() }),
    },
    {
      name: `suppressions ×${BATCH}`,
      weight: 10,
      decision: true,
      body: () =>
        body(`query($t: [SuppressionTarget!]!) { suppressions(targets: $t) { ${DECISION} } }`, {
          t: Array.from({ length: BATCH }, target),
        }),
    },
    {
      // A month's view, starting anywhere from two weeks back to two weeks ahead.
      name: 'calendar (month)',
      weight: 8,
      body: () => {
        const from = Date.now() + Math.round((rnd() * 28 - 14) * DAY);
        return body(
          `query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) { id source title start end targets { type id } } }`,
          { from: iso(from), to: iso(from + 30 * DAY) },
        );
      },
    },
    {
      name: 'services',
      weight: 9,
      body: () => body(`{ services(first: 50) { totalCount nodes { id name status inMaintenance escalationPolicy { name } } } }`, {}),
    },
    {
      name: 'maintenanceWindows',
      weight: 9,
      body: () =>
        body(
          `query($s: MaintenanceWindowState) { maintenanceWindows(first: 50, filter: { state: $s }) {
            totalCount nodes { id description startsAt endsAt state services { id name } } } }`,
          { s: pick(['ONGOING', 'FUTURE', 'FUTURE']) },
        ),
    },
    {
      name: 'monitors',
      weight: 9,
      body: () =>
        body(
          `{ monitors(first: 50) { totalCount nodes { id name type active
            state { monitoringEnabled notificationsEnabled } maintenancePeriods { id status maintenanceType } } } }`,
          {},
        ),
    },
    {
      name: 'createMaintenanceWindow',
      weight: 8,
      write: true,
      body: () => {
        const startsAt = Date.now() + Math.round(rnd() * 14 * DAY);
        return body(`mutation($i: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $i) { id state } }`, {
          i: {
            description: 'load window',
            startsAt: iso(startsAt),
            endsAt: iso(startsAt + (1 + Math.floor(rnd() * 4)) * HOUR),
            serviceIds: [pick(seeded.services)],
          },
        });
      },
    },
    {
      name: 'sendEvent',
      weight: 12,
      write: true,
      body: () => {
        const r = rnd();
        const action = r < 0.7 ? 'TRIGGER' : r < 0.85 ? 'ACKNOWLEDGE' : 'RESOLVE';
        return body(`mutation($i: SendEventInput!) { sendEvent(input: $i) { suppressed event { id result } incident { id status } } }`, {
          i: { ...alert(), action, summary: 'Check failed', severity: pick(['CRITICAL', 'ERROR', 'WARNING']), source: 'load' },
        });
      },
    },
    {
      name: `ingestEvents ×${INGEST_BATCH}`,
      weight: 10,
      write: true,
      body: () =>
        body(`mutation($e: [EventInput!]!) { ingestEvents(events: $e) { id status blackedOutBy { id } } }`, {
          e: Array.from({ length: INGEST_BATCH }, () => w.event()),
        }),
    },
  ];
}
