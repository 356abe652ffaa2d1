import { seedDemo } from '../../src/demo-seed';
import { TestHush } from '../support/hush';

const WEEK = 7 * 24 * 3600_000;

describe('demo organisation (npm run demo, HUSH_DEMO=1)', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:07:00Z' });
  }, 120_000);
  afterAll(() => hush.close());

  it("fills an empty store: the coming week's calendar has every kind of source, and something is suppressed now", async () => {
    const result = await seedDemo(hush.app);
    expect(result.seeded).toBe(true);

    const now = hush.clock.now();
    const { calendar } = await hush.ok<{ calendar: { source: string; title: string; start: string }[] }>(
      'query($from: DateTime!, $to: DateTime!) { calendar(from: $from, to: $to) { source title start } }',
      { from: now.toISOString(), to: new Date(now.getTime() + WEEK).toISOString() },
    );
    expect(new Set(calendar.map((e) => e.source))).toEqual(
      new Set(['SERVICE_WINDOW', 'MONITOR_PERIOD', 'BLACKOUT_POLICY', 'PROVIDER_MAINTENANCE']),
    );

    const { services, monitors } = await hush.ok(
      '{ services(first: 100) { nodes { id name } } monitors(first: 100) { nodes { id name } } }',
    );
    const targets = [
      ...services.nodes.map((s: any) => ({ serviceId: s.id })),
      ...monitors.nodes.map((m: any) => ({ monitorId: m.id })),
      { event: { host: 'stg-web-3', class: 'Latency', attributes: { environment: 'staging' } } },
    ];
    const names = [...services.nodes, ...monitors.nodes].map((n: any) => n.name).concat('staging event');
    const { suppressions } = await hush.ok(
      'query($t: [SuppressionTarget!]!) { suppressions(targets: $t) { suppressed reasons { source } } }',
      {
        t: targets,
      },
    );
    const suppressed = names.filter((_, i) => suppressions[i].suppressed);
    expect(suppressed).toEqual(
      expect.arrayContaining(['Payments Ledger', 'Customer Portal', 'search-api', 'portal-https', 'edge-iad-1', 'staging event']),
    );
    // The checkout deploy starts in a few minutes: not yet.
    expect(suppressed).not.toContain('Checkout API');
    expect(new Set(suppressions.flatMap((d: any) => d.reasons.map((r: any) => r.source)))).toEqual(
      new Set(['SERVICE_WINDOW', 'MONITOR_PERIOD', 'BLACKOUT_POLICY', 'PROVIDER_MAINTENANCE']),
    );
  });

  it('leaves a store that already holds data alone', async () => {
    const before = await hush.sql<{ n: number }>('SELECT count(*)::int AS n FROM change_log_entry');
    expect(await seedDemo(hush.app)).toEqual({ seeded: false, reason: expect.stringContaining('already holds data') });
    expect(await hush.sql('SELECT count(*)::int AS n FROM change_log_entry')).toEqual(before);
  });
});
