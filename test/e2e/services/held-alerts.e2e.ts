import { AlertReleaseFeed } from '../../../src/services/alert-release.feed';
import { HeldAlertReleaseWorker } from '../../../src/services/held-alert-release.worker';
import { SuppressionEngine } from '../../../src/suppression/suppression-engine.service';
import { ADMIN_SECRET, TestHush } from '../../support/hush';
import { waitFor } from '../../support/wait';
import { collect, feedListeners, wsClient } from '../../support/ws';
import { createMaintenance, seedInventory } from '../provider-maintenance/fixtures';
import { CREATE_WINDOW, SEND_EVENT, seedService } from './fixtures';

const NOW = '2026-06-01T12:00:00.000Z';
const hours = (n: number) => new Date(Date.parse(NOW) + n * 3_600_000).toISOString();

const HELD = `query($s: [ID!]) { heldAlerts(filter: { serviceIds: $s }) {
  totalCount nodes { dedupKey status triggers firstTriggeredAt lastTriggeredAt expectedReleaseAt reasons { id } heldBy { id } service { name } } } }`;
const INCIDENTS = `query($s: [ID!]) { incidents(filter: { serviceIds: $s }) {
  nodes { dedupKey status openedAt heldBy { source id name } events { result receivedAt } } } }`;
const RELEASES =
  'subscription($s: [ID!]) { alertsReleased(serviceIds: $s) { outcome heldAlert { dedupKey status } incident { dedupKey openedAt } } }';

describe('alerts held over a maintenance', () => {
  let hush: TestHush;
  const release = () => hush.app.get(HeldAlertReleaseWorker).tick();
  const releaseListeners = (count: number) => feedListeners(hush, AlertReleaseFeed, 'alertReleased', count);
  const trigger = (serviceId: string, dedupKey: string, action = 'TRIGGER') =>
    hush.ok(SEND_EVENT, { i: { serviceId, action, dedupKey, summary: `${dedupKey} failing` } });
  const window = async (serviceId: string, from: number, to: number) =>
    (await hush.ok(CREATE_WINDOW, { i: { startsAt: hours(from), endsAt: hours(to), description: 'db upgrade', serviceIds: [serviceId] } }))
      .createMaintenanceWindow.id as string;

  beforeEach(async () => {
    hush = await TestHush.start({ now: NOW });
  });
  afterEach(() => hush.close());

  it('holds a trigger during a window and opens its incident when the window ends, saying what held it', async () => {
    const { serviceId } = await seedService(hush, 'Ledger');
    const windowId = await window(serviceId, -1, 1);
    const ws = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    try {
      const sub = collect(ws, RELEASES, { s: [serviceId] }, 1);
      await releaseListeners(1);
      expect((await trigger(serviceId, 'disk')).sendEvent).toMatchObject({ suppressed: true, event: { result: 'SUPPRESSED' } });
      hush.clock.advance(60_000);
      await trigger(serviceId, 'disk'); // joins the held alert
      expect((await hush.ok(HELD, { s: [serviceId] })).heldAlerts).toEqual({
        totalCount: 1,
        nodes: [
          {
            dedupKey: 'disk',
            status: 'HELD',
            triggers: 2,
            firstTriggeredAt: NOW,
            lastTriggeredAt: '2026-06-01T12:01:00.000Z',
            expectedReleaseAt: hours(1),
            reasons: [{ id: windowId }],
            heldBy: [{ id: windowId }],
            service: { name: 'Ledger' },
          },
        ],
      });
      expect(await release()).toBe(0); // still in maintenance
      expect((await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes).toEqual([]);

      hush.clock.set(hours(1));
      expect(await release()).toBe(1);
      expect(await release()).toBe(0); // once
      const [incident] = (await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes;
      expect(incident).toEqual({
        dedupKey: 'disk',
        status: 'TRIGGERED',
        openedAt: hours(1),
        heldBy: [{ source: 'SERVICE_WINDOW', id: windowId, name: 'db upgrade' }],
        // The held triggers keep their own times.
        events: [
          { result: 'SUPPRESSED', receivedAt: NOW },
          { result: 'SUPPRESSED', receivedAt: '2026-06-01T12:01:00.000Z' },
        ],
      });
      expect((await sub.done)[0].alertsReleased).toEqual({
        outcome: 'INCIDENT_OPENED',
        heldAlert: { dedupKey: 'disk', status: 'RELEASED' },
        incident: { dedupKey: 'disk', openedAt: hours(1) },
      });
      expect((await hush.ok(HELD, { s: [serviceId] })).heldAlerts.totalCount).toBe(0);
    } finally {
      await ws.dispose();
    }
  });

  it('opens nothing for an alert resolved during the window', async () => {
    const { serviceId } = await seedService(hush, 'Ledger');
    await window(serviceId, -1, 1);
    await trigger(serviceId, 'cpu');
    expect((await trigger(serviceId, 'cpu', 'RESOLVE')).sendEvent.event).toEqual({ result: 'HELD_CLEARED', dedupKey: 'cpu' });
    hush.clock.set(hours(2));
    expect(await release()).toBe(0);
    expect((await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes).toEqual([]);
  });

  it('discards held alerts on a service that says DISCARD, and says so', async () => {
    const { serviceId } = await seedService(hush, 'Batch');
    const updated = await hush.ok(
      'mutation($id: ID!) { updateService(id: $id, input: { onMaintenanceEnd: DISCARD }) { onMaintenanceEnd } }',
      {
        id: serviceId,
      },
    );
    expect(updated.updateService.onMaintenanceEnd).toBe('DISCARD');
    await window(serviceId, -1, 1);
    await trigger(serviceId, 'nightly-job');
    const ws = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    try {
      const sub = collect(ws, RELEASES, { s: null }, 1);
      await releaseListeners(1);
      hush.clock.set(hours(1));
      expect(await release()).toBe(1);
      expect((await sub.done)[0].alertsReleased).toEqual({
        outcome: 'DISCARDED',
        heldAlert: { dedupKey: 'nightly-job', status: 'DISCARDED' },
        incident: null,
      });
      expect((await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });

  it('releases at once when the window is ended early, and only after the last overlapping source ends', async () => {
    const { serviceId } = await seedService(hush, 'Ledger');
    const early = await window(serviceId, -1, 3);
    await trigger(serviceId, 'early');
    await hush.ok('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome } }', { id: early });
    expect(await release()).toBe(1);
    expect((await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes.map((i: { openedAt: string }) => i.openedAt)).toEqual([NOW]);

    // A window to 13:00 and provider work on the service to 14:00: the alert waits for both.
    const windowId = await window(serviceId, 0, 1);
    const inv = await seedInventory(hush);
    const work = await createMaintenance(hush, { providerId: inv.provider, status: 'CONFIRMED', startsAt: hours(0.5), endsAt: hours(2) });
    await hush.ok(
      'mutation($m: ID!, $s: ID!) { addImpact(maintenanceId: $m, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
      {
        m: work.id,
        s: serviceId,
      },
    );
    await trigger(serviceId, 'overlap');
    hush.clock.set(hours(0.75));
    expect(await release()).toBe(0); // both hold it now: each is noted
    hush.clock.set(hours(1));
    expect(await release()).toBe(0);
    hush.clock.set(hours(2));
    expect(await release()).toBe(1);
    const opened = (await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes.find(
      (i: { dedupKey: string }) => i.dedupKey === 'overlap',
    );
    expect(opened.openedAt).toBe(hours(2));
    expect(opened.heldBy.map((r: { id: string }) => r.id)).toEqual([windowId, work.id]);
  });

  it('holds an alert over an unresolved outage with no promised release, and releases it when the outage is resolved', async () => {
    const { serviceId } = await seedService(hush, 'Ledger');
    const inv = await seedInventory(hush);
    const outage = (
      await hush.ok('mutation($i: CreateOutageInput!) { createOutage(input: $i) { id } }', {
        i: { name: 'Fibre cut', providerId: inv.provider, summary: 'backbone down', startsAt: hours(-1) },
      })
    ).createOutage.id as string;
    await hush.ok(
      'mutation($o: ID!, $s: ID!) { addOutageImpact(outageId: $o, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
      { o: outage, s: serviceId },
    );
    await trigger(serviceId, 'link');
    const [held] = (await hush.ok(HELD, { s: [serviceId] })).heldAlerts.nodes;
    expect(held).toMatchObject({ status: 'HELD', expectedReleaseAt: null, reasons: [{ id: outage }] });
    hush.clock.set(hours(2));
    expect(await release()).toBe(0); // still unresolved: open-ended
    await hush.ok('mutation($id: ID!) { resolveOutage(id: $id) { status } }', { id: outage });
    expect(await release()).toBe(1);
    const [incident] = (await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes;
    expect(incident).toMatchObject({
      openedAt: hours(2),
      heldBy: [{ source: 'PROVIDER_OUTAGE', id: outage, name: 'Fibre cut (REPORTED)' }],
    });
  });

  it('releases into the incident a trigger after the maintenance opens, before the worker saw the end', async () => {
    const { serviceId } = await seedService(hush, 'Ledger');
    await window(serviceId, -1, 1);
    await trigger(serviceId, 'disk');
    hush.clock.set(hours(1.5));
    expect((await trigger(serviceId, 'disk')).sendEvent.event.result).toBe('ADDED_TO_INCIDENT');
    const [incident] = (await hush.ok(INCIDENTS, { s: [serviceId] })).incidents.nodes;
    expect(incident.events.map((e: { result: string }) => e.result)).toEqual(['SUPPRESSED', 'ADDED_TO_INCIDENT']);
    expect(await release()).toBe(0);
  });

  it('sets the action on create, OPEN_INCIDENT unless told', async () => {
    const { serviceId } = await seedService(hush, 'Default');
    expect((await hush.ok('query($id: ID!) { service(id: $id) { onMaintenanceEnd } }', { id: serviceId })).service.onMaintenanceEnd).toBe(
      'OPEN_INCIDENT',
    );
  });
});

/** Two replicas need one real Postgres; on embedded PGlite there is only ever one process. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('held alerts on two replicas', () => {
  it('releases each alert exactly once with both replicas releasing, and on the next start when the end passed while none ran', async () => {
    const a = await TestHush.start({ now: NOW });
    const b = await TestHush.start({ now: NOW, shareDatabaseWith: a });
    try {
      const { serviceId } = await seedService(a, 'Replicated');
      await a.ok(CREATE_WINDOW, { i: { startsAt: hours(-1), endsAt: hours(1), serviceIds: [serviceId] } });
      for (const key of ['k1', 'k2', 'k3', 'k4', 'k5'])
        await a.ok(SEND_EVENT, { i: { serviceId, action: 'TRIGGER', dedupKey: key, summary: key } });
      // b hears of the window: its engine suppresses the service now.
      await waitFor(() => b.app.get(SuppressionEngine).decide([{ serviceId }], new Date(NOW))[0].suppressed, {
        what: 'b to hear of the window',
      });
      for (const hush of [a, b]) hush.clock.set(hours(1));
      const released = await Promise.all([a, b].map((h) => h.app.get(HeldAlertReleaseWorker).tick()));
      expect(released[0] + released[1]).toBe(5);
      expect(await a.sql(`SELECT count(*)::int AS n FROM incident WHERE service_id = $1`, [serviceId])).toEqual([{ n: 5 }]);

      // Held while a ran, with its end passed by the time the next replica starts: that start releases it.
      await a.ok(CREATE_WINDOW, { i: { startsAt: hours(1), endsAt: hours(2), serviceIds: [serviceId] } });
      await a.ok(SEND_EVENT, { i: { serviceId, action: 'TRIGGER', dedupKey: 'k6', summary: 'k6' } });
      const c = await TestHush.start({ now: hours(3), shareDatabaseWith: a });
      try {
        expect(await a.sql(`SELECT status FROM held_alert WHERE dedup_key = 'k6'`)).toEqual([{ status: 'RELEASED' }]);
      } finally {
        await c.close();
      }
    } finally {
      await b.close();
      await a.close();
    }
  });
});
