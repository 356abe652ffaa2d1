/**
 * npm run bench:risks
 *
 * Redundancy risks with 1,000 groups of 2–6 circuits and 20,000 provider
 * maintenances over a year (one or two OUTAGE or DEGRADED impacts each, one
 * in eight TENTATIVE), on PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/hush_bench, recreated each run).
 * It prints, beside the obvious baseline for each:
 *   - all the risks of the year (`redundancyRisks` as its service computes
 *     them: the engine's downtimes per group, then a sweep), against scanning
 *     every group's availability at each instant a downtime starts or ends;
 *   - the risks one new maintenance creates (`Maintenance.risks` right after
 *     its write: only the groups its impacts reach), against the whole year
 *     computed again.
 * Goals: the year in ≤ 200 ms; one maintenance's risks in ≤ 5 ms.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { SYSTEM_ACTOR } from '../src/common/auth/actor';
import { SuppressionSource } from '../src/common/graphql/suppression-reason.type';
import { SuppressionPort } from '../src/common/suppression/suppression.port';
import { ImpactTargetKind } from '../src/common/targets/impact-target.type';
import { Circuit, Provider } from '../src/provider-maintenance/entities/inventory.entities';
import { Impact, Maintenance } from '../src/provider-maintenance/entities/maintenance.entity';
import { ImpactsService } from '../src/provider-maintenance/impacts.service';
import { MaintenanceService } from '../src/provider-maintenance/maintenance.service';
import { ImpactLevel, MaintenanceStatus } from '../src/provider-maintenance/maintenance-status';
import { MemberPriority, RedundancyGroup, RedundancyGroupMember } from '../src/redundancy/redundancy.entities';
import { RedundancyGroupsService } from '../src/redundancy/redundancy-groups.service';
import { RedundancyRisksService } from '../src/redundancy/redundancy-risks.service';
import { dropDatabase, freshDatabase } from './bench-database';
import { random } from './random';

const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hush_bench');
const GROUPS = 1_000;
const MAINTENANCES = 20_000;
const CIRCUITS = 3_000;
const HOUR = 3_600_000;
const YEAR_START = new Date('2027-01-01T00:00:00Z');
const YEAR_END = new Date('2028-01-01T00:00:00Z');
const RUNS = 7;

const rnd = random(19);
const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];

async function insert<T>(dataSource: DataSource, entity: new () => T, rows: Partial<T>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1_000) {
    const result = await dataSource.getRepository(entity).insert(rows.slice(i, i + 1_000));
    ids.push(...result.identifiers.map((r) => r.id as string));
  }
  return ids;
}

async function seed(dataSource: DataSource) {
  const [providerId] = await insert(dataSource, Provider, [{ name: 'Transit', slug: 'transit' }]);
  const circuits = await insert(
    dataSource,
    Circuit,
    Array.from({ length: CIRCUITS }, (_, i) => ({ providerId, cid: `CID-${i}` })),
  );
  const groups = await insert(
    dataSource,
    RedundancyGroup,
    Array.from({ length: GROUPS }, (_, i) => ({ name: `group ${i}`, minimumAvailable: rnd() < 0.8 ? 1 : 2 })),
  );
  const priorities = [MemberPriority.PRIMARY, MemberPriority.SECONDARY, MemberPriority.TERTIARY, MemberPriority.INACTIVE];
  await insert(
    dataSource,
    RedundancyGroupMember,
    groups.flatMap((groupId) => {
      const members = new Set(Array.from({ length: 2 + Math.floor(rnd() * 5) }, () => pick(circuits)));
      return [...members].map((targetId, i) => ({
        groupId,
        targetType: 'CIRCUIT',
        targetId,
        priority: i < 2 ? priorities[i] : pick(priorities),
      }));
    }),
  );
  const span = YEAR_END.getTime() - YEAR_START.getTime();
  const maintenances = await insert(
    dataSource,
    Maintenance,
    Array.from({ length: MAINTENANCES }, (_, i) => {
      const start = YEAR_START.getTime() + Math.floor((rnd() * span) / HOUR) * HOUR;
      return {
        name: `WO-${i}`,
        summary: 'bench',
        providerId,
        startsAt: new Date(start),
        endsAt: new Date(start + (1 + Math.floor(rnd() * 8)) * HOUR),
        status: rnd() < 0.125 ? MaintenanceStatus.TENTATIVE : MaintenanceStatus.CONFIRMED,
      };
    }),
  );
  await insert(
    dataSource,
    Impact,
    maintenances.flatMap((maintenanceId) =>
      [...new Set([pick(circuits), ...(rnd() < 0.5 ? [pick(circuits)] : [])])].map((targetId) => ({
        maintenanceId,
        targetType: ImpactTargetKind.CIRCUIT,
        targetId,
        level: rnd() < 0.6 ? ImpactLevel.OUTAGE : ImpactLevel.DEGRADED,
      })),
    ),
  );
  return { providerId, circuits };
}

/** The baseline for a year: each group's availability tested at every instant one of its members' downtimes starts or ends. */
function scanYear(groups: Awaited<ReturnType<RedundancyGroupsService['withMembers']>>, port: SuppressionPort): number {
  let atRisk = 0;
  for (const { group, members } of groups) {
    const counting = members.filter((m) => m.priority !== MemberPriority.INACTIVE).map((m) => ({ type: m.targetType, id: m.targetId }));
    const downtimes = port.downtimes(counting, YEAR_START, YEAR_END);
    const instants = [...new Set(downtimes.flatMap((d) => [d.start.getTime(), d.end.getTime()]))];
    for (const t of instants) {
      const down = new Set(
        downtimes.filter((d) => d.start.getTime() <= t && t < d.end.getTime()).map((d) => `${d.target.type}:${d.target.id}`),
      );
      if (counting.length - down.size < group.minimumAvailable) atRisk++;
    }
  }
  return atRisk;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;
function line(label: string, value: string) {
  console.log(`  ${label.padEnd(64)} ${value}`);
}

async function main() {
  await freshDatabase(url);
  Object.assign(process.env, {
    DATABASE_URL: url.toString(),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    HUSH_BLACKOUT_TICK_MS: '0',
    HUSH_TRANSITION_TICK_MS: '0',
  });
  const seeding = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  let t = performance.now();
  const { providerId } = await seed(seeding.get(DataSource));
  line('seeded 1,000 groups and 20,000 maintenances in', `${((performance.now() - t) / 1000).toFixed(1)} s`);
  await seeding.close();

  t = performance.now();
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  line('Hush started (the engine loads every source)', ms(performance.now() - t));
  const risks = app.get(RedundancyRisksService);
  const port = app.get(SuppressionPort);

  const yearTimes: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    found = (await risks.risks(YEAR_START, YEAR_END, { includeTentative: true })).length;
    yearTimes.push(performance.now() - t);
  }
  const groups = await app.get(RedundancyGroupsService).withMembers();
  const sweepTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    for (const g of groups) risks.ofGroup(g, YEAR_START, YEAR_END, true);
    sweepTimes.push(performance.now() - t);
  }
  const scanTimes: number[] = [];
  let scanned = 0;
  for (let i = 0; i < 3; i++) {
    t = performance.now();
    scanned = scanYear(groups, port);
    scanTimes.push(performance.now() - t);
  }

  const work = app.get(MaintenanceService);
  const impacts = app.get(ImpactsService);
  const oneTimes: number[] = [];
  const writeTimes: number[] = [];
  let created = 0;
  // Each new maintenance lands on one member of a group while another member is already down: it creates a risk.
  const overlapping = groups
    .map(({ members }) => members.filter((m) => m.priority !== MemberPriority.INACTIVE))
    .filter((members) => members.length >= 2)
    .map(([a, b]) => ({ a: { type: a.targetType, id: a.targetId }, b: b.targetId }));
  for (let i = 0; i < RUNS * 3; i++) {
    const { a, b } = pick(overlapping);
    const busy = port.downtimes([a], YEAR_START, YEAR_END);
    const start = busy.length ? pick(busy).start : new Date(YEAR_START.getTime() + Math.floor(rnd() * 8000) * HOUR);
    t = performance.now();
    const m = await work.create(
      {
        providerId,
        name: `NEW-${i}`,
        summary: 'bench',
        status: MaintenanceStatus.CONFIRMED,
        originalTimeZone: null,
        startsAt: start,
        endsAt: new Date(start.getTime() + 4 * HOUR),
        internalTicket: '',
        acknowledged: false,
        comments: '',
        impactDescription: '',
        replacesId: null,
      },
      SYSTEM_ACTOR,
    );
    await impacts.add(
      { maintenanceId: m.id },
      { target: { type: ImpactTargetKind.CIRCUIT, id: b }, level: ImpactLevel.OUTAGE },
      SYSTEM_ACTOR,
    );
    writeTimes.push(performance.now() - t);
    t = performance.now();
    created += (await risks.risksCausedBy(SuppressionSource.PROVIDER_MAINTENANCE, m.id)).length;
    oneTimes.push(performance.now() - t);
  }
  await app.close();
  await dropDatabase(url);

  const year = median(yearTimes);
  const sweep = median(sweepTimes);
  const scan = median(scanTimes);
  const one = median(oneTimes);
  console.log('');
  line(`all risks of the year (${found.toLocaleString('en-US')} risks), median of ${RUNS}`, ms(year));
  line('  of which the sweep itself (groups already read), median', ms(sweep));
  line(
    `  baseline: scan every downtime boundary (${scanned.toLocaleString('en-US')} at risk), median of 3`,
    `${ms(scan)}  (${(scan / sweep).toFixed(1)}× the sweep)`,
  );
  line(
    `risks one new maintenance creates (${created} over ${oneTimes.length}), median`,
    `${ms(one)}  p90 ${ms([...oneTimes].sort((a, b) => a - b)[Math.floor(oneTimes.length * 0.9)])}`,
  );
  line('  baseline: the whole year computed again', `${ms(year)}  (${(year / one).toFixed(0)}× the targeted)`);
  line('  (the write itself: create + impact, engine updated on commit), median', ms(median(writeTimes)));
  console.log('');
  console.log(`goal all risks of a year ≤ 200 ms (${ms(year)}): ${year <= 200 ? 'met' : 'NOT met'}`);
  console.log(`goal the risks one new maintenance creates ≤ 5 ms (${ms(one)}): ${one <= 5 ? 'met' : 'NOT met'}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
