/**
 * npm run bench:load
 *
 * Hush as it is deployed — `node dist/src/main.js`, built by `npm run build`
 * — under a mixed open-loop load over HTTP: first on embedded PGlite, then on
 * PostgreSQL (LOAD_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/hush_load, created and dropped by the
 * run). Each run seeds a starting set through the GraphQL API, then sends
 * LOAD_RPS requests per second (default 200) for LOAD_SECONDS (default 60),
 * 30 % of them writes, and prints per-operation latency and errors, and
 * whether the goals are met. A missed goal is a measurement, not a failure:
 * the exit code is non-zero only when the benchmark itself cannot run.
 * LOAD_STORES=pglite or =postgres runs one store only.
 */
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { onEachStore } from './bench-database';
import { ADMIN_TOKEN, gql, startHush, type Hush } from './hush-process';
import { operations, type Operation } from './load-mix';
import { seed, SEED } from './load-seed';
import { openLoop, percentile, TIMEOUT_MS, type LoadResult } from './open-loop';
import { random } from './random';
import { workload } from './workload';

const RPS = Number(process.env.LOAD_RPS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const STORES = (process.env.LOAD_STORES ?? 'pglite,postgres').split(',');
const url = new URL(process.env.LOAD_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hush_load');

const GOAL_DECISION_P99 = 50;
const GOAL_ANY_P99 = 250;

/** A few of each request before measuring: the first ones pay for compiling, caches and index builds, not the steady state. */
async function warmUp(hush: Hush, ops: Operation[]) {
  for (const op of ops) {
    for (let i = 0; i < 5; i++) {
      const { query, variables } = JSON.parse(op.body()) as { query: string; variables: object };
      await gql(hush, query, variables);
    }
  }
}

function report(store: string, ops: Operation[], result: LoadResult, logged: Map<string, number>) {
  const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toString()).padStart(7);
  const rows = ops.map((op) => {
    const t = result.tallies.get(op.name)!;
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return { op, t, sorted, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
  });
  const all = rows.flatMap((r) => r.t.latencies).sort((a, b) => a - b);
  const writes = rows.filter((r) => r.op.write).reduce((s, r) => s + r.t.latencies.length, 0);
  const errors = rows.reduce((s, r) => s + r.t.errors, 0);
  const timeouts = rows.reduce((s, r) => s + r.t.timeouts, 0);

  console.log(
    `\n${store}: ${all.length} requests sent in ${result.sendSeconds.toFixed(1)} s (${Math.round(all.length / result.sendSeconds)} req/s, ` +
      `${((writes / all.length) * 100).toFixed(1)} % writes), generator at most ${Math.round(result.maxLagMs)} ms late, using ${Math.round(result.clientCpu * 100)} % of a core`,
  );
  // Hush, its database and this generator share the machine: anything else running on it shows up as latency.
  console.log(`  machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the end`);
  console.log(`  ${'operation'.padEnd(26)}  count   p50 ms   p99 ms   max ms   errors   timeouts`);
  const line = (name: string, count: number, p50: number, p99: number, max: number, e: number, to: number) =>
    console.log(
      `  ${name.padEnd(26)} ${String(count).padStart(6)}  ${ms(p50)}  ${ms(p99)}  ${ms(max)}  ${String(e).padStart(7)}  ${String(to).padStart(9)}`,
    );
  for (const r of rows) line(r.op.name, r.sorted.length, r.p50, r.p99, r.max, r.t.errors, r.t.timeouts);
  line('all', all.length, percentile(all, 50), percentile(all, 99), all[all.length - 1], errors, timeouts);

  const decisions = rows.filter((r) => r.op.decision);
  const worst = rows.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const goal = (text: string, met: boolean) => console.log(`  goal ${text}: ${met ? 'met' : 'NOT met'}`);
  goal(`0 errors and timeouts (${errors} errors, ${timeouts} timeouts)`, errors === 0 && timeouts === 0);
  goal(
    `decision p99 ≤ ${GOAL_DECISION_P99} ms (${decisions.map((r) => `${r.op.name} ${Math.round(r.p99)} ms`).join(', ')})`,
    decisions.every((r) => r.p99 <= GOAL_DECISION_P99),
  );
  goal(`every operation's p99 ≤ ${GOAL_ANY_P99} ms (highest: ${worst.op.name} ${Math.round(worst.p99)} ms)`, worst.p99 <= GOAL_ANY_P99);

  for (const r of rows) for (const [message, n] of r.t.messages) console.log(`  error ×${n} in ${r.op.name}: ${message}`);
  for (const [message, n] of logged) console.log(`  Hush logged ×${n}: ${message}`);
}

async function run(store: string, databaseUrl?: string) {
  const hush = await startHush(databaseUrl);
  try {
    // The same seed every run, so runs and stores see the same data and the same request sequence.
    const w = workload(random(23));
    const started = performance.now();
    const seeded = await seed(hush, w);
    console.log(
      `\n${store}: seeded ${Object.entries(SEED)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const ops = operations(seeded, w);
    await warmUp(hush, ops);
    const result = await openLoop(hush.url, ADMIN_TOKEN, ops, w.rnd, RPS, SECONDS);
    report(store, ops, result, hush.logged);
  } finally {
    await hush.stop();
  }
}

async function main() {
  console.log(`load: ${RPS} req/s for ${SECONDS} s per store, open loop, ${TIMEOUT_MS / 1000} s client timeout`);
  await onEachStore(STORES, url, run);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
