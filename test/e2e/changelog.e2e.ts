import { codes, TestHush } from '../support/hush';
import { changeListeners, collect, wsClient } from '../support/ws';
import { ADMIN_SECRET } from '../support/hush';

describe('changelog', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
  });
  afterAll(() => hush.close());

  it('pages the audit log newest first with cursors, filtered by object type', async () => {
    for (let i = 0; i < 5; i++) {
      hush.clock.advance(1000);
      await hush.token('VIEWER', `t${i}`);
    }
    const query = `query($after: String) { changeLog(filter: { objectType: "ApiToken" }, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { objectType action actor changes at } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { changeLog }: any = await hush.ok(query, { after });
      expect(changeLog.totalCount).toBe(6); // five tokens and the seeded admin
      seen.push(...changeLog.nodes.map((n: any) => n.changes.name.after));
      after = changeLog.pageInfo.hasNextPage ? changeLog.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['t4', 't3', 't2', 't1', 't0', 'admin (HUSH_ADMIN_TOKEN)']);
  });

  it('refuses a cursor it did not make', async () => {
    const res = await hush.gql('{ changeLog(after: "garbage") { totalCount } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields).toEqual([{ path: 'after', message: 'is not a cursor this list returned' }]);
  });

  it('streams committed changes to graphql-ws subscribers that sent a token in the connection params', async () => {
    const client = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    try {
      const sub = collect(client, 'subscription { changeLogged(objectType: "ApiToken") { objectType action changes } }', {}, 1);
      await changeListeners(hush, 1);
      await hush.token('EDITOR', 'streamed');
      const [event] = await sub.done;
      expect(event.changeLogged).toEqual({
        objectType: 'ApiToken',
        action: 'CREATE',
        changes: { name: { before: null, after: 'streamed' }, role: { before: null, after: 'EDITOR' } },
      });
    } finally {
      await client.dispose();
    }
  });

  it('closes a subscription socket without a valid token', async () => {
    const client = wsClient(hush.url, { authorization: 'Bearer hush_wrong' });
    try {
      const sub = collect(client, 'subscription { changeLogged { id } }', {}, 1);
      await expect(sub.done).rejects.toMatchObject({ code: 4403 });
    } finally {
      await client.dispose();
    }
  });

  it('refuses the subscription to a non-admin', async () => {
    const viewer = await hush.token('VIEWER');
    const client = wsClient(hush.url, { authorization: `Bearer ${viewer}` });
    try {
      const sub = collect(client, 'subscription { changeLogged { id } }', {}, 1);
      await expect(sub.done).rejects.toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
      });
    } finally {
      await client.dispose();
    }
  });
});
