import { Writable } from 'node:stream';
import pino from 'pino';
import { ROOT_LOGGER } from '../../src/common/logging/logging.module';
import { codes, TestHush } from '../support/hush';

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

  it('bounds the number of aliases', async () => {
    const wide = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await hush.gql(wide);
    expect(codes(res)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/alias/i);
  });
});
