/**
 * Service time of each trace the server bench asks for, measured alone (no load): `npx tsx
 * bench/trace-service-time.ts [--store PATH] [--lots N] [--direction up|down] [--json FILE]`.
 * Builds the read model's trace graph on the store (as the trace worker does), then for each of the
 * first N lots (the bench's traced lots, default 2000; `--spread N`: N lots evenly over all) times, in CPU and wall: the trace itself
 * (`traceWithContext`), its JSON text (`JSON.stringify`, as the worker sends it) and the transfer of
 * that text to another thread (a MessageChannel round, the copy `postMessage` makes). Prints the
 * distribution, the slowest lots with their size (ancestry lots, origins, path steps, bytes), and
 * the share of each phase, so the tail of `bench:server`'s trace latency can be explained without
 * the noise of a loaded machine.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { MessageChannel } from "node:worker_threads";
import { createReadModel, type TraceContext, traceWithContext } from "../src/app/index.ts";
import { openStore } from "../src/store/index.ts";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const ROOT = resolve(import.meta.dirname, "..");
const STORE = resolve(flag("store", join(ROOT, "bench", ".data", "server-1000000.db")));
const LOTS = Number(flag("lots", "2000"));
/** `--spread N`: N lots taken evenly over the whole listing instead of the first ones (the bench's). */
const SPREAD = Number(flag("spread", "0"));
/** `--direction up,down`: each direction in turn on the same graph. */
const DIRECTIONS = flag("direction", "up").split(",") as ("up" | "down")[];
const JSON_OUT = flag("json", "");

/** CPU milliseconds of this process (user + system) since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

interface Sample {
  readonly lot: string;
  readonly traceMs: number;
  readonly stringifyMs: number;
  readonly transferMs: number;
  readonly totalCpuMs: number;
  readonly bytes: number;
  readonly origins: number;
  readonly pathSteps: number;
  readonly listed: number;
  readonly flags: number;
}

const channel = new MessageChannel();
/** Sends the text across a message port and waits until the other end has it (the worker's reply). */
function transfer(text: string): Promise<void> {
  return new Promise((done) => {
    channel.port2.once("message", () => done());
    channel.port1.postMessage(text);
  });
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const store = await openStore(STORE);
  let lots: string[] = [];
  for await (const l of store.lots()) {
    lots.push(l.id as string);
    if (SPREAD === 0 && lots.length >= LOTS) break;
  }
  if (SPREAD > 0) {
    const every = lots.length / SPREAD;
    lots = Array.from(
      { length: Math.min(SPREAD, lots.length) },
      (_, i) => lots[Math.floor(i * every)] as string,
    );
  }
  const model = createReadModel(store, { recheckMs: Number.POSITIVE_INFINITY });
  const buildCpu = process.cpuUsage();
  const buildStart = performance.now();
  const ctx = await model.traceContext();
  console.log(
    `graph built in ${((performance.now() - buildStart) / 1000).toFixed(1)} s wall, ${(cpuMs(buildCpu) / 1000).toFixed(1)} s CPU; rss ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GB`,
  );
  const out: Record<string, Sample[]> = {};
  for (const direction of DIRECTIONS) out[direction] = await measure(ctx, lots, direction);
  channel.port1.close();
  await store.close();
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(out));
}

async function measure(
  ctx: TraceContext,
  lots: readonly string[],
  direction: "up" | "down",
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const started = performance.now();
  for (const lot of lots) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = traceWithContext(ctx, lot, direction);
    const t1 = performance.now();
    const text = JSON.stringify(result);
    const t2 = performance.now();
    await transfer(text);
    const t3 = performance.now();
    const totalCpuMs = cpuMs(cpu0);
    const paths =
      result.direction === "up"
        ? [...result.origins.map((o) => o.path), ...result.listedEntities.map((e) => e.path)]
        : result.descendants.map((d) => d.path);
    samples.push({
      lot,
      traceMs: t1 - t0,
      stringifyMs: t2 - t1,
      transferMs: t3 - t2,
      totalCpuMs,
      bytes: text.length,
      origins: result.direction === "up" ? result.origins.length : result.descendants.length,
      pathSteps: paths.reduce((n, p) => n + p.length, 0),
      listed: result.direction === "up" ? result.listedEntities.length : 0,
      flags: result.flags.length,
    });
  }
  const wall = performance.now() - started;

  const total = (s: Sample) => s.traceMs + s.stringifyMs + s.transferMs;
  const sorted = samples.map(total).sort((a, b) => a - b);
  const sum = (pick: (s: Sample) => number) => samples.reduce((n, s) => n + pick(s), 0);
  console.log(
    `${samples.length} traces (${direction}) in ${(wall / 1000).toFixed(2)} s wall, ${(sum((s) => s.totalCpuMs) / 1000).toFixed(2)} s CPU`,
  );
  console.log(
    `service time ms: mean ${(sum(total) / samples.length).toFixed(2)}  p50 ${quantile(sorted, 0.5).toFixed(2)}  p90 ${quantile(sorted, 0.9).toFixed(2)}  p99 ${quantile(sorted, 0.99).toFixed(2)}  max ${quantile(sorted, 1).toFixed(2)}`,
  );
  const all = sum(total);
  console.log(
    `where the time goes: trace ${((100 * sum((s) => s.traceMs)) / all).toFixed(1)} %, JSON.stringify ${((100 * sum((s) => s.stringifyMs)) / all).toFixed(1)} %, transfer ${((100 * sum((s) => s.transferMs)) / all).toFixed(1)} %`,
  );
  const bytes = samples.map((s) => s.bytes).sort((a, b) => a - b);
  console.log(
    `answer size bytes: p50 ${quantile(bytes, 0.5)}  p99 ${quantile(bytes, 0.99)}  max ${quantile(bytes, 1)}  total ${(sum((s) => s.bytes) / 2 ** 20).toFixed(1)} MiB`,
  );
  for (const limit of [10, 20, 50, 100]) {
    const over = samples.filter((s) => total(s) > limit);
    console.log(
      `  over ${limit} ms: ${over.length} traces, ${((100 * over.reduce((n, s) => n + total(s), 0)) / all).toFixed(1)} % of the time`,
    );
  }
  console.log("slowest:");
  console.log("  total ms  trace  stringify  transfer    bytes  origins  steps  listed  flags  lot");
  for (const s of [...samples].sort((a, b) => total(b) - total(a)).slice(0, 12)) {
    console.log(
      `  ${total(s).toFixed(1).padStart(8)} ${s.traceMs.toFixed(1).padStart(6)} ${s.stringifyMs.toFixed(1).padStart(10)} ${s.transferMs.toFixed(1).padStart(9)} ${String(s.bytes).padStart(8)} ${String(s.origins).padStart(8)} ${String(s.pathSteps).padStart(6)} ${String(s.listed).padStart(7)} ${String(s.flags).padStart(6)}  ${s.lot}`,
    );
  }
  return samples;
}

await main();
