import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Operation } from './load-mix';

export const TIMEOUT_MS = 10_000;

export interface Tally {
  /** Milliseconds from when each request was due to when its answer was read, timeouts included. */
  latencies: number[];
  errors: number;
  timeouts: number;
  /** Error messages, alike ones counted together. */
  messages: Map<string, number>;
}

export interface LoadResult {
  tallies: Map<string, Tally>;
  /** From the first request sent to the last (not to the last answer): the offered rate is requests / sendSeconds. */
  sendSeconds: number;
  /** How late the generator sent its latest request: if large, the client, not Hush, was the bottleneck. */
  maxLagMs: number;
  /** CPU the generator used, in share of one core: it runs on the same machine as Hush. */
  clientCpu: number;
}

/** The GraphQL errors of a response as `CODE: message` (digits masked so alike errors group). */
function graphqlError(text: string): string | undefined {
  // Parsing a month's calendar (~1 MB) on every answer would cost the generator more CPU than the check is worth.
  if (!text.includes('"errors"')) return undefined;
  const json = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
  if (!json.errors?.length) return undefined;
  const e = json.errors[0];
  return `${e.extensions?.code ?? '?'}: ${e.message}`.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>');
}

/** One request, and what happened to it. */
async function send(url: string, token: string, body: string, due: number, tally: Tally) {
  const failed = (message: string) => {
    tally.errors++;
    const key = message.slice(0, 200);
    tally.messages.set(key, (tally.messages.get(key) ?? 0) + 1);
  };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await res.text();
    if (!res.ok) failed(`HTTP ${res.status}: ${graphqlError(text) ?? text}`);
    else {
      const error = graphqlError(text);
      if (error) failed(error);
    }
  } catch (error) {
    const e = error as Error & { cause?: Error };
    if (e.name === 'TimeoutError') tally.timeouts++;
    else failed(`${e.message}${e.cause ? ` (${e.cause.message})` : ''}`);
  }
  tally.latencies.push(performance.now() - due);
}

/**
 * Open loop: request i is due at start + i / rps and is sent then, whether or
 * not earlier ones have been answered — as independent clients behave. A slow
 * server therefore meets a growing queue instead of a politely waiting client.
 * Latency counts from the due time, not the send time, so a late generator
 * cannot hide waiting (no coordinated omission).
 */
export async function openLoop(url: string, token: string, ops: Operation[], rnd: () => number, rps: number, seconds: number) {
  const tallies = new Map(ops.map((op) => [op.name, { latencies: [], errors: 0, timeouts: 0, messages: new Map() }]));
  const total = Math.round(rps * seconds);
  const sum = ops.reduce((s, op) => s + op.weight, 0);
  const pickOp = () => {
    let r = rnd() * sum;
    return ops.find((op) => (r -= op.weight) < 0) ?? ops[ops.length - 1];
  };

  const pending: Promise<void>[] = [];
  let maxLagMs = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    const op = pickOp();
    pending.push(send(url, token, op.body(), due, tallies.get(op.name)!));
  }
  const sendSeconds = (performance.now() - start) / 1000;
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { tallies, sendSeconds, maxLagMs, clientCpu: (used.user + used.system) / 1e6 / elapsed } satisfies LoadResult;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}
