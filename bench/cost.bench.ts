/**
 * npm run bench:cost
 *
 * What each operation of the load mix (load-mix.ts) costs Hush, one request
 * at a time: the same server, seed and requests as `npm run bench:load`, but
 * each operation sent back to back for COST_SECONDS (default 3) after a
 * second of warm-up, reading Hush's own CPU time from /proc. From the
 * per-operation CPU and the mix's weights it prints how much of a core the
 * mix needs at LOAD_RPS (default 200) — above ~0.7 of the one core Node runs
 * JavaScript on, queues grow and bench:load's latency goals cannot be met,
 * whatever else is tuned. COST_STORES=pglite or =postgres runs one store only;
 * COST_DATABASE_URL names the PostgreSQL database (made afresh). On PGlite the
 * CPU includes the embedded database, which runs in Hush's process.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { onEachStore } from './bench-database';
import { ADMIN_TOKEN, startHush, type Hush } from './hush-process';
import { operations, type Operation } from './load-mix';
import { seed } from './load-seed';
import { random } from './random';
import { workload } from './workload';

const SECONDS = Number(process.env.COST_SECONDS ?? 3);
const RPS = Number(process.env.LOAD_RPS ?? 200);
const STORES = (process.env.COST_STORES ?? 'pglite,postgres').split(',');
const url = new URL(process.env.COST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hush_cost');

/** User and system CPU milliseconds a process has used (Linux: /proc/PID/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Sends the operation's requests one after another for `ms`; how many it sent. A failed request stops the bench: its cost would mean nothing. */
async function backToBack(hush: Hush, op: Operation, ms: number): Promise<number> {
  const end = performance.now() + ms;
  let sent = 0;
  while (performance.now() < end) {
    const res = await fetch(hush.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: op.body(),
    });
    const text = await res.text();
    if (!res.ok || text.includes('"errors"')) throw new Error(`${op.name} failed (HTTP ${res.status}): ${text.slice(0, 300)}`);
    sent++;
  }
  return sent;
}

async function run(store: string, databaseUrl?: string) {
  const hush = await startHush(databaseUrl);
  try {
    const w = workload(random(23));
    const ops = operations(await seed(hush, w), w);
    console.log(`\n${store}\n  ${'operation'.padEnd(26)}  weight   latency ms   Hush CPU ms   share of the mix's CPU`);
    const rows: { op: Operation; latency: number; cpu: number }[] = [];
    for (const op of ops) {
      await backToBack(hush, op, 1000);
      const [t0, c0] = [performance.now(), cpuMs(hush.pid)];
      const sent = await backToBack(hush, op, SECONDS * 1000);
      rows.push({ op, latency: (performance.now() - t0) / sent, cpu: (cpuMs(hush.pid) - c0) / sent });
    }
    // Weights are percentages: the mix's CPU per request is their weighted mean.
    const perRequest = rows.reduce((s, r) => s + (r.op.weight / 100) * r.cpu, 0);
    for (const r of rows) {
      const share = ((r.op.weight / 100) * r.cpu) / perRequest;
      console.log(
        `  ${r.op.name.padEnd(26)} ${String(r.op.weight).padStart(6)}  ${r.latency.toFixed(1).padStart(11)}  ${r.cpu.toFixed(1).padStart(12)}   ${(share * 100).toFixed(0).padStart(5)} %`,
      );
    }
    console.log(
      `  the mix: ${perRequest.toFixed(1)} ms of Hush CPU per request; at ${RPS} req/s ${((perRequest * RPS) / 1000).toFixed(2)} cores`,
    );
  } finally {
    await hush.stop();
  }
}

async function main() {
  console.log(`cost: each operation back to back for ${SECONDS} s; the mix priced at ${RPS} req/s`);
  await onEachStore(STORES, url, run);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
