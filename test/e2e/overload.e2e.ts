import { performance } from 'node:perf_hooks';
import { requestInFlight } from '../support/held-request';
import { ADMIN_SECRET, TestHush, type GraphQLResponse } from '../support/hush';
import { waitFor } from '../support/wait';
import { CREATE_WINDOW, seedService } from './services/fixtures';

const CALENDAR = 'query($f: DateTime!, $t: DateTime!) { calendar(from: $f, to: $t) { id } }';
const RANGE = { f: '2026-06-01T00:00:00Z', t: '2026-07-01T00:00:00Z' };

/** `n` requests Hush has begun and whose bodies are held back (requestInFlight): a queue as a flood leaves one. */
async function holdRequests(hush: TestHush, n: number) {
  const body = JSON.stringify({ query: '{ __typename }' });
  const held = await Promise.all(Array.from({ length: n }, () => requestInFlight(hush.url, body)));
  return { release: () => Promise.all(held.map((request) => request.send())) };
}

/** A POST as any client sends it, with what a test needs of the answer. */
async function post(hush: TestHush, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`${hush.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_SECRET}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as GraphQLResponse };
}

describe('an overloaded replica', () => {
  let hush: TestHush;
  let serviceId: string;
  let stopHog = () => {};
  let queue: { release(): Promise<unknown> } | undefined;
  /** Answers the held requests (once): a failed test must not leave them holding the server open. */
  const releaseQueue = async () => {
    const held = queue;
    queue = undefined;
    await held?.release();
  };
  beforeAll(async () => {
    hush = await TestHush.start({ env: { HUSH_SHED_BUSY_PERCENT: '90' } });
    ({ serviceId } = await seedService(hush));
  });
  afterAll(async () => {
    stopHog();
    await releaseQueue();
    await hush.close();
  });

  /**
   * The app shares this process's event loop: keeping it busy 200 ms of every
   * turn is what a flood of requests does to it. Each turn still reads the
   * sockets (setImmediate runs after them), so requests arrive and queue.
   */
  const hogTheLoop = () => {
    let hogging = true;
    const spin = () => {
      const until = performance.now() + 200;
      while (performance.now() < until);
      if (hogging) setImmediate(spin);
    };
    setImmediate(spin);
    return () => (hogging = false);
  };

  it('serves one client asking back to back however busy the loop is: nothing queues', async () => {
    stopHog = hogTheLoop();
    for (let i = 0; i < 8; i++) expect((await post(hush, CALENDAR, RANGE)).status).toBe(200);
    stopHog();
  });

  it('refuses the calendar, lists and the feed with 503 OVERLOADED while requests queue, still answers decisions and writes, and serves everything after', async () => {
    queue = await holdRequests(hush, 40);
    stopHog = hogTheLoop();
    const refused = await waitFor(
      async () => {
        const res = await post(hush, CALENDAR, RANGE);
        return res.status === 503 ? res : null;
      },
      { what: 'a calendar refused' },
    );
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('overloaded'), extensions: { code: 'OVERLOADED' } }),
    ]);
    expect(refused.body.data).toBeUndefined();
    const list = await post(hush, '{ services(first: 5) { nodes { id } } }');
    expect([list.status, list.body.errors?.[0].extensions?.code]).toEqual([503, 'OVERLOADED']);
    const feed = await fetch(`${hush.url}/calendar.ics`, { headers: { authorization: `Bearer ${ADMIN_SECRET}` } });
    expect([feed.status, feed.headers.get('retry-after'), ((await feed.json()) as GraphQLResponse).errors?.[0].extensions?.code]).toEqual([
      503,
      '1',
      'OVERLOADED',
    ]);

    const decision = await post(hush, 'query($t: SuppressionTarget!) { suppression(target: $t) { suppressed } }', { t: { serviceId } });
    expect([decision.status, decision.body]).toEqual([200, { data: { suppression: { suppressed: false } } }]);
    const write = await post(hush, CREATE_WINDOW, {
      i: { startsAt: '2026-06-02T00:00:00Z', endsAt: '2026-06-02T04:00:00Z', serviceIds: [serviceId] },
    });
    expect([write.status, write.body.errors]).toEqual([200, undefined]);

    stopHog();
    await releaseQueue();
    const served = await waitFor(
      async () => {
        const res = await post(hush, CALENDAR, RANGE);
        return res.status === 200 ? res : null;
      },
      { what: 'the calendar served again' },
    );
    expect(served.body.data).toEqual({ calendar: [expect.objectContaining({ id: expect.any(String) })] });
  });
});
