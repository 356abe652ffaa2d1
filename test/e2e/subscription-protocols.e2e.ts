import WebSocket from 'ws';
import { SubscriptionSockets } from '../../src/common/shutdown/graceful-shutdown';
import { WindowTransitionWorker } from '../../src/suppression/window-transition.worker';
import { TestHush } from '../support/hush';
import { collect, LegacyClient, SubscriptionFailed, transitionListeners, wsClient } from '../support/ws';
import { CREATE_WINDOW, seedService } from './services/fixtures';

const TRANSITIONS = `subscription($serviceIds: [ID!]) { windowTransitions(serviceIds: $serviceIds) { kind at id name } }`;

/** Message and code of each error, to compare what each transport says. */
const summary = (errors: readonly { message: string; extensions?: Record<string, any> }[]) =>
  errors.map((e) => ({ message: e.message, code: e.extensions?.code }));

describe('subscriptions over both WebSocket protocols on /graphql', () => {
  let hush: TestHush;
  let viewer: string;
  const legacyClients: LegacyClient[] = [];
  const legacy = (params?: Record<string, unknown>, protocols?: string[]) => {
    const client = new LegacyClient(hush.url, params, protocols);
    legacyClients.push(client);
    return client;
  };

  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
    viewer = await hush.token('VIEWER');
  });
  afterEach(async () => {
    await Promise.all(legacyClients.splice(0).map((c) => c.close()));
  });
  afterAll(() => hush.close());

  const tickAt = async (at: string) => {
    hush.clock.set(at);
    return hush.app.get(WindowTransitionWorker).tick();
  };

  it('answers each client in the protocol it offers: graphql-transport-ws first, else the legacy graphql-ws', async () => {
    expect(await legacy(undefined, ['graphql-ws']).protocol()).toBe('graphql-ws');
    expect(await legacy(undefined, ['graphql-ws', 'graphql-transport-ws']).protocol()).toBe('graphql-transport-ws');
    expect(await legacy(undefined, ['graphql-transport-ws']).protocol()).toBe('graphql-transport-ws');
    // None: graphql-ws's own answer, 4406.
    expect(await legacy(undefined, []).closed).toMatchObject({ code: 4406 });
    const elsewhere = new WebSocket(hush.url.replace(/^http/, 'ws') + '/elsewhere', 'graphql-ws');
    const status = await new Promise((resolve) => elsewhere.once('unexpected-response', (_req, res) => resolve(res.statusCode)));
    elsewhere.on('error', () => undefined);
    elsewhere.terminate();
    expect(status).toBe(404);
  });

  it('delivers each transition exactly once to a legacy client with a token, as to a graphql-ws client beside it', async () => {
    const { serviceId } = await seedService(hush, 'Legacy');
    const window = (
      await hush.ok(CREATE_WINDOW, {
        i: { startsAt: '2026-06-01T12:30:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId], description: 'Playground window' },
      })
    ).createMaintenanceWindow;
    // GraphQL Playground sends its HTTP headers as the connection params.
    const old = legacy({ Authorization: `Bearer ${viewer}` });
    await old.start('1', TRANSITIONS, { serviceIds: [serviceId] });
    const modern = wsClient(hush.url, { authorization: `Bearer ${viewer}` });
    try {
      const sub = collect(modern, TRANSITIONS, { serviceIds: [serviceId] }, 2);
      await transitionListeners(hush, 2);

      expect(await tickAt('2026-06-01T12:30:00Z')).toBe(1);
      expect(await tickAt('2026-06-01T13:00:00Z')).toBe(1);
      const expected = [
        { kind: 'STARTED', at: '2026-06-01T12:30:00.000Z', id: window.id, name: 'Playground window' },
        { kind: 'ENDED', at: '2026-06-01T13:00:00.000Z', id: window.id, name: 'Playground window' },
      ];
      expect((await sub.done).map((d) => d.windowTransitions)).toEqual(expected);
      await old.next((m) => m.id === '1' && m.payload?.data?.windowTransitions?.kind === 'ENDED');
      expect(await tickAt('2026-06-01T13:00:00Z')).toBe(0);
      await old.roundTrip();
      expect(old.of('1')).toEqual(expected.map((t) => ({ id: '1', type: 'data', payload: { data: { windowTransitions: t } } })));
      expect(old.received.filter((m) => !m.id).map((m) => m.type)).toEqual(['connection_ack', 'ka']);

      await old.stop('1');
      await old.next((m) => m.id === '1' && m.type === 'complete');
    } finally {
      await modern.dispose();
    }
  });

  it.each([
    ['no connection params', async () => ({})],
    ['an unknown token', async () => ({ authorization: 'Bearer hush_not-a-real-token' })],
    ['a feed-only CALENDAR token', async () => ({ authorization: `Bearer ${await hush.token('CALENDAR')}` })],
  ])('refuses a legacy connection with %s (connection_error, then 4403) and runs nothing', async (_name, params) => {
    const client = legacy(await params());
    await client.start('1', TRANSITIONS);
    expect(await client.closed).toMatchObject({ code: 4403 });
    expect(client.received).toEqual([{ type: 'connection_error', payload: { message: expect.stringMatching(/token/) } }]);
  });

  it('closes a legacy socket that starts an operation without connection_init (4401)', async () => {
    const client = legacy();
    await client.start('1', '{ me { id } }');
    expect(await client.closed).toMatchObject({ code: 4401 });
    expect(client.received).toEqual([]);
  });

  it('runs queries over the legacy protocol, and refuses a subscription the token may not see', async () => {
    const client = legacy({ authorization: `Bearer ${viewer}` });
    await client.start('q', '{ me { role } }');
    await client.next((m) => m.id === 'q' && m.type === 'complete');
    expect(client.of('q')).toEqual([
      { id: 'q', type: 'data', payload: { data: { me: { role: 'VIEWER' } } } },
      { id: 'q', type: 'complete' },
    ]);
    await client.start('admin-only', 'subscription { changeLogged { id } }');
    await client.next((m) => m.id === 'admin-only');
    await client.roundTrip();
    expect(client.of('admin-only')).toEqual([
      { id: 'admin-only', type: 'error', payload: expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }) },
    ]);
  });

  it('answers a bad or too large operation with the errors HTTP gives, on both protocols', async () => {
    const old = legacy({ authorization: `Bearer ${viewer}` });
    const modern = wsClient(hush.url, { authorization: `Bearer ${viewer}` });
    try {
      const cases: Record<string, string> = {
        syntax: 'subscription { windowTransitions {',
        unknownField: 'subscription { windowTransitions { nope } }',
        tooManyAliases: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
        tooManyTokens: `{ me { ${'id '.repeat(6000)}} }`,
      };
      for (const [id, query] of Object.entries(cases)) {
        const http = summary((await hush.gql(query, {}, viewer)).errors ?? []);
        expect(http).toEqual([expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' })]);

        await old.start(id, query);
        const answer = await old.next((m) => m.id === id && m.type === 'data');
        expect([id, summary(answer.payload.errors)]).toEqual([id, http]);
        await old.next((m) => m.id === id && m.type === 'complete');

        const errors = await collect(modern, query, {}, 1).done.then(
          () => [],
          (e: SubscriptionFailed) => e.errors ?? [],
        );
        expect([id, summary(errors)]).toEqual([id, http]);
      }
    } finally {
      await modern.dispose();
    }
  });

  it('closes legacy and graphql-ws sockets with 1001 at shutdown, and every later one', async () => {
    const old = legacy({ authorization: `Bearer ${viewer}` });
    await old.next((m) => m.type === 'connection_ack');
    const modern = legacy(undefined, ['graphql-transport-ws']);
    expect(await modern.protocol()).toBe('graphql-transport-ws');
    hush.app.get(SubscriptionSockets).closeAll();
    expect(await old.closed).toMatchObject({ code: 1001 });
    expect(await modern.closed).toMatchObject({ code: 1001 });
    expect(await legacy({ authorization: `Bearer ${viewer}` }).closed).toMatchObject({ code: 1001 });
  });
});
