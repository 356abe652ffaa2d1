import { codes, TestHush } from '../../support/hush';

const CREATE = 'mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id selector } }';
const UPDATE = 'mutation($id: ID!, $i: UpdateBlackoutPolicyInput!) { updateBlackoutPolicy(id: $id, input: $i) { id selector } }';
const INGEST = 'mutation($e: [EventInput!]!) { ingestEvents(events: $e) { status blackedOutBy { id } } }';
const POLICY = 'query($id: ID!) { blackoutPolicy(id: $id) { lastMatchedAt updatedAt } }';
const ALWAYS = { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-01-01', startTime: '00:00', endTime: '00:00' };

describe('blackout policy hygiene', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
  });
  afterAll(() => hush.close());

  let n = 0;
  const policy = (selector: string, extra: Record<string, unknown> = {}) => ({
    name: `policy ${++n}`,
    executionOrder: 1,
    selector,
    schedule: ALWAYS,
    ...extra,
  });
  const hosts = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ host: `${prefix}${i}`, class: 'Ping' }));

  describe('a selector matching most recent events', () => {
    const WEB = "host starts with 'web-'";

    it('is not judged while fewer than 100 events are stored', async () => {
      await hush.ok(INGEST, { e: hosts('web-', 99) });
      expect(codes(await hush.gql(CREATE, { i: policy(WEB) }))).toEqual([]);
    });

    it('is refused on create and on update unless confirmBroad says so, with the share it would have matched', async () => {
      hush.clock.set('2026-06-01T12:01:00Z');
      await hush.ok(INGEST, { e: [...hosts('web-', 730), ...hosts('db-', 270)] });
      const refusal = [
        {
          path: 'input.selector',
          message: 'would have matched 730 of the last 1,000 events (73 %); set confirmBroad: true to save it anyway',
        },
      ];
      const refused = await hush.gql(CREATE, { i: policy(WEB) });
      expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(refused.errors![0].extensions!.fields).toEqual(refusal);
      expect((await hush.ok(CREATE, { i: policy(WEB, { confirmBroad: true }) })).createBlackoutPolicy.selector).toBe(WEB);

      // 270 of 1,000 is narrow enough; widening it to every host is not.
      const narrow = (await hush.ok(CREATE, { i: policy("host starts with 'db-'") })).createBlackoutPolicy;
      const widened = await hush.gql(UPDATE, { id: narrow.id, i: { selector: `host starts with 'db-' OR ${WEB}` } });
      expect(widened.errors![0].extensions!.fields).toEqual([
        {
          path: 'input.selector',
          message: 'would have matched 1,000 of the last 1,000 events (100 %); set confirmBroad: true to save it anyway',
        },
      ]);
      const confirmed = await hush.ok(UPDATE, { id: narrow.id, i: { selector: `host starts with 'db-' OR ${WEB}`, confirmBroad: true } });
      expect(confirmed.updateBlackoutPolicy.selector).toBe(`host starts with 'db-' OR ${WEB}`);
      // A selector kept as it is needs no new confirmation.
      expect(
        codes(await hush.gql(UPDATE, { id: narrow.id, i: { selector: `host starts with 'db-' OR ${WEB}`, description: 'both' } })),
      ).toEqual([]);
    });
  });

  it('records when a policy last blacked out an event, without changing the policy', async () => {
    hush.clock.set('2026-06-02T08:00:00Z');
    const first = (await hush.ok(CREATE, { i: policy("class equals 'Disk'", { enabled: true, executionOrder: 1 }) })).createBlackoutPolicy;
    const shadowed = (await hush.ok(CREATE, { i: policy("class equals 'Disk'", { enabled: true, executionOrder: 2 }) }))
      .createBlackoutPolicy;
    const unused = (await hush.ok(CREATE, { i: policy("class equals 'Tape'", { enabled: true }) })).createBlackoutPolicy;
    const before = (await hush.ok(POLICY, { id: first.id })).blackoutPolicy;
    expect(before.lastMatchedAt).toBeNull();

    hush.clock.set('2026-06-02T09:00:00Z');
    const [event] = (await hush.ok(INGEST, { e: [{ class: 'Disk', host: 'nas-1' }] })).ingestEvents;
    expect(event).toEqual({ status: 'BLACKOUT', blackedOutBy: { id: first.id } });
    expect((await hush.ok(POLICY, { id: first.id })).blackoutPolicy).toEqual({
      lastMatchedAt: '2026-06-02T09:00:00.000Z',
      updatedAt: before.updatedAt,
    });
    hush.clock.set('2026-06-02T10:00:00Z');
    await hush.ok(INGEST, { e: [{ class: 'Disk' }, { class: 'Ping' }] });
    expect((await hush.ok(POLICY, { id: first.id })).blackoutPolicy.lastMatchedAt).toBe('2026-06-02T10:00:00.000Z');
    // Only the policy that blacks an event out counts: one always outranked is as unused as one that never matches.
    expect((await hush.ok(POLICY, { id: shadowed.id })).blackoutPolicy.lastMatchedAt).toBeNull();
    expect((await hush.ok(POLICY, { id: unused.id })).blackoutPolicy.lastMatchedAt).toBeNull();
  });
});
