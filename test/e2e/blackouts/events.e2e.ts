import { BlackoutWorker } from '../../../src/blackouts/blackout-worker';
import { TestHush } from '../../support/hush';

const CREATE = `mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id } }`;
const INGEST = `mutation($e: [EventInput!]!) { ingestEvents(events: $e) { id status previousStatus blackedOutBy { id name } } }`;
const EVENTS = `query($ids: [ID!]) { blackoutEvents(filter: { ids: $ids }) { nodes { id status previousStatus blackedOutBy { id } } } }`;

describe('the event store and blackout actions', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T09:00:00Z' });
  });
  afterAll(() => hush.close());
  const tick = () => hush.app.get(BlackoutWorker).tick();
  const statuses = async (ids: string[]) =>
    Object.fromEntries(
      (await hush.ok(EVENTS, { ids })).blackoutEvents.nodes.map((e: { id: string; status: string }) => [e.id, e.status]),
    ) as Record<string, string>;

  let n = 0;
  const policy = async (extra: Record<string, unknown>) =>
    (
      await hush.ok(CREATE, {
        i: {
          name: `events policy ${++n}`,
          executionOrder: 100,
          enabled: true,
          schedule: { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-06-01', startTime: '12:00', endTime: '13:00' },
          ...extra,
        },
      })
    ).createBlackoutPolicy.id as string;

  it('blacks out events ingested inside a window, by the lowest execution order, and not outside it', async () => {
    hush.clock.set('2026-06-01T09:00:00Z');
    const low = await policy({ selector: "host starts with 'db-'", executionOrder: 5 });
    await policy({ selector: "severity within ['CRITICAL','MAJOR']", executionOrder: 50 });
    hush.clock.set('2026-06-01T10:30:00Z'); // 12:30 in Berlin
    const inside = (
      await hush.ok(INGEST, {
        e: [
          { host: 'db-1', severity: 'CRITICAL', message: 'disk' },
          { host: 'web-1', severity: 'MAJOR' },
          { host: 'web-2', severity: 'INFO' },
        ],
      })
    ).ingestEvents;
    expect(inside.map((e: { status: string }) => e.status)).toEqual(['BLACKOUT', 'BLACKOUT', 'OPEN']);
    expect(inside[0]).toMatchObject({ previousStatus: 'OPEN', blackedOutBy: { id: low } });
    hush.clock.set('2026-06-01T11:00:00Z'); // 13:00 in Berlin: over
    const after = (await hush.ok(INGEST, { e: [{ host: 'db-1', severity: 'CRITICAL' }] })).ingestEvents;
    expect(after[0]).toMatchObject({ status: 'OPEN', blackedOutBy: null });
  });

  it('runs the start action on open events and the end action back, leaving closed ones closed', async () => {
    hush.clock.set('2026-06-02T08:00:00Z');
    const id = await policy({
      selector: "class equals 'batch'",
      blackoutExistingEvents: true,
      resetStatusOnBlackoutEnd: true,
      executionOrder: 1,
    });
    const made = (
      await hush.ok(INGEST, {
        e: [
          { class: 'batch', host: 'a' },
          { class: 'batch', host: 'b' },
          { class: 'web', host: 'c' },
        ],
      })
    ).ingestEvents.map((e: { id: string }) => e.id);
    // Yesterday's ENDs of the two policies that blacked out db-1 and web-1 release them (see below); nothing else is due.
    expect(await tick()).toBe(2);
    expect(await tick()).toBe(0);
    hush.clock.set('2026-06-02T10:00:00Z'); // 12:00 Berlin: start
    await tick();
    expect(await statuses(made)).toEqual({ [made[0]]: 'BLACKOUT', [made[1]]: 'BLACKOUT', [made[2]]: 'OPEN' });
    await hush.ok('mutation($ids: [ID!]!) { closeEvents(ids: $ids) { succeeded } }', { ids: [made[1]] });
    expect(await tick()).toBe(0); // the start ran already
    hush.clock.set('2026-06-02T11:00:00Z'); // 13:00 Berlin: end
    await tick();
    expect(await statuses(made)).toEqual({ [made[0]]: 'OPEN', [made[1]]: 'CLOSED', [made[2]]: 'OPEN' });
    const log = await hush.ok('query($id: ID!) { changeLog(filter: { objectId: $id }) { nodes { action changes } } }', { id });
    expect(log.changeLog.nodes.filter((e: { action: string }) => e.action === 'TRANSITION')).toHaveLength(2);
  });

  it('releases what a policy blacked out at its END, resetting or not, recording each release and counting it on the run', async () => {
    hush.clock.set('2026-06-06T09:00:00Z');
    const plain = await policy({ selector: "host equals 'rel-a'", executionOrder: 4 });
    const resetting = await policy({ selector: "host equals 'rel-b'", resetStatusOnBlackoutEnd: true, executionOrder: 4 });
    hush.clock.set('2026-06-06T10:30:00Z');
    const [a, b, closed] = (await hush.ok(INGEST, { e: [{ host: 'rel-a' }, { host: 'rel-b' }, { host: 'rel-a' }] })).ingestEvents.map(
      (e: { id: string }) => e.id,
    );
    await hush.ok('mutation($ids: [ID!]!) { closeEvents(ids: $ids) { succeeded } }', { ids: [closed] });
    hush.clock.set('2026-06-06T11:00:00Z');
    await tick();
    const released = await hush.ok(
      'query($ids: [ID!]) { blackoutEvents(filter: { ids: $ids }) { nodes { id status releasedAt releasedFrom { id } blackedOutBy { id } } } }',
      { ids: [a, b, closed] },
    );
    const byId = Object.fromEntries(released.blackoutEvents.nodes.map((e: { id: string }) => [e.id, e]));
    expect(byId[a]).toEqual({
      id: a,
      status: 'BLACKOUT',
      releasedAt: '2026-06-06T11:00:00.000Z',
      releasedFrom: { id: plain },
      blackedOutBy: { id: plain },
    });
    expect(byId[b]).toEqual({
      id: b,
      status: 'OPEN',
      releasedAt: '2026-06-06T11:00:00.000Z',
      releasedFrom: { id: resetting },
      blackedOutBy: null,
    });
    expect(byId[closed]).toMatchObject({ status: 'CLOSED', releasedAt: null });
    const RUN = 'query($id: ID!) { blackoutPolicy(id: $id) { lastRun { start end kind at eventsAffected } } }';
    expect((await hush.ok(RUN, { id: plain })).blackoutPolicy.lastRun).toEqual({
      start: '2026-06-06T10:00:00.000Z',
      end: '2026-06-06T11:00:00.000Z',
      kind: 'END',
      at: '2026-06-06T11:00:00.000Z',
      eventsAffected: 1,
    });
    // Released once: the next day's end has nothing left of it.
    hush.clock.set('2026-06-07T11:00:00Z');
    await tick();
    expect((await hush.ok(RUN, { id: plain })).blackoutPolicy.lastRun).toMatchObject({
      start: '2026-06-07T10:00:00.000Z',
      kind: null,
      eventsAffected: 0,
    });
  });

  it('catches up on an end missed while down', async () => {
    hush.clock.set('2026-06-03T10:30:00Z');
    const id = await policy({ selector: "host equals 'late'", resetStatusOnBlackoutEnd: true, executionOrder: 2 });
    const [e] = (await hush.ok(INGEST, { e: [{ host: 'late' }] })).ingestEvents;
    expect(e.blackedOutBy.id).toBe(id);
    hush.clock.set('2026-06-04T09:00:00Z'); // the end (11:00Z yesterday) passed with no tick
    await tick();
    expect(await statuses([e.id])).toEqual({ [e.id]: 'OPEN' });
  });

  it('ends the blackout now when an active policy is disabled, resetting events', async () => {
    hush.clock.set('2026-06-05T10:15:00Z');
    const id = await policy({ selector: "host equals 'switch'", resetStatusOnBlackoutEnd: true, executionOrder: 3 });
    const [e] = (await hush.ok(INGEST, { e: [{ host: 'switch' }] })).ingestEvents;
    expect(e.status).toBe('BLACKOUT');
    await hush.ok('mutation($ids: [ID!]!) { disableBlackoutPolicies(ids: $ids) { succeeded } }', { ids: [id] });
    expect(await statuses([e.id])).toEqual({ [e.id]: 'OPEN' });
  });

  it('acknowledges and closes, keeping the previous status; unknown ids fail per id, malformed ones the whole call', async () => {
    hush.clock.set('2026-06-06T09:00:00Z');
    const [e] = (await hush.ok(INGEST, { e: [{ host: 'ack' }] })).ingestEvents;
    const ACK = 'mutation($ids: [ID!]!) { acknowledgeEvents(ids: $ids) { succeeded failed { id code } } }';
    const malformed = await hush.gql(ACK, { ids: [e.id, 'nope'] });
    expect(malformed.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'ids.1', message: 'must be a UUID' }],
    });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ack = (await hush.ok(ACK, { ids: [e.id, unknown] })).acknowledgeEvents;
    expect(ack).toEqual({ succeeded: [e.id], failed: [{ id: unknown, code: 'NOT_FOUND' }] });
    const { blackoutEvents: events } = await hush.ok(EVENTS, { ids: [e.id] });
    expect(events.nodes[0]).toMatchObject({ status: 'ACKNOWLEDGED', previousStatus: 'OPEN' });
    // The name before blackoutEvents, and its filter type, still answer (deprecated).
    const text = await hush.ok('query($f: EventFilter) { events(filter: $f) { nodes { id } } }', { f: { text: 'ACK' } });
    expect(text.events.nodes).toEqual([{ id: e.id }]);
    const many = await hush.gql(INGEST, { e: Array.from({ length: 1001 }, () => ({ host: 'x' })) });
    expect(many.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'events' }] });
  });

  it('holds a policy whose selector has a number too long to write back (read as Infinity) like any other', async () => {
    hush.clock.set('2026-06-01T09:00:00Z');
    const huge = await policy({ selector: `severity equals 1${'0'.repeat(310)} OR host equals 'huge-1'`, executionOrder: 1 });
    hush.clock.set('2026-06-01T10:30:00Z');
    const [e] = (await hush.ok(INGEST, { e: [{ host: 'huge-1' }] })).ingestEvents;
    expect(e).toMatchObject({ status: 'BLACKOUT', blackedOutBy: { id: huge } });
  });
});
