import { codes, TestHush } from '../../support/hush';

const CREATE = `mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id name status enabled executionOrder nextRun { start end } lastRun { start end } schedule { recurrence } } }`;
const NOW = '2026-06-01T12:00:00Z'; // a Monday

describe('blackout policies', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: NOW });
  });
  afterAll(() => hush.close());

  let n = 0;
  const policy = async (extra: Record<string, unknown>) =>
    (
      await hush.ok(CREATE, {
        i: {
          name: `policy ${++n}`,
          executionOrder: 100,
          selector: "host equals 'db-1'",
          enabled: true,
          schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '22:00', endTime: '23:00' },
          ...extra,
        },
      })
    ).createBlackoutPolicy;

  it('expresses the reference examples: one-time, daily (all days / weekdays), weekly days, monthly days, ending on a date, after N, or never', async () => {
    const oneTime = await policy({
      schedule: {
        recurrence: 'ONE_TIME',
        timeZone: 'America/Los_Angeles',
        startDate: '2026-06-10',
        startTime: '21:00',
        endDate: '2026-06-11',
        endTime: '03:00',
      },
    });
    expect(oneTime).toMatchObject({
      status: 'SCHEDULED',
      nextRun: { start: '2026-06-11T04:00:00.000Z', end: '2026-06-11T10:00:00.000Z' },
      lastRun: null,
    });
    const weekdays = await policy({
      schedule: {
        recurrence: 'DAILY',
        timeZone: 'UTC',
        startDate: '2026-06-05',
        startTime: '01:00',
        endTime: '02:00',
        weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
      },
    });
    expect(weekdays.nextRun).toEqual({ start: '2026-06-05T01:00:00.000Z', end: '2026-06-05T02:00:00.000Z' });
    const weekly = await policy({
      schedule: {
        recurrence: 'WEEKLY',
        timeZone: 'UTC',
        startDate: '2026-06-01',
        startTime: '03:00',
        endTime: '04:00',
        weekdays: ['SATURDAY', 'SUNDAY'],
        occurrences: 4,
      },
    });
    expect(weekly.nextRun.start).toBe('2026-06-06T03:00:00.000Z');
    const monthly = await policy({
      schedule: {
        recurrence: 'MONTHLY',
        timeZone: 'UTC',
        startDate: '2026-06-01',
        startTime: '00:00',
        endTime: '06:00',
        monthDays: [1, 2, 3],
        endDate: '2026-08-31',
      },
    });
    expect(monthly).toMatchObject({
      status: 'SCHEDULED',
      nextRun: { start: '2026-06-02T00:00:00.000Z' },
      lastRun: { start: '2026-06-01T00:00:00.000Z' },
    });
    const never = await policy({
      schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-01-01', startTime: '11:00', endTime: '13:00' },
    });
    expect(never.status).toBe('ACTIVE');
    const expired = await policy({
      schedule: {
        recurrence: 'DAILY',
        timeZone: 'UTC',
        startDate: '2026-01-01',
        startTime: '11:00',
        endTime: '13:00',
        endDate: '2026-01-31',
      },
    });
    expect(expired).toMatchObject({ status: 'EXPIRED', nextRun: null, lastRun: { start: '2026-01-31T11:00:00.000Z' } });
    const disabled = await policy({ enabled: false });
    expect(disabled.status).toBe('DISABLED');
  });

  it('refuses invalid selectors and schedules with their fields, and validates selectors on request', async () => {
    const res = await hush.gql(CREATE, {
      i: {
        name: 'bad',
        executionOrder: 1,
        selector: "host equalz 'x'",
        schedule: { recurrence: 'WEEKLY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '01:00', endTime: '02:00' },
      },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const paths = res.errors![0].extensions!.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['input.selector', 'input.schedule.weekdays']));
    const check =
      await hush.ok(`{ ok: validateSelector(selector: "severity within ['CRITICAL', 'MAJOR'] AND NOT host starts with 'test-'") { valid error { message } }
      bad: validateSelector(selector: "host equals") { valid error { message position } } }`);
    expect(check.ok).toEqual({ valid: true, error: null });
    expect(check.bad.valid).toBe(false);
    expect(check.bad.error.position).toBe(11);
    // A field no event has carried is most likely a typo: said, with the fields events do have.
    await hush.ok('mutation { ingestEvents(events: [{ host: "db-1", attributes: { region: "eu-1" } }]) { id } }');
    const typo = await hush.ok(`{ validateSelector(selector: "hots equals 'db-1' AND region equals 'eu-1'") { valid warnings } }`);
    expect(typo.validateSelector).toEqual({
      valid: true,
      warnings: [
        "no event has carried a field 'hots'; the fields events have: class, severity, message, host, object, _identifier, service, region",
      ],
    });
  });

  it('refuses duplicate names regardless of case and any change of name', async () => {
    const p = await policy({ name: 'Weekly DB patching' });
    const dup = await hush.gql(CREATE, {
      i: {
        name: 'weekly db PATCHING',
        executionOrder: 1,
        selector: "host equals 'x'",
        schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '01:00', endTime: '02:00' },
      },
    });
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', path: 'input.name' });
    const rename = await hush.gql('mutation($id: ID!) { updateBlackoutPolicy(id: $id, input: { name: "Other" }) { id } }', { id: p.id });
    expect(rename.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.name' }] });
    const same = await hush.ok(
      'mutation($id: ID!) { updateBlackoutPolicy(id: $id, input: { name: "Weekly DB patching", executionOrder: 7 }) { executionOrder } }',
      { id: p.id },
    );
    expect(same.updateBlackoutPolicy.executionOrder).toBe(7);
  });

  it('refuses updates while active with POLICY_ACTIVE', async () => {
    const p = await policy({
      schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '11:00', endTime: '13:00' },
    });
    const res = await hush.gql('mutation($id: ID!) { updateBlackoutPolicy(id: $id, input: { description: "x" }) { id } }', { id: p.id });
    expect(res.errors![0].extensions).toMatchObject({
      code: 'POLICY_ACTIVE',
      occurrence: { start: '2026-06-01T11:00:00.000Z', end: '2026-06-01T13:00:00.000Z' },
    });
    await hush.ok('mutation($ids: [ID!]!) { disableBlackoutPolicies(ids: $ids) { succeeded } }', { ids: [p.id] });
    expect(
      codes(await hush.gql('mutation($id: ID!) { updateBlackoutPolicy(id: $id, input: { description: "x" }) { id } }', { id: p.id })),
    ).toEqual([]);
  });

  it('succeeds partially in bulk, naming each failure; a malformed id refuses the whole call', async () => {
    const p = await policy({ enabled: false });
    const missing = '00000000-0000-4000-8000-000000000000';
    const ENABLE = 'mutation($ids: [ID!]!) { enableBlackoutPolicies(ids: $ids) { succeeded failed { id code } } }';
    const garbage = await hush.gql(ENABLE, { ids: [p.id, missing, 'garbage'] });
    expect(garbage.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'ids.2', message: 'must be a UUID' }] });
    const res = (await hush.ok(ENABLE, { ids: [p.id, missing] })).enableBlackoutPolicies;
    expect(res.succeeded).toEqual([p.id]);
    expect(res.failed).toEqual([{ id: missing, code: 'NOT_FOUND' }]);
    const del = (
      await hush.ok('mutation($ids: [ID!]!) { deleteBlackoutPolicies(ids: $ids) { succeeded failed { id code } } }', {
        ids: [p.id, missing],
      })
    ).deleteBlackoutPolicies;
    expect(del).toEqual({ succeeded: [p.id], failed: [{ id: missing, code: 'NOT_FOUND' }] });
  });

  it('searches, sorts and pages', async () => {
    for (const [name, order] of [
      ['Search alpha', 30],
      ['Search beta', 10],
      ['Search gamma', 20],
    ] as const) {
      await policy({ name, executionOrder: order, description: 'paging test' });
    }
    const q = `query($p: PageInput, $s: BlackoutPolicySort) { blackoutPolicies(search: { text: "paging TEST" }, page: $p, sort: $s) { totalCount nodes { name } } }`;
    const byOrder = (await hush.ok(q, { p: { index: 1, size: 2 }, s: { field: 'EXECUTION_ORDER', order: 'DESC' } })).blackoutPolicies;
    expect(byOrder).toEqual({ totalCount: 3, nodes: [{ name: 'Search alpha' }, { name: 'Search gamma' }] });
    const page2 = (await hush.ok(q, { p: { index: 2, size: 2 }, s: { field: 'EXECUTION_ORDER', order: 'DESC' } })).blackoutPolicies;
    expect(page2.nodes).toEqual([{ name: 'Search beta' }]);
    const byName = (await hush.ok(q, { p: { index: 1, size: 10 } })).blackoutPolicies;
    expect(byName.nodes.map((x: { name: string }) => x.name)).toEqual(['Search alpha', 'Search beta', 'Search gamma']);
    const bad = await hush.gql(q, { p: { index: 0, size: 501 } });
    expect(bad.errors![0].extensions!.fields.map((f: { path: string }) => f.path).sort()).toEqual(['page.index', 'page.size']);
    // The status filter, answered in SQL, picks exactly the policies whose status says so, counted and paged like the rest.
    const all = (await hush.ok('{ blackoutPolicies(page: { size: 500 }) { nodes { name status } } }')).blackoutPolicies.nodes as {
      name: string;
      status: string;
    }[];
    expect(new Set(all.map((x) => x.status)).size).toBeGreaterThan(1);
    for (const status of ['ACTIVE', 'SCHEDULED', 'EXPIRED', 'DISABLED']) {
      const filtered = (
        await hush.ok(
          'query($s: [PolicyStatus!]) { blackoutPolicies(search: { status: $s }, page: { size: 500 }) { totalCount nodes { name } } }',
          {
            s: [status],
          },
        )
      ).blackoutPolicies;
      const expected = all.filter((x) => x.status === status).map((x) => x.name);
      expect({ status, names: filtered.nodes.map((x: { name: string }) => x.name), count: filtered.totalCount }).toEqual({
        status,
        names: expected,
        count: expected.length,
      });
    }
  });
});
