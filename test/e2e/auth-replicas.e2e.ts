import { codes, TestHush } from '../support/hush';

/** Two replicas need one real Postgres; on embedded PGlite there is only ever one process. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('tokens on two replicas', () => {
  let a: TestHush;
  let b: TestHush;
  beforeAll(async () => {
    a = await TestHush.start();
    b = await TestHush.start({ shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a token revoked on one replica is refused by the other within a second, though the other had it cached', async () => {
    const secret = await a.token('VIEWER', 'cached elsewhere');
    const { me } = await b.ok('{ me { id } }', {}, secret); // b now trusts it without asking the database
    await a.ok('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: me.id });
    const started = Date.now();
    while (codes(await b.gql('{ me { id } }', {}, secret))[0] !== 'UNAUTHENTICATED') {
      if (Date.now() - started > 1000) throw new Error('the other replica still accepts the revoked token');
      await new Promise((r) => setTimeout(r, 10));
    }
  });
});
