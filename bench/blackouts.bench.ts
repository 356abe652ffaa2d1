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
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { BlackoutPolicy } from '../src/blackouts/blackout.entities';
import { BlackoutEventsService } from '../src/blackouts/blackout-events.service';
import { byPrecedence, CompiledPolicy } from '../src/blackouts/compiled-policy';
import { PolicySuppressionSource } from '../src/blackouts/policy-suppression.source';
import { toSelectorEvent } from '../src/common/suppression/event-input.type';
import { CompiledRule, EventRuleIndex } from '../src/suppression/event-rule-index';
import { firstOccurrenceStart, lastOccurrenceEnd } from '../src/schedule';
import { dropDatabase, freshDatabase } from './bench-database';
import { random } from './random';
import { workload } from './workload';

const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hush_bench');
const SIZES = [10, 1_000, 10_000];
const BATCH = 1_000;
const BATCHES = 10;

const { rnd, selector, schedule, event } = workload(random(7));

function rate(label: string, ops: number, seconds: number): number {
  const perSecond = ops / seconds;
  console.log(`${label.padEnd(52)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} events/s`);
  return perSecond;
}

async function main() {
  await freshDatabase(url);
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
  const batches = Array.from({ length: BATCHES }, () => Array.from({ length: BATCH }, () => event()));
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
    const policies = (await dataSource.getRepository(BlackoutPolicy).find({ where: { enabled: true } }))
      .sort(byPrecedence)
      .map((p) => new CompiledPolicy(p));
    const index = new EventRuleIndex();
    for (const rule of await app.get(PolicySuppressionSource).load(dataSource.manager)) index.add(new CompiledRule(rule));
    const all = batches.flat().map(toSelectorEvent);
    const decideViaIndex = () => all.map((e) => index.matching(e, now.getTime(), now)[0]?.rule.rule ?? null);
    const decideByScan = () => {
      const active = policies.filter((p) => p.activeAt(now));
      return all.map((e) => active.find((p) => p.matches(e)) ?? null);
    };
    // Each timed on a second pass: the first compiles the code (and fills the index's lists of rules in effect).
    decideViaIndex();
    let t = performance.now();
    const viaIndex = decideViaIndex();
    const indexed = rate(`decide via the policy index, ${n} policies`, all.length, (performance.now() - t) / 1000);
    decideByScan();
    t = performance.now();
    const viaScan = decideByScan();
    const linear = rate(`decide by testing every policy, ${n} policies`, all.length, (performance.now() - t) / 1000);
    if (viaIndex.some((r, i) => r?.id !== viaScan[i]?.policy.id)) throw new Error('the index and the scan disagree');
    results.push({ n, ingest, indexed, linear, blackedOut });
  }
  await app.close();
  await dropDatabase(url);

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
