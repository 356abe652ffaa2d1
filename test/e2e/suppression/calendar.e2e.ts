import ICAL from 'ical.js';
import { ADMIN_SECRET, codes, TestHush } from '../../support/hush';
import { createMaintenance, seedInventory } from '../provider-maintenance/fixtures';
import { CREATE_WINDOW, seedService } from '../services/fixtures';

const CALENDAR = `query($from: DateTime!, $to: DateTime!, $filter: CalendarFilter) {
  calendar(from: $from, to: $to, filter: $filter) { source id sourceId title start end targets { type id name } } }`;

describe('calendar across sources', () => {
  let hush: TestHush;
  let serviceId: string;
  let monitorId: string;
  let periodId: string;
  let policyId: string;
  let maintenanceId: string;

  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-03-01T00:00:00Z' });
    ({ serviceId } = await seedService(hush, 'Ledger'));
    await hush.ok(CREATE_WINDOW, {
      i: { startsAt: '2026-03-10T22:00:00Z', endsAt: '2026-03-11T02:00:00Z', description: 'ledger migration', serviceIds: [serviceId] },
    });
    monitorId = (
      await hush.ok('mutation { createMonitor(input: { name: "ledger-http", type: HTTP, target: "https://ledger.example.com" }) { id } }')
    ).createMonitor.id;
    periodId = (
      await hush.ok('mutation($m: ID!, $i: MaintenancePeriodInput!) { createMaintenancePeriod(monitorId: $m, input: $i) { id } }', {
        m: monitorId,
        i: {
          maintenanceType: 'DISABLE_NOTIFICATIONS',
          schedule: {
            recurrence: 'WEEKLY',
            weekdays: ['SUNDAY'],
            timeZone: 'Europe/Berlin',
            startDate: '2026-03-01',
            startTime: '02:30',
            endTime: '04:00',
          },
        },
      })
    ).createMaintenancePeriod.id;
    policyId = (
      await hush.ok('mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id } }', {
        i: {
          name: 'patch tuesday',
          enabled: true,
          executionOrder: 1,
          selector: "class equals 'Patch'",
          schedule: {
            recurrence: 'MONTHLY',
            monthWeekdays: [{ ordinal: 2, weekday: 'TUESDAY' }],
            timeZone: 'America/New_York',
            startDate: '2026-01-01',
            startTime: '22:00',
            endTime: '02:00',
          },
        },
      })
    ).createBlackoutPolicy.id;
    const inv = await seedInventory(hush);
    maintenanceId = (
      await createMaintenance(hush, {
        providerId: inv.provider,
        status: 'CONFIRMED',
        startsAt: '2026-03-20T01:00:00Z',
        endsAt: '2026-03-20T03:00:00Z',
      })
    ).id;
    await hush.ok(
      'mutation($m: ID!, $s: ID!) { addImpact(maintenanceId: $m, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
      {
        m: maintenanceId,
        s: serviceId,
      },
    );
  });
  afterAll(() => hush.close());

  it('lists every source over a DST month, sorted, with targets and DST-correct occurrences', async () => {
    const { calendar } = await hush.ok(CALENDAR, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    const starts = calendar.map((e: { start: string }) => e.start);
    expect(starts).toEqual([...starts].sort());
    const periods = calendar.filter((e: { source: string }) => e.source === 'MONITOR_PERIOD');
    // Sundays of March 2026 in Berlin; on the 29th 02:00 jumps to 03:00, so 02:30 is the jump itself (01:00Z).
    expect(periods.map((e: { start: string; end: string }) => [e.start, e.end])).toEqual([
      ['2026-03-01T01:30:00.000Z', '2026-03-01T03:00:00.000Z'],
      ['2026-03-08T01:30:00.000Z', '2026-03-08T03:00:00.000Z'],
      ['2026-03-15T01:30:00.000Z', '2026-03-15T03:00:00.000Z'],
      ['2026-03-22T01:30:00.000Z', '2026-03-22T03:00:00.000Z'],
      ['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z'],
    ]);
    expect(periods[0]).toMatchObject({ sourceId: periodId, targets: [{ type: 'MONITOR', id: monitorId, name: 'ledger-http' }] });
    // Each occurrence has its own id (a client cache that keys by id keeps them apart); `sourceId` names the period.
    expect(new Set(calendar.map((e: { id: string }) => e.id)).size).toBe(calendar.length);
    // Second Tuesday (the 10th), New York already on EDT since the 8th: 22:00 EDT = 02:00Z next day.
    expect(calendar.filter((e: { source: string }) => e.source === 'BLACKOUT_POLICY')).toEqual([
      {
        source: 'BLACKOUT_POLICY',
        id: `${policyId}@2026-03-11T02:00:00.000Z`,
        sourceId: policyId,
        title: 'patch tuesday',
        start: '2026-03-11T02:00:00.000Z',
        end: '2026-03-11T06:00:00.000Z',
        targets: [{ type: 'EVENTS', id: "class equals 'Patch'", name: "class equals 'Patch'" }],
      },
    ]);
    expect(calendar.find((e: { source: string }) => e.source === 'SERVICE_WINDOW')).toMatchObject({
      title: 'ledger migration',
      targets: [{ type: 'SERVICE', id: serviceId, name: expect.any(String) }],
    });
    expect(calendar.find((e: { source: string }) => e.source === 'PROVIDER_MAINTENANCE')).toMatchObject({
      sourceId: maintenanceId,
      targets: [{ type: 'SERVICE', id: serviceId, name: expect.any(String) }],
    });
  });

  it('names what each reason is on: the services and monitors by name, a blackout by its selector', async () => {
    const REASONS = `query($t: [SuppressionTarget!]!, $at: DateTime) {
      suppressions(targets: $t, at: $at) { reasons { source id name targets { type id name } } } }`;
    const duringMaintenance = await hush.ok(REASONS, { t: [{ serviceId }], at: '2026-03-20T02:00:00Z' });
    expect(duringMaintenance.suppressions[0].reasons).toEqual([
      {
        source: 'PROVIDER_MAINTENANCE',
        id: maintenanceId,
        name: expect.any(String),
        targets: [{ type: 'SERVICE', id: serviceId, name: 'Ledger' }],
      },
    ]);
    const duringPatchTuesday = await hush.ok(REASONS, { t: [{ event: { class: 'Patch' } }, { monitorId }], at: '2026-03-11T03:00:00Z' });
    expect(duringPatchTuesday.suppressions[0].reasons).toEqual([
      {
        source: 'BLACKOUT_POLICY',
        id: policyId,
        name: 'patch tuesday',
        targets: [{ type: 'EVENTS', id: "class equals 'Patch'", name: "class equals 'Patch'" }],
      },
    ]);
    const duringPeriod = await hush.ok(REASONS, { t: [{ monitorId }], at: '2026-03-15T02:00:00Z' });
    expect(duringPeriod.suppressions[0].reasons).toEqual([
      {
        source: 'MONITOR_PERIOD',
        id: periodId,
        name: expect.any(String),
        targets: [{ type: 'MONITOR', id: monitorId, name: 'ledger-http' }],
      },
    ]);
  });

  it('filters by source and by target', async () => {
    const bySource = (
      await hush.ok(CALENDAR, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', filter: { sources: ['SERVICE_WINDOW'] } })
    ).calendar;
    expect(bySource.map((e: { source: string }) => e.source)).toEqual(['SERVICE_WINDOW']);
    const byService = (
      await hush.ok(CALENDAR, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', filter: { serviceIds: [serviceId] } })
    ).calendar;
    expect(byService.map((e: { source: string }) => e.source)).toEqual(['SERVICE_WINDOW', 'PROVIDER_MAINTENANCE']);
  });

  it('refuses ranges over 366 days and backwards ranges', async () => {
    expect(codes(await hush.gql(CALENDAR, { from: '2026-01-01T00:00:00Z', to: '2027-01-03T00:00:00Z' }))).toEqual(['BAD_USER_INPUT']);
    const backwards = await hush.gql(CALENDAR, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' });
    expect(backwards.errors![0].extensions!.fields).toEqual([{ path: 'to', message: 'must be after from' }]);
  });

  it('serves the same entries as an iCalendar feed, with the token in the URL', async () => {
    const res = await fetch(`${hush.url}/calendar.ics?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&token=${ADMIN_SECRET}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const { calendar } = await hush.ok(CALENDAR, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()])).toEqual(
      calendar.map((e: { title: string; start: string; end: string }) => [e.title, e.start, e.end]),
    );
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.find((e) => e.summary === 'ledger migration')!.description).toMatch(/^SERVICE: .+ \(/m);
  });

  it('answers 304 only while the feed is what the calendar app already has', async () => {
    const url = `${hush.url}/calendar.ics?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&token=${ADMIN_SECRET}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    // A change to anything in the feed: a new body, a new ETag, and no 304 for either question.
    await hush.ok(CREATE_WINDOW, {
      i: { startsAt: '2026-03-20T10:00:00Z', endsAt: '2026-03-20T11:00:00Z', serviceIds: [serviceId], description: 'late addition' },
    });
    hush.clock.set(new Date(hush.clock.now().getTime() + 60_000));
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await fetch(url, { headers: { 'if-modified-since': lastModified } })).status).toBe(200);
  });

  it('needs a token for the feed', async () => {
    expect((await fetch(`${hush.url}/calendar.ics`)).status).toBe(401);
    expect((await fetch(`${hush.url}/calendar.ics?token=hush_wrong`)).status).toBe(401);
    const viewer = await hush.token('VIEWER');
    expect((await fetch(`${hush.url}/calendar.ics`, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(200);
  });

  it('takes a CALENDAR token for the feed, which can read nothing else', async () => {
    const feedOnly = await hush.token('CALENDAR');
    expect((await fetch(`${hush.url}/calendar.ics?token=${feedOnly}`)).status).toBe(200);
    const query = await hush.gql('{ services { nodes { id } } }', {}, feedOnly);
    expect(codes(query)).toEqual(['FORBIDDEN']);
  });
});
