import ICAL from 'ical.js';
import { WindowTransitionWorker } from '../../../src/suppression/window-transition.worker';
import { ADMIN_SECRET, codes, TestHush } from '../../support/hush';
import { collect, transitionListeners, wsClient } from '../../support/ws';

const SKIP = `mutation($p: ID, $b: ID, $start: DateTime!) { skipOccurrence(periodId: $p, blackoutPolicyId: $b, start: $start) {
  __typename id name
  ... on MaintenancePeriod { schedule { skipDates } nextOccurrences(limit: 5) { start } }
  ... on BlackoutPolicy { schedule { skipDates } nextRun { start } } } }`;
const DECIDE = `query($t: SuppressionTarget!, $at: DateTime) { suppression(target: $t, at: $at) { suppressed reasons { source id } } }`;
const CALENDAR = `query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) { source sourceId start end } }`;
const TRANSITIONS = `subscription($m: [ID!]) { windowTransitions(monitorIds: $m) { kind at id } }`;
const MARCH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

describe('skipping one occurrence', () => {
  let hush: TestHush;
  let monitorId: string;
  let periodId: string;
  let policyId: string;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-03-01T00:00:00Z' });
    monitorId = (
      await hush.ok('mutation { createMonitor(input: { name: "ledger-http", type: HTTP, target: "https://ledger.example" }) { id } }')
    ).createMonitor.id;
    // Sundays 02:30–04:00 in Berlin; on the 29th (spring forward) 02:30 does not exist and the occurrence starts at the jump, 01:00Z.
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
    // Second Tuesday, 22:00–02:00 New York: on 10 March (EDT) it starts at 02:00Z on the 11th.
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
  });
  afterAll(() => hush.close());

  it('skips a monitor period occurrence in a DST week: decisions, calendar and feed follow', async () => {
    expect((await hush.ok(DECIDE, { t: { monitorId }, at: '2026-03-29T01:30:00Z' })).suppression.suppressed).toBe(true);

    const { skipOccurrence } = await hush.ok(SKIP, { p: periodId, start: '2026-03-29T03:00:00+02:00' });
    expect(skipOccurrence).toMatchObject({ __typename: 'MaintenancePeriod', id: periodId, schedule: { skipDates: ['2026-03-29'] } });
    expect(skipOccurrence.nextOccurrences.map((o: { start: string }) => o.start)).toEqual([
      '2026-03-01T01:30:00.000Z',
      '2026-03-08T01:30:00.000Z',
      '2026-03-15T01:30:00.000Z',
      '2026-03-22T01:30:00.000Z',
      '2026-04-05T00:30:00.000Z',
    ]);

    expect((await hush.ok(DECIDE, { t: { monitorId }, at: '2026-03-29T01:30:00Z' })).suppression).toEqual({
      suppressed: false,
      reasons: [],
    });
    expect((await hush.ok(DECIDE, { t: { monitorId }, at: '2026-03-22T02:00:00Z' })).suppression.suppressed).toBe(true);
    const { calendar } = await hush.ok(CALENDAR, MARCH);
    const periodStarts = calendar.filter((e: { sourceId: string }) => e.sourceId === periodId).map((e: { start: string }) => e.start);
    expect(periodStarts).toEqual([
      '2026-03-01T01:30:00.000Z',
      '2026-03-08T01:30:00.000Z',
      '2026-03-15T01:30:00.000Z',
      '2026-03-22T01:30:00.000Z',
    ]);
    const feed = await fetch(`${hush.url}/calendar.ics?from=${MARCH.from}&to=${MARCH.to}&token=${ADMIN_SECRET}`);
    const feedStarts = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString());
    expect(feedStarts).toContain('2026-03-22T01:30:00.000Z');
    expect(feedStarts).not.toContain('2026-03-29T01:00:00.000Z');

    const { changeLog } = await hush.ok('query($id: ID) { changeLog(filter: { objectId: $id }) { nodes { action changes } } }', {
      id: periodId,
    });
    // The clock is pinned, so the two entries share their instant: the update is found by its action.
    expect(changeLog.nodes.map((e: { action: string }) => e.action).sort()).toEqual(['CREATE', 'UPDATE']);
    expect(changeLog.nodes.find((e: { action: string }) => e.action === 'UPDATE').changes.schedule.after.skipDates).toEqual(['2026-03-29']);
  });

  it('skips a blackout policy occurrence: the event is no longer blacked out and the calendar leaves it out', async () => {
    const during = '2026-03-11T03:00:00Z';
    expect((await hush.ok(DECIDE, { t: { event: { class: 'Patch' } }, at: during })).suppression.reasons).toEqual([
      { source: 'BLACKOUT_POLICY', id: policyId },
    ]);
    const { skipOccurrence } = await hush.ok(SKIP, { b: policyId, start: '2026-03-11T02:00:00Z' });
    // The local date in New York, where it starts on the evening of the 10th.
    expect(skipOccurrence).toEqual({
      __typename: 'BlackoutPolicy',
      id: policyId,
      name: 'patch tuesday',
      schedule: { skipDates: ['2026-03-10'] },
      nextRun: { start: '2026-04-15T02:00:00.000Z' },
    });
    expect((await hush.ok(DECIDE, { t: { event: { class: 'Patch' } }, at: during })).suppression).toEqual({
      suppressed: false,
      reasons: [],
    });
    const { calendar } = await hush.ok(CALENDAR, { from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z' });
    expect(calendar.filter((e: { sourceId: string }) => e.sourceId === policyId).map((e: { start: string }) => e.start)).toEqual([
      '2026-04-15T02:00:00.000Z',
    ]);
  });

  it('refuses a start no occurrence has, an occurrence already skipped, and anything but exactly one id', async () => {
    const fields = async (variables: Record<string, unknown>) => {
      const res = await hush.gql(SKIP, variables);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      return res.errors![0].extensions!.fields;
    };
    expect(await fields({ p: periodId, start: '2026-03-08T02:30:00Z' })).toEqual([
      { path: 'start', message: 'no occurrence of the schedule starts at 2026-03-08T02:30:00.000Z' },
    ]);
    expect(await fields({ p: periodId, start: '2026-03-29T01:00:00Z' })).toEqual([
      { path: 'start', message: 'no occurrence of the schedule starts at 2026-03-29T01:00:00.000Z' },
    ]);
    const message = 'give exactly one of periodId and blackoutPolicyId';
    expect(await fields({ start: '2026-03-08T01:30:00Z' })).toEqual([
      { path: 'periodId', message },
      { path: 'blackoutPolicyId', message },
    ]);
    expect(await fields({ p: periodId, b: policyId, start: '2026-03-08T01:30:00Z' })).toEqual([
      { path: 'periodId', message },
      { path: 'blackoutPolicyId', message },
    ]);
    expect(codes(await hush.gql(SKIP, { p: policyId, start: '2026-03-08T01:30:00Z' }))).toEqual(['NOT_FOUND']);
    // A policy in an occurrence refuses every change, this one too.
    hush.clock.set('2026-04-15T03:00:00Z');
    try {
      expect(codes(await hush.gql(SKIP, { b: policyId, start: '2026-05-13T02:00:00Z' }))).toEqual(['POLICY_ACTIVE']);
    } finally {
      hush.clock.set('2026-03-01T00:00:00Z');
    }
  });

  it('takes skipDates in a schedule: folded, checked, still counted toward occurrences', async () => {
    const PREVIEW = 'query($s: ScheduleInput!) { schedulePreview(schedule: $s, from: "2026-01-01T00:00:00Z") { start } }';
    const three = { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-01-01', startTime: '10:00', endTime: '11:00', occurrences: 3 };
    expect((await hush.ok(PREVIEW, { s: { ...three, skipDates: ['2026-01-02'] } })).schedulePreview).toEqual([
      { start: '2026-01-01T10:00:00.000Z' },
      { start: '2026-01-03T10:00:00.000Z' },
    ]);
    const created = await hush.ok(
      'mutation($m: ID!, $i: MaintenancePeriodInput!) { createMaintenancePeriod(monitorId: $m, input: $i) { schedule { skipDates } } }',
      {
        m: monitorId,
        i: { maintenanceType: 'DISABLE_MONITORING', schedule: { ...three, skipDates: ['2026-01-03', '2026-01-02', '2026-01-03'] } },
      },
    );
    expect(created.createMaintenancePeriod.schedule.skipDates).toEqual(['2026-01-02', '2026-01-03']);
    const bad = await hush.gql(PREVIEW, { s: { ...three, skipDates: ['2026-01-02', '2026-02-30'] } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fields).toEqual([{ path: 'schedule.skipDates.1', message: expect.stringContaining('YYYY-MM-DD') }]);
  });

  it('announces no start or end for a skipped occurrence', async () => {
    const tick = async (at: string) => {
      hush.clock.set(at);
      await hush.app.get(WindowTransitionWorker).tick();
    };
    await tick('2026-03-21T00:00:00Z');
    const batch = (
      await hush.ok('mutation { createMonitor(input: { name: "batch-http", type: HTTP, target: "https://batch.example" }) { id } }')
    ).createMonitor.id;
    const period = (
      await hush.ok('mutation($m: ID!, $i: MaintenancePeriodInput!) { createMaintenancePeriod(monitorId: $m, input: $i) { id } }', {
        m: batch,
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
    await hush.ok(SKIP, { p: period, start: '2026-03-29T01:00:00Z' });
    const client = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    try {
      const transitions = collect(client, TRANSITIONS, { m: [batch] }, 4);
      await transitionListeners(hush, 1);
      for (const at of [
        '2026-03-22T02:00:00Z',
        '2026-03-22T03:00:00Z',
        '2026-03-29T01:30:00Z',
        '2026-04-05T01:00:00Z',
        '2026-04-05T03:00:00Z',
      ])
        await tick(at);
      expect((await transitions.done).map((d) => `${d.windowTransitions.kind} ${d.windowTransitions.at}`)).toEqual([
        'STARTED 2026-03-22T01:30:00.000Z',
        'ENDED 2026-03-22T03:00:00.000Z',
        'STARTED 2026-04-05T00:30:00.000Z',
        'ENDED 2026-04-05T02:00:00.000Z',
      ]);
    } finally {
      hush.clock.set('2026-03-01T00:00:00Z');
      await client.dispose();
    }
  });
});
