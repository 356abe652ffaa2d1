import { Writable } from 'node:stream';
import pino from 'pino';
import { ROOT_LOGGER } from '../../src/common/logging/logging.module';
import { ADMIN_SECRET, codes, type GraphQLResponse, TestHush } from '../support/hush';

/** Collects what Hush logs, to check an error id reaches the log. */
class LogSink extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.lines.push(chunk.toString());
    done();
  }
}

describe('errors and atomic writes', () => {
  let hush: TestHush;
  const sink = new LogSink();

  beforeAll(async () => {
    hush = await TestHush.start({ configure: (m) => m.overrideProvider(ROOT_LOGGER).useValue(pino({ level: 'info' }, sink)) });
  });
  afterAll(() => hush.close());

  /** Makes every changelog insert fail inside the database, as an unexpected fault would. */
  async function breakChangelog(on: boolean) {
    const query = (sql: string) => hush.sql(sql);
    if (on) {
      await query(`CREATE FUNCTION test_refuse_changelog() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'secret internal detail from table change_log_entry'; END $$`);
      await query(
        `CREATE TRIGGER test_refuse_changelog BEFORE INSERT ON change_log_entry FOR EACH ROW EXECUTE FUNCTION test_refuse_changelog()`,
      );
    } else {
      await query('DROP TRIGGER test_refuse_changelog ON change_log_entry');
      await query('DROP FUNCTION test_refuse_changelog()');
    }
  }

  it('rolls a write back with its changelog entry, and hides the internals behind an error id', async () => {
    await breakChangelog(true);
    try {
      const res = await hush.gql(`mutation { createApiToken(input: { name: "doomed", role: VIEWER }) { token } }`);
      expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
      const error = res.errors![0];
      expect(Object.keys(error.extensions!).sort()).toEqual(['code', 'errorId']);
      expect(error.message).toBe(`Internal server error (id ${error.extensions!.errorId})`);
      expect(JSON.stringify(res)).not.toMatch(/change_log_entry|secret internal|INSERT|stack/i);
      expect(sink.lines.join('')).toContain(error.extensions!.errorId);
      expect(sink.lines.join('')).toContain('secret internal detail');
    } finally {
      await breakChangelog(false);
    }
    const { apiTokens } = await hush.ok('{ apiTokens { name } }');
    expect(apiTokens.map((t: { name: string }) => t.name)).not.toContain('doomed');
  });

  it('commits a write and its changelog entry together', async () => {
    const { createApiToken } = await hush.ok(`mutation { createApiToken(input: { name: "kept", role: VIEWER }) { apiToken { id } } }`);
    const rows = await hush.sql('SELECT action, actor_name, changes FROM change_log_entry WHERE object_id = $1', [
      createApiToken.apiToken.id,
    ]);
    expect(rows).toEqual([
      {
        action: 'CREATE',
        actor_name: 'admin (HUSH_ADMIN_TOKEN)',
        changes: { name: { before: null, after: 'kept' }, role: { before: null, after: 'VIEWER' } },
      },
    ]);
  });

  it('reports a malformed query as a GraphQL validation error, not an internal one', async () => {
    const res = await hush.gql('{ me { noSuchField } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('reports a variable of the wrong type as BAD_USER_INPUT', async () => {
    const res = await hush.gql('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }', {
      input: { name: 'x', role: 'ROOT' },
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  describe('input limits, checked for every argument before any resolver', () => {
    const fields = (res: GraphQLResponse) => {
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      return res.errors![0].extensions!.fields;
    };
    const someId = '00000000-0000-4000-8000-000000000000';

    it('wants every id to be a UUID, inside input objects too, naming the path from the argument', async () => {
      const res = await hush.gql(
        `mutation($m: ID!) { addImpact(maintenanceId: $m, input: { level: OUTAGE, target: { type: CIRCUIT, id: "not-a-uuid" } }) { id } }`,
        { m: someId },
      );
      expect(fields(res)).toEqual([{ path: 'input.target.id', message: 'must be a UUID' }]);
      const nested = await hush.gql('query($t: [SuppressionTarget!]!) { suppressions(targets: $t) { suppressed } }', {
        t: [{ serviceId: someId }, { event: { serviceId: "1' OR '1'='1" } }],
      });
      expect(fields(nested)).toEqual([{ path: 'targets.1.event.serviceId', message: 'must be a UUID' }]);
    });

    it('refuses NUL characters, unpaired surrogates and over-long strings', async () => {
      const CREATE = 'mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }';
      expect(fields(await hush.gql(CREATE, { i: { name: 'a\u0000b' } }))).toEqual([
        { path: 'input.name', message: 'must not contain NUL (U+0000) characters' },
      ]);
      expect(fields(await hush.gql(CREATE, { i: { name: 'ok', description: 'half \uD800' } }))).toEqual([
        { path: 'input.description', message: 'must be valid Unicode text (no unpaired surrogates)' },
      ]);
      expect(fields(await hush.gql(CREATE, { i: { name: 'ok', target: 'x'.repeat(10_001) } }))).toEqual([
        { path: 'input.target', message: 'must be at most 10000 characters long' },
      ]);
      const json = await hush.gql('mutation($e: [EventInput!]!) { ingestEvents(events: $e) { id } }', {
        e: [{ attributes: { k: 'v\u0000' } }],
      });
      expect(fields(json)).toEqual([{ path: 'events.0.attributes', message: 'must not contain NUL (U+0000) characters' }]);
    });

    it('gives every page size one contract: 1 to its maximum', async () => {
      for (const first of [-1, 0, 501]) {
        expect(fields(await hush.gql('query($f: Int!) { monitors(first: $f) { totalCount } }', { f: first }))).toEqual([
          { path: 'first', message: 'must be between 1 and 500' },
        ]);
      }
      expect((await hush.ok('{ monitors(first: 500) { totalCount } }')).monitors.totalCount).toBe(0);
      const preview = await hush.gql(
        'query($l: Int!) { schedulePreview(limit: $l, schedule: { recurrence: DAILY, timeZone: "UTC", startDate: "2026-06-01", startTime: "01:00", endTime: "02:00" }) { start } }',
        { l: 0 },
      );
      expect(fields(preview)).toEqual([{ path: 'limit', message: 'must be between 1 and 1000' }]);
    });

    it('bounds lists, and dates to the years 1970 to 9999', async () => {
      const many = await hush.gql('mutation($ids: [ID!]!) { closeEvents(ids: $ids) { succeeded } }', { ids: Array(1001).fill(someId) });
      expect(fields(many)).toEqual([{ path: 'ids', message: 'must have at most 1000 items' }]);
      for (const from of ['1969-12-31T23:59:59Z', '0001-01-01T00:00:00Z']) {
        const res = await hush.gql('query($f: DateTime!) { calendar(from: $f, to: "2026-06-02T00:00:00Z") { id } }', { f: from });
        expect(fields(res)).toEqual([{ path: 'from', message: 'must be a date in years 1970 to 9999' }]);
      }
    });

    it('refuses a forged cursor as bad input, not SQL', async () => {
      const forged = Buffer.from(JSON.stringify({ v: 'not a time', id: someId })).toString('base64url');
      expect(fields(await hush.gql('query($a: String) { blackoutEvents(after: $a) { totalCount } }', { a: forged }))).toEqual([
        { path: 'after', message: 'is not a cursor this list returned' },
      ]);
    });

    it('tells a caller without a token only that it needs one', async () => {
      expect(codes(await hush.gql('{ monitor(id: "not-a-uuid") { id } }', {}, null))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('refuses a subscription sent over HTTP with a code, not an internal error', async () => {
    const res = await fetch(`${hush.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
      body: JSON.stringify({ query: 'subscription { changeLogged { id } }' }),
    });
    expect(res.status).toBe(400);
    expect(codes((await res.json()) as GraphQLResponse)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('bounds the number of aliases', async () => {
    const wide = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await hush.gql(wide);
    expect(codes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/alias/i);
  });
});
