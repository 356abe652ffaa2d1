import { ADMIN_SECRET, codes, TestHush, type GraphQLResponse } from '../support/hush';
import { seedService } from './services/fixtures';

/** A JavaScript value written as a GraphQL input literal (`enums` are the keys whose strings are enum values). */
function literal(value: unknown, enums: string[] = []): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, enums)).join(' ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${enums.includes(k) ? String(v) : literal(v, enums)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

const byPath = (fields: { path: string }[]) => [...fields].sort((a, b) => a.path.localeCompare(b.path));

async function post(hush: TestHush, query: string) {
  const res = await fetch(`${hush.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as GraphQLResponse };
}

describe('one answer however a value arrives: written in the query or sent in variables', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
  });
  afterAll(() => hush.close());

  it('refuses a zone, time or date that is none with BAD_USER_INPUT naming every bad field from the argument', async () => {
    const schedule = { recurrence: 'DAILY', timeZone: 'Mars/Olympus', startDate: '2026-02-30', startTime: '25:00', endTime: '02:00' };
    const written = await hush.gql(`{ schedulePreview(limit: 3, schedule: ${literal(schedule, ['recurrence'])}) { start } }`);
    const sent = await hush.gql('query($s: ScheduleInput!) { schedulePreview(limit: 3, schedule: $s) { start } }', { s: schedule });
    for (const res of [written, sent]) {
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(byPath(res.errors![0].extensions!.fields)).toEqual([
        { path: 'schedule.startDate', message: 'must be a date, YYYY-MM-DD' },
        { path: 'schedule.startTime', message: 'must be HH:mm (00:00–23:59)' },
        { path: 'schedule.timeZone', message: 'must be an IANA time zone such as "Europe/Berlin", or "UTC"' },
      ]);
    }
    expect(written.errors![0].message).toBe(sent.errors![0].message);

    const user = { name: 'Zed', email: 'zed@example.com', timeZone: 'Mars/Olympus' };
    const inlineUser = await hush.gql(`mutation { createUser(input: ${literal(user)}) { id } }`);
    const variableUser = await hush.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: user });
    for (const res of [inlineUser, variableUser]) {
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields).toEqual([
        { path: 'input.timeZone', message: 'must be an IANA time zone such as "Europe/Berlin", or "UTC"' },
      ]);
    }

    const dates = { from: '2026-02-30T00:00:00Z', to: 'not a date' };
    const inlineDates = await hush.gql(`{ calendar(from: ${literal(dates.from)}, to: ${literal(dates.to)}) { id } }`);
    const variableDates = await hush.gql('query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) { id } }', dates);
    for (const res of [inlineDates, variableDates]) {
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields.map((f: { path: string }) => f.path)).toEqual(['from', 'to']);
    }
  });

  it('admits the documented batches written inline as in variables: 1,000 decision targets with every field, 10,000 monitor ids', async () => {
    const { serviceId } = await seedService(hush, 'Batch');
    const targets = Array.from({ length: 1000 }, (_, i) =>
      i % 2
        ? { serviceId }
        : {
            event: {
              serviceId,
              class: 'db',
              host: `host-${i}`,
              identifier: `check-${i}`,
              message: 'disk almost full',
              objectId: `volume-${i}`,
              severity: 'critical',
              attributes: { region: 'eu-west', rack: i, tags: ['storage', 'primary'] },
            },
          },
    );
    const written = await hush.gql(`{ suppressions(targets: ${literal(targets)}) { suppressed } }`);
    expect(written.errors).toBeUndefined();
    expect(written.data!.suppressions).toHaveLength(1000);
    const sent = await hush.gql('query($t: [SuppressionTarget!]!) { suppressions(targets: $t) { suppressed } }', { t: targets });
    expect(written).toEqual(sent);

    // Ids of no monitor: what matters is that both forms reach the mutation and get the same answer.
    const monitorIds = Array.from({ length: 10_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const inlineGroup = await hush.gql(`mutation { createMonitorGroup(input: ${literal({ name: 'all', monitorIds })}) { id } }`);
    const variableGroup = await hush.gql('mutation($i: CreateMonitorGroupInput!) { createMonitorGroup(input: $i) { id } }', {
      i: { name: 'all', monitorIds },
    });
    expect(codes(inlineGroup)).not.toContain('GRAPHQL_VALIDATION_FAILED');
    expect(codes(inlineGroup)).toEqual(codes(variableGroup));
  });

  it('still refuses a document past its token budgets (HTTP 400): 5,000 of the operation, 100,000 in argument values', async () => {
    const wide = await post(hush, `{ ${'me { id } '.repeat(1300)}}`);
    expect(wide.status).toBe(400);
    expect(wide.body.errors).toEqual([
      { message: 'Syntax Error: Token limit of 5000 exceeded.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
    const serviceId = '00000000-0000-4000-8000-000000000000';
    const long = await post(hush, `{ suppressions(targets: [${`{ serviceId: "${serviceId}" } `.repeat(21_000)}]) { suppressed } }`);
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([
      { message: 'Syntax Error: Token limit of 100000 in argument values exceeded.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
    const broken = await post(hush, '{ me { id }');
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([
      { message: expect.stringMatching(/^Syntax Error: Expected Name, found <EOF>\./), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
    ]);
  });
});
