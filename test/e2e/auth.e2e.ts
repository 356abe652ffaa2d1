import { ADMIN_SECRET, codes, type GraphQLResponse, TestHush } from '../support/hush';

describe('auth', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
  });
  afterAll(() => hush.close());

  it('refuses a request without a token with UNAUTHENTICATED', async () => {
    const res = await hush.gql('{ me { id } }', {}, null);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toBeNull();
  });

  it('refuses an unknown token', async () => {
    expect(codes(await hush.gql('{ me { id } }', {}, 'hush_not-a-real-token'))).toEqual(['UNAUTHENTICATED']);
  });

  it('answers me for the seeded admin token', async () => {
    const data = await hush.ok('{ me { name role revokedAt } }');
    expect(data.me).toEqual({ name: 'admin (HUSH_ADMIN_TOKEN)', role: 'ADMIN', revokedAt: null });
  });

  it('creates a token whose secret works once shown, and lists it without the secret', async () => {
    const created = await hush.ok(`mutation { createApiToken(input: { name: "ci", role: EDITOR }) { token apiToken { id name role } } }`);
    const { token, apiToken } = created.createApiToken;
    expect(token).toMatch(/^hush_[A-Za-z0-9_-]{43}$/);
    expect((await hush.ok('{ me { id role } }', {}, token)).me).toEqual({ id: apiToken.id, role: 'EDITOR' });
    const list = await hush.ok('{ apiTokens { id name role } }');
    expect(list.apiTokens).toContainEqual({ id: apiToken.id, name: 'ci', role: 'EDITOR' });
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('forbids a VIEWER to create tokens or list them, but lets it read me', async () => {
    const viewer = await hush.token('VIEWER');
    const create = await hush.gql(`mutation { createApiToken(input: { name: "x", role: ADMIN }) { token } }`, {}, viewer);
    expect(codes(create)).toEqual(['FORBIDDEN']);
    expect(create.errors![0].extensions).toMatchObject({ required: 'ADMIN', actual: 'VIEWER' });
    expect(codes(await hush.gql('{ apiTokens { id } }', {}, viewer))).toEqual(['FORBIDDEN']);
    expect((await hush.ok('{ me { role } }', {}, viewer)).me.role).toBe('VIEWER');
  });

  it('forbids an EDITOR to manage tokens', async () => {
    const editor = await hush.token('EDITOR');
    expect(codes(await hush.gql('{ apiTokens { id } }', {}, editor))).toEqual(['FORBIDDEN']);
  });

  it('refuses a revoked token at once', async () => {
    const secret = await hush.token('EDITOR', 'to revoke');
    const { me } = await hush.ok('{ me { id } }', {}, secret);
    const revoked = await hush.ok('mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }', { id: me.id });
    expect(revoked.revokeApiToken.revokedAt).toBe('2026-06-01T12:00:00.000Z');
    expect(codes(await hush.gql('{ me { id } }', {}, secret))).toEqual(['UNAUTHENTICATED']);
    // Revoking again changes nothing.
    const again = await hush.ok('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: me.id });
    expect(again.revokeApiToken.revokedAt).toBe('2026-06-01T12:00:00.000Z');
  });

  it('answers NOT_FOUND for an unknown token id and BAD_USER_INPUT for a malformed one', async () => {
    const missing = await hush.gql('mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(codes(missing)).toEqual(['NOT_FOUND']);
    const malformed = await hush.gql('mutation { revokeApiToken(id: "nope") { id } }');
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0].extensions!.fields).toEqual([{ path: 'id', message: 'must be a UUID' }]);
  });

  it('reports every bad field of an input', async () => {
    const res = await hush.gql('mutation { createApiToken(input: { name: "", role: VIEWER }) { token } }');
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields).toEqual([{ path: 'input.name', message: expect.stringContaining('name') }]);
  });

  it('answers introspection only to a VIEWER token or better, like any other query', async () => {
    const post = (query: string, token?: string) =>
      fetch(`${hush.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
    for (const query of [
      '{ __schema { queryType { name } } }',
      '{ __type(name: "Monitor") { name } }',
      'query { ...f } fragment f on Query { __schema { types { name } } }',
    ]) {
      for (const token of [undefined, 'hush_not-a-real-token']) {
        const refused = await post(query, token);
        expect(refused.status).toBe(401);
        const body = (await refused.json()) as GraphQLResponse;
        expect(codes(body)).toEqual(['UNAUTHENTICATED']);
        expect(body.data).toBeUndefined();
      }
    }
    const calendar = await hush.token('CALENDAR', 'introspecting calendar');
    const forbidden = await post('{ __schema { queryType { name } } }', calendar);
    expect(forbidden.status).toBe(403);
    expect(codes((await forbidden.json()) as GraphQLResponse)).toEqual(['FORBIDDEN']);
    const viewer = await hush.token('VIEWER', 'introspecting viewer');
    const res = await post('{ __schema { queryType { name } } }', viewer);
    expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(await (await post('{ __typename }')).json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps the health check open and reports the database', async () => {
    const res = await fetch(`${hush.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      database: 'up',
      listening: true,
      suppression: { fullLoads: 1, repairs: 0 },
    });
  });

  it('accepts the token case-insensitively after "Bearer"', async () => {
    const res = await fetch(`${hush.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${ADMIN_SECRET}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: { role: 'ADMIN' } } });
  });
});
