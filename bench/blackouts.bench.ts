/**
 * npm run bench:blackouts
 *
 * Ingest throughput of the blackout event store on PostgreSQL
 * (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/hush_bench,
 * recreated each run) with 10, 1,000 and 10,000 enabled policies, in batches
 * of 1,000 events. Also times the decision alone — the policy index against
 * testing every enabled policy in turn, the obvious baseline — and prints how
 * each grows with the number of policies.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { BlackoutPolicy } from '../src/blackouts/blackout.entities';
import { BlackoutEventsService, type EventInput } from '../src/blackouts/blackout-events.service';
import { activeAtMemo, CompiledPolicy } from '../src/blackouts/compiled-policy';
import { PolicyIndex } from '../src/blackouts/policy-index';
import { toSelectorEvent } from '../src/blackouts/selector-event';
import { firstOccurrenceStart, lastOccurrenceEnd, type Schedule } from '../src/schedule';
import { random } from './random';

const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hush_bench');
const SIZES = [10, 1_000, 10_000];
const BATCH = 1_000;
const BATCHES = 10;
const HOSTS = 5_000;
const CLASSES = ['Disk', 'CPU', 'Memory', 'Network', 'Backup', 'Certificate', 'Replication', 'Latency'];
const SEVERITIES = ['CRITICAL', 'MAJOR', 'MINOR', 'WARNING', 'INFO'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

const rnd = random(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
const host = () => `web-${Math.floor(rnd() * HOSTS)}`;

/** Selectors as operators write them: mostly about hosts, some about classes, a few a key cannot be read from. */
function selector(): string {
  const r = rnd();
  if (r < 0.5) return `host equals '${host()}'`;
  if (r < 0.75) return `host within ['${host()}', '${host()}', '${host()}'] AND severity not equals 'INFO'`;
  if (r < 0.9) return `class equals '${pick(CLASSES)}' AND region equals 'eu-${Math.floor(rnd() * 50)}'`;
  if (r < 0.97) return `region equals 'us-${Math.floor(rnd() * 50)}' OR host starts with 'db-${Math.floor(rnd() * 100)}'`;
  return `message contains 'maintenance-${Math.floor(rnd() * 1000)}'`;
}

/** Every recurrence; about half of them active at the benchmark's instant. */
function schedule(): Schedule {
  const timeZone = pick(ZONES);
  const base = { timeZone, startDate: '2026-01-05', startTime: pick(['00:00', '08:00', '20:00']), endTime: pick(['06:00', '18:00']) };
  const r = rnd();
  if (r < 0.4) return { ...base, recurrence: 'DAILY' };
  if (r < 0.7) return { ...base, recurrence: 'WEEKLY', weekdays: ['MONDAY', 'WEDNESDAY', 'FRIDAY'] };
  if (r < 0.9) return { ...base, recurrence: 'MONTHLY', monthWeekdays: [{ ordinal: 2, weekday: 'TUESDAY' }] };
  return { ...base, recurrence: 'ONE_TIME', endDate: '2027-01-01' };
}

function event(): EventInput {
  return {
    class: pick(CLASSES),
    severity: pick(SEVERITIES),
    host: rnd() < 0.9 ? host() : `db-${Math.floor(rnd() * 100)}`,
    message: `${pick(CLASSES)} check failed on maintenance-${Math.floor(rnd() * 1000)}`,
    objectId: `obj-${Math.floor(rnd() * 100_000)}`,
    attributes: { region: `${pick(['eu', 'us'])}-${Math.floor(rnd() * 50)}` },
  };
}

async function admin(sql: string) {
  const client = new Client({ connectionString: new URL('/postgres', url).toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

function rate(label: string, ops: number, seconds: number): number {
  const perSecond = ops / seconds;
  console.log(`${label.padEnd(52)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} events/s`);
  return perSecond;
}

async function main() {
  const database = url.pathname.slice(1);
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${database}"`);
  Object.assign(process.env, {
    DATABASE_URL: url.toString(),
    HUSH_BLACKOUT_TICK_MS: '0',
    HUSH_ADMIN_TOKEN: 'hush_bench-admin-0123456789abcdef',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const dataSource = app.get(DataSource);
  const events = app.get(BlackoutEventsService);
  const now = new Date();
  const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, event));
  const results: { n: number; ingest: number; indexed: number; linear: number; blackedOut: number }[] = [];

  for (const n of SIZES) {
    await dataSource.query('TRUNCATE event, blackout_transition, blackout_policy CASCADE');
    const rows = Array.from({ length: n }, (_, i) => {
      const s = schedule();
      return {
        name: `policy ${i}`,
        executionOrder: Math.floor(rnd() * 10_000),
        selector: selector(),
        enabled: true,
        schedule: s,
        firstStart: firstOccurrenceStart(s),
        lastEnd: lastOccurrenceEnd(s),
        ownerName: 'bench',
      };
    });
    for (let i = 0; i < rows.length; i += 1_000) await dataSource.getRepository(BlackoutPolicy).insert(rows.slice(i, i + 1_000));

    await events.ingest(batches[0]); // loads and compiles the policies, as the first batch after a change does
    let blackedOut = 0;
    const started = performance.now();
    for (const batch of batches) blackedOut += (await events.ingest(batch)).filter((e) => e.blackedOutById).length;
    const ingest = rate(
      `ingest, ${n} policies (${BATCHES} × ${BATCH}, with the INSERT)`,
      BATCHES * BATCH,
      (performance.now() - started) / 1000,
    );

    // The decision alone, with and without the index, on the same compiled policies.
    const policies = (await dataSource.getRepository(BlackoutPolicy).find())
      .sort((a, b) => a.executionOrder - b.executionOrder)
      .map((p) => new CompiledPolicy(p));
    const index = new PolicyIndex(policies);
    const all = batches.flat().map(toSelectorEvent);
    let t = performance.now();
    const activeAt = activeAtMemo(now);
    const viaIndex = all.map((e) => index.first(e, activeAt)?.[0] ?? null);
    const indexed = rate(`decide via the policy index, ${n} policies`, all.length, (performance.now() - t) / 1000);
    t = performance.now();
    const active = policies.filter((p) => p.activeAt(now));
    const viaScan = all.map((e) => active.find((p) => p.matches(e)) ?? null);
    const linear = rate(`decide by testing every policy, ${n} policies`, all.length, (performance.now() - t) / 1000);
    if (viaIndex.some((p, i) => p?.policy.id !== viaScan[i]?.policy.id)) throw new Error('the index and the scan disagree');
    results.push({ n, ingest, indexed, linear, blackedOut });
  }
  await app.close();
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);

  console.log('\npolicies   ingest events/s   vs 10 policies   decide: index/scan   blacked out');
  for (const r of results) {
    console.log(
      `${String(r.n).padStart(8)}   ${Math.round(r.ingest).toLocaleString('en-US').padStart(15)}   ${(r.ingest / results[0].ingest).toFixed(2).padStart(14)}×   ${(r.indexed / r.linear).toFixed(1).padStart(18)}×   ${String(r.blackedOut).padStart(11)}`,
    );
  }
  const at1000 = results.find((r) => r.n === 1_000)!;
  console.log(`\ngoal ≥ 5,000 events/s at 1,000 policies: ${at1000.ingest >= 5_000 ? 'met' : 'NOT met'}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
