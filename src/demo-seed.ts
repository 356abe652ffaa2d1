/**
 * `npm run demo` (or `HUSH_DEMO=1 npm start`): fills an empty store with a
 * small, realistic organisation, so a newcomer's calendar, IDE and
 * subscriptions show something at once. Times are relative to now: some work
 * is running, some starts within minutes, some later this week.
 *
 * Every write goes through the modules' services, as a mutation would: each
 * in its transaction with its change log entry (actor "demo"). A store that
 * already holds anything is left alone.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { formatInTimeZone } from 'date-fns-tz';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { BLACKOUTS_ENTITIES } from './blackouts/blackout.entities';
import { BlackoutPoliciesService } from './blackouts/blackout-policies.service';
import type { Actor } from './common/auth/actor';
import { Clock } from './common/clock/clock';
import { configureApp } from './configure-app';
import { PeriodMaintenanceType, MONITORS_ENTITIES, MonitorKind } from './monitors/monitor.entities';
import { MaintenancePeriodsService } from './monitors/maintenance-periods.service';
import { MonitorsService } from './monitors/monitors.service';
import { PROVIDER_MAINTENANCE_ENTITIES } from './provider-maintenance/entities';
import { ImpactTargetKind } from './common/targets/impact-target.type';
import { ImpactsService } from './provider-maintenance/impacts.service';
import { CIRCUIT, PROVIDER, REGION, SITE } from './provider-maintenance/inventory/inventory.kinds';
import { InventoryService } from './provider-maintenance/inventory/inventory.service';
import { ImpactLevel, MaintenanceStatus } from './provider-maintenance/maintenance-status';
import { MaintenanceService } from './provider-maintenance/maintenance.service';
import type { Schedule } from './schedule';
import { SERVICES_ENTITIES } from './services/entities';
import { ServiceStatus } from './services/entities/service.entity';
import { EscalationPoliciesService } from './services/escalation-policies.service';
import { MaintenanceWindowsService } from './services/maintenance-windows.service';
import { ServiceCatalog } from './services/service-catalog.service';
import { UsersService } from './services/users.service';

const DEMO: Actor = { tokenId: null, name: 'demo' };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DemoResult = { seeded: true; summary: string } | { seeded: false; reason: string };

/** True when no domain table holds a row (API tokens and the change log do not count). */
export async function storeIsEmpty(app: INestApplicationContext): Promise<boolean> {
  const dataSource = app.get(DataSource);
  for (const entity of [...SERVICES_ENTITIES, ...MONITORS_ENTITIES, ...BLACKOUTS_ENTITIES, ...PROVIDER_MAINTENANCE_ENTITIES]) {
    if (await dataSource.getRepository(entity).exists()) return false;
  }
  return true;
}

/** Seeds the demo organisation into an empty store; on any other store does nothing and says why. */
export async function seedDemo(app: INestApplicationContext): Promise<DemoResult> {
  if (!(await storeIsEmpty(app))) {
    return { seeded: false, reason: 'the store already holds data; the demo fills only an empty store' };
  }
  const now = app.get(Clock).now();
  const hour = Math.floor(now.getTime() / HOUR) * HOUR; // the start of the current hour
  const soon = Math.ceil((now.getTime() + 10 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE; // 10–15 minutes ahead
  const at = (base: number, offset: number) => new Date(base + offset);
  const lastWeek = now.getTime() - 7 * DAY; // recurring schedules began a while ago, so one may be under way now
  /** The local day of `t` in `zone`, as a schedule's startDate. */
  const localDay = (zone: string, t: number) => formatInTimeZone(t, zone, 'yyyy-MM-dd');
  /** A one-time schedule for [start, end) written in `zone`'s local time. */
  const oneTime = (zone: string, start: number, end: number): Schedule => ({
    recurrence: 'ONE_TIME',
    timeZone: zone,
    startDate: localDay(zone, start),
    startTime: formatInTimeZone(start, zone, 'HH:mm'),
    endDate: localDay(zone, end),
    endTime: formatInTimeZone(end, zone, 'HH:mm'),
  });

  // People, on-call policies and services.
  const users = app.get(UsersService);
  const ada = await users.create({ name: 'Ada Lindqvist', email: 'ada@example.com', timeZone: 'Europe/London' }, DEMO);
  const ravi = await users.create({ name: 'Ravi Menon', email: 'ravi@example.com', timeZone: 'America/New_York' }, DEMO);
  const yuki = await users.create({ name: 'Yuki Tanaka', email: 'yuki@example.com', timeZone: 'Asia/Tokyo' }, DEMO);
  const policies = app.get(EscalationPoliciesService);
  const rule = (delayMinutes: number, ...ids: string[]) => ({ delayMinutes, targets: ids.map((id) => ({ type: 'USER' as const, id })) });
  const payments = await policies.create(
    { name: 'Payments on-call', description: 'Ada first, then Ravi', numLoops: 2, rules: [rule(15, ada.id), rule(30, ravi.id)] },
    DEMO,
  );
  const platform = await policies.create(
    { name: 'Platform on-call', description: 'Follow the sun', numLoops: 1, rules: [rule(30, yuki.id, ravi.id), rule(30, ada.id)] },
    DEMO,
  );
  const catalog = app.get(ServiceCatalog);
  const service = (name: string, description: string, escalationPolicyId: string) =>
    catalog.create({ name, description, escalationPolicyId, status: ServiceStatus.ACTIVE }, DEMO);
  const checkout = await service('Checkout API', 'Takes orders and payments from the shop', payments.id);
  const ledger = await service('Payments Ledger', 'Double-entry ledger behind every payment', payments.id);
  const portal = await service('Customer Portal', 'Where customers manage their accounts', platform.id);
  const search = await service('Search', 'Product search for the shop and the portal', platform.id);

  // Maintenance windows: one running, one starting in minutes, one later this week.
  const windows = app.get(MaintenanceWindowsService);
  const window = (description: string, startsAt: Date, endsAt: Date, serviceIds: string[], requesterId: string) =>
    windows.create({ description, startsAt, endsAt, serviceIds, requesterId }, DEMO);
  await window('Ledger database failover drill', at(hour, -HOUR), at(hour, 2 * HOUR), [ledger.id], ada.id);
  await window('Checkout API blue/green deploy', at(soon, 0), at(soon, 30 * MINUTE), [checkout.id], ravi.id);
  await window('Search index rebuild', at(hour, 2 * DAY + 3 * HOUR), at(hour, 2 * DAY + 5 * HOUR), [search.id, portal.id], yuki.id);

  // Monitors, groups and their maintenance periods.
  const monitors = app.get(MonitorsService);
  const monitor = (name: string, type: MonitorKind, target: string) =>
    monitors.createMonitor({ name, description: '', type, target, active: true }, DEMO);
  const checkoutHttp = await monitor('checkout-https', MonitorKind.HTTP, 'https://checkout.example.com/health');
  const ledgerDb = await monitor('ledger-postgres', MonitorKind.TCP, 'ledger-db.internal:5432');
  const portalHttp = await monitor('portal-https', MonitorKind.HTTP, 'https://portal.example.com/');
  const searchHttp = await monitor('search-api', MonitorKind.HTTP, 'https://search.internal/status');
  const edgeLon = await monitor('edge-lon-1', MonitorKind.PING, '203.0.113.10');
  const edgeIad = await monitor('edge-iad-1', MonitorKind.PING, '198.51.100.20');
  const group = (name: string, description: string, ids: string[]) => monitors.createGroup({ name, description, monitorIds: ids }, DEMO);
  const paymentsGroup = await group('Payments', 'Everything a payment touches', [checkoutHttp.id, ledgerDb.id]);
  const edgeGroup = await group('Edge routers', 'Border routers, one per site', [edgeLon.id, edgeIad.id]);
  const periods = app.get(MaintenancePeriodsService);
  const weekly = (zone: string, weekdays: Schedule['weekdays'], startTime: string, endTime: string): Schedule => ({
    recurrence: 'WEEKLY',
    timeZone: zone,
    weekdays,
    startDate: localDay(zone, lastWeek),
    startTime,
    endTime,
  });
  await periods.addToGroup(
    paymentsGroup.id,
    {
      name: 'Weekly payments patching',
      description: 'OS patches on the payment hosts',
      maintenanceType: PeriodMaintenanceType.DISABLE_NOTIFICATIONS,
      schedule: weekly('Europe/London', ['SUNDAY'], '02:00', '04:00'),
    },
    DEMO,
  );
  await periods.addToGroup(
    edgeGroup.id,
    {
      name: 'Router firmware window',
      description: 'Firmware upgrades, one router at a time',
      maintenanceType: PeriodMaintenanceType.DISABLE_MONITORING,
      schedule: weekly('America/New_York', ['TUESDAY', 'THURSDAY'], '23:00', '01:00'),
    },
    DEMO,
  );
  await periods.create(
    ledgerDb.id,
    {
      name: 'Nightly backup',
      description: 'pg_basebackup; connections are refused for a moment',
      maintenanceType: PeriodMaintenanceType.DISABLE_NOTIFICATIONS,
      schedule: {
        recurrence: 'DAILY',
        timeZone: 'Asia/Tokyo',
        startDate: localDay('Asia/Tokyo', lastWeek),
        startTime: '03:00',
        endTime: '03:30',
      },
    },
    DEMO,
  );
  await periods.create(
    searchHttp.id,
    {
      name: 'Search cluster resize',
      description: 'Nodes restart one by one',
      maintenanceType: PeriodMaintenanceType.DISABLE_MONITORING,
      schedule: oneTime('UTC', hour - HOUR, hour + 3 * HOUR),
    },
    DEMO,
  );

  // Blackout policies over incoming events.
  const blackouts = app.get(BlackoutPoliciesService);
  const blackout = (name: string, executionOrder: number, selector: string, schedule: Schedule, description: string) =>
    blackouts.create(
      {
        name,
        description,
        executionOrder,
        selector,
        schedule,
        enabled: true,
        blackoutExistingEvents: true,
        resetStatusOnBlackoutEnd: true,
      },
      DEMO,
    );
  await blackout(
    'Staging load test',
    10,
    "environment equals 'staging'",
    oneTime('UTC', hour - HOUR, hour + 2 * HOUR),
    'Expect alerts from staging',
  );
  await blackout(
    'Nightly batch jobs',
    20,
    "class equals 'Batch' AND severity within ['MINOR', 'WARNING']",
    {
      recurrence: 'DAILY',
      timeZone: 'America/New_York',
      startDate: localDay('America/New_York', lastWeek),
      startTime: '00:00',
      endTime: '05:00',
    },
    'Batch jobs are noisy overnight',
  );
  await blackout(
    'Windows patch night',
    30,
    "host starts with 'win-'",
    weekly('Asia/Tokyo', ['WEDNESDAY'], '22:00', '02:00'),
    'Windows hosts reboot after patching',
  );

  // Providers, their inventory, and the work they announced.
  const inventory = app.get(InventoryService);
  const northwind = await inventory.create(PROVIDER, { name: 'Northwind Fibre', slug: 'northwind-fibre' }, DEMO);
  const kestrel = await inventory.create(PROVIDER, { name: 'Kestrel Transit', slug: 'kestrel-transit' }, DEMO);
  const europe = await inventory.create(REGION, { name: 'Europe', parentId: null }, DEMO);
  const uk = await inventory.create(REGION, { name: 'United Kingdom', parentId: europe.id }, DEMO);
  const americas = await inventory.create(REGION, { name: 'North America', parentId: null }, DEMO);
  const apac = await inventory.create(REGION, { name: 'Asia-Pacific', parentId: null }, DEMO);
  const london = await inventory.create(SITE, { name: 'London LD5', regionId: uk.id }, DEMO);
  const frankfurt = await inventory.create(SITE, { name: 'Frankfurt FR2', regionId: europe.id }, DEMO);
  const ashburn = await inventory.create(SITE, { name: 'Ashburn DC2', regionId: americas.id }, DEMO);
  const tokyo = await inventory.create(SITE, { name: 'Tokyo TY3', regionId: apac.id }, DEMO);
  const circuit = (providerId: string, cid: string, siteId: string) =>
    inventory.create(CIRCUIT, { providerId, cid, siteId, locationId: null }, DEMO);
  const lonWave = await circuit(northwind.id, 'NWF-LON-0001', london.id);
  const fraWave = await circuit(northwind.id, 'NWF-FRA-0002', frankfurt.id);
  const iadTransit = await circuit(kestrel.id, 'KST-IAD-0107', ashburn.id);
  const tyoTransit = await circuit(kestrel.id, 'KST-TYO-0042', tokyo.id);
  // Dependencies: the London edge monitor pings across the London wave, and search is served through London.
  await monitors.updateMonitor(edgeLon.id, { watches: [{ type: ImpactTargetKind.CIRCUIT, id: lonWave.id }] }, DEMO);
  await catalog.update(search.id, { dependsOn: [{ type: ImpactTargetKind.MONITOR, id: edgeLon.id }] }, DEMO);

  const work = app.get(MaintenanceService);
  const impacts = app.get(ImpactsService);
  /** A provider maintenance (acknowledged when CONFIRMED), its status and times in the provider's zone, and what it hits. */
  const maintenance = async (
    what: { providerId: string; name: string; summary: string },
    [status, zone, startsAt, endsAt]: [status: MaintenanceStatus, zone: string, startsAt: Date, endsAt: Date],
    hits: [ImpactTargetKind, string, ImpactLevel][],
  ) => {
    const m = await work.create(
      {
        ...what,
        status,
        originalTimeZone: zone,
        startsAt,
        endsAt,
        internalTicket: '',
        acknowledged: status === MaintenanceStatus.CONFIRMED,
        comments: '',
        impactDescription: '',
        replacesId: null,
      },
      DEMO,
    );
    for (const [type, id, level] of hits) await impacts.add({ maintenanceId: m.id }, { target: { type, id }, level }, DEMO);
  };
  await maintenance(
    { providerId: northwind.id, name: 'NWF-2291', summary: 'Emergency fibre splice between London and Frankfurt' },
    [MaintenanceStatus.CONFIRMED, 'Europe/London', at(hour, -HOUR), at(hour, 3 * HOUR)],
    [
      [ImpactTargetKind.CIRCUIT, lonWave.id, ImpactLevel.OUTAGE],
      [ImpactTargetKind.SERVICE, portal.id, ImpactLevel.DEGRADED],
      [ImpactTargetKind.MONITOR, portalHttp.id, ImpactLevel.DEGRADED],
    ],
  );
  await maintenance(
    { providerId: kestrel.id, name: 'KST-88410', summary: 'Core router software upgrade in Ashburn' },
    [MaintenanceStatus.CONFIRMED, 'America/New_York', at(hour, -30 * MINUTE), at(hour, 2 * HOUR)],
    [
      [ImpactTargetKind.CIRCUIT, iadTransit.id, ImpactLevel.REDUCED_REDUNDANCY],
      [ImpactTargetKind.MONITOR, edgeIad.id, ImpactLevel.REDUCED_REDUNDANCY],
      [ImpactTargetKind.SITE, ashburn.id, ImpactLevel.NO_IMPACT],
    ],
  );
  await maintenance(
    { providerId: kestrel.id, name: 'KST-88502', summary: 'Line card replacement in Tokyo' },
    [MaintenanceStatus.TENTATIVE, 'Asia/Tokyo', at(hour, 3 * DAY), at(hour, 3 * DAY + 4 * HOUR)],
    [[ImpactTargetKind.CIRCUIT, tyoTransit.id, ImpactLevel.OUTAGE]],
  );
  await maintenance(
    { providerId: northwind.id, name: 'NWF-2307', summary: 'Amplifier replacement on the Frankfurt span' },
    [MaintenanceStatus.TENTATIVE, 'Europe/Berlin', at(hour, 5 * DAY + 2 * HOUR), at(hour, 5 * DAY + 6 * HOUR)],
    [
      [ImpactTargetKind.CIRCUIT, fraWave.id, ImpactLevel.DEGRADED],
      [ImpactTargetKind.SERVICE, ledger.id, ImpactLevel.REDUCED_REDUNDANCY],
    ],
  );

  return {
    seeded: true,
    summary:
      'Seeded a demo organisation: 3 users, 2 escalation policies, 4 services, 3 maintenance windows, ' +
      '6 monitors in 2 groups with 4 maintenance periods, 3 blackout policies, 2 providers with 4 regions, ' +
      '4 sites and 4 circuits, and 4 provider maintenances (2 running now, 2 tentative).',
  };
}

/** `npm run demo`: seeds the configured store (DATABASE_URL, else PGlite in HUSH_DATA_DIR) and exits; refuses a store with data. */
async function main() {
  process.env.LOG_LEVEL ??= 'error'; // a one-shot command: its own lines, not Nest's start-up log
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  configureApp(app);
  await app.init();
  try {
    const result = await seedDemo(app);
    if (!result.seeded) {
      process.stderr.write(`\nnpm run demo: refused — ${result.reason}. Point it at an empty store (HUSH_DATA_DIR or DATABASE_URL).\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`\n${result.summary}\nNow run \`npm start\` and open the calendar in the GraphQL IDE.\n`);
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
