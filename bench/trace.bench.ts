/**
 * Tracing benchmark: `npx tsx bench/trace.bench.ts [events] [sqlEvents]` (defaults 1 000 000 and
 * min(events, 1 000 000); 0 skips the SQL run).
 * Generates a layered cotton chain in memory (farm → gin → ship → spin → knit → dye → sew → ship),
 * streams it into the graph and times composition of every lot, one lot's trace with its proving
 * paths, and the balance of every location, beside two same-run baselines: one bare pass over the
 * edge arrays (the floor for any pass over the graph) and the SQL twin of composition, run inside
 * a SQLite store the same chain was written into.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { PlaceBuckets, SqlCompositionRun, Store } from "../src/app/index.ts";
import { createPrng } from "../src/generate/index.ts";
import {
  type EventKind,
  emptyBatch,
  type LocationId,
  type LotId,
  type SupplyEvent,
} from "../src/model/index.ts";
import { openStore } from "../src/store/index.ts";
import type { Composition, RegionInfo, Stage, TraceGraph } from "../src/trace/index.ts";
import {
  buildTraceGraph,
  computeComposition,
  computeMassBalance,
  createBucketTable,
  DEFAULT_PRIORS,
  resolveLocations,
  topologicalOrder,
  traceLot,
} from "../src/trace/index.ts";

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const SQL_EVENTS = Number(process.argv[3] ?? Math.min(EVENTS, 1_000_000));
const EVENTS_PER_UNIT = 30; // 8 × (farm, gin, ship) + 2 spin + knit + dye + sew + ship

const FARM_REGIONS: readonly RegionInfo[] = [
  { country: "CN", region: "Xinjiang", xinjiang: true },
  { country: "US", xinjiang: false },
  { country: "BR", xinjiang: false },
  { country: "AU", xinjiang: false },
  { country: "CN", region: "Hebei", xinjiang: false },
  { country: "CN", xinjiang: false }, // no province: unknown with the Chinese prior
];
const regions = new Map<string, RegionInfo>();
const stages = new Map<string, Stage>();
function place(kind: string, i: number, region: RegionInfo, stage?: Stage): LocationId {
  const id = `loc:${kind}-${i}` as LocationId;
  regions.set(id, region);
  if (stage) stages.set(id, stage);
  return id;
}
const CN_MILL: RegionInfo = { country: "CN", region: "Jiangsu", xinjiang: false };
const VN: RegionInfo = { country: "VN", xinjiang: false };
const farms = Array.from({ length: 600 }, (_, i) => place("farm", i, FARM_REGIONS[i % FARM_REGIONS.length]!));
const gins = Array.from({ length: 120 }, (_, i) => place("gin", i, FARM_REGIONS[i % 5]!, "ginning"));
const mills = Array.from({ length: 60 }, (_, i) => place("mill", i, CN_MILL, "spinning"));
const knitters = Array.from({ length: 40 }, (_, i) => place("knit", i, VN, "knitting-weaving"));
const dyers = Array.from({ length: 30 }, (_, i) => place("dye", i, VN, "dyeing-finishing"));
const sewers = Array.from({ length: 50 }, (_, i) => place("sew", i, VN, "cut-and-sew"));

let seq = 0;
const T0 = Date.UTC(2023, 0, 1);
function ev(kind: EventKind, at: LocationId, parts: Partial<SupplyEvent>): SupplyEvent {
  seq++;
  return {
    typeName: "event",
    id: `e${seq}` as SupplyEvent["id"],
    epcisType: kind === "transform" ? "TransformationEvent" : "ObjectEvent",
    kind,
    eventTime: new Date(T0 + seq * 1000).toISOString(),
    eventTimeZoneOffset: "+00:00",
    bizLocation: at,
    epcs: [],
    inputEpcs: [],
    outputEpcs: [],
    quantities: [],
    inputs: [],
    outputs: [],
    bizTransactions: [],
    sources: [],
    destinations: [],
    ilmd: {},
    extra: {},
    retracted: false,
    provenance: { source: "bench", locator: `event ${seq}` },
    ...parts,
  };
}
const q = (lot: string, kg: number) => ({ lot: lot as LotId, quantity: kg, uom: "KGM", kg });
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** One unit of the chain: 8 bales through to one garment lot, 30 events. */
function* unit(u: number, r: () => number, recentLint: string[]): Generator<SupplyEvent> {
  for (let b = 0; b < 8; b++) {
    const farm = pick(r, farms);
    const gin = pick(r, gins);
    yield ev("origin", farm, { quantities: [q(`s${u}.${b}`, 1000)], action: "ADD" });
    yield ev("transform", gin, { inputs: [q(`s${u}.${b}`, 1000)], outputs: [q(`l${u}.${b}`, 380)] });
    yield ev("ship", gin, {
      quantities: [q(`l${u}.${b}`, 380)],
      bizTransactions: [{ type: "bol", id: `b${seq}` }],
    });
    recentLint.push(`l${u}.${b}`);
  }
  // Spinners blend lint from recent units, so ancestries overlap as they do in practice.
  const mill = pick(r, mills);
  for (let y = 0; y < 2; y++) {
    const inputs = Array.from({ length: 4 }, (_, i) =>
      q(recentLint[recentLint.length - 1 - Math.floor(r() * 64)] ?? `l${u}.${i}`, 90),
    );
    yield ev("transform", mill, { inputs, outputs: [q(`y${u}.${y}`, 320)] });
  }
  yield ev("transform", pick(r, knitters), {
    inputs: [q(`y${u}.0`, 320), q(`y${u}.1`, 320)],
    outputs: [q(`f${u}`, 620)],
  });
  yield ev("transform", pick(r, dyers), { inputs: [q(`f${u}`, 620)], outputs: [q(`d${u}`, 600)] });
  yield ev("transform", pick(r, sewers), { inputs: [q(`d${u}`, 600)], outputs: [q(`g${u}`, 530)] });
  yield ev("ship", pick(r, sewers), { quantities: [q(`g${u}`, 530)] });
  if (recentLint.length > 4096) recentLint.splice(0, 2048);
}

function* chain(events: number): Generator<SupplyEvent> {
  const r = createPrng(42).next;
  const recent: string[] = [];
  for (let u = 0; u < Math.ceil(events / EVENTS_PER_UNIT); u++) yield* unit(u, r, recent);
}

/** CPU milliseconds (user + system) of each timed step, by label: the machine is shared. */
const cpu = new Map<string, number>();

function time<T>(f: () => T, label = ""): [T, number] {
  const start = performance.now();
  const used = process.cpuUsage();
  const value = f();
  const spent = process.cpuUsage(used);
  if (label) cpu.set(label, (spent.user + spent.system) / 1000);
  return [value, performance.now() - start];
}

const cpuOf = (label: string) => ` [CPU ${fmt(cpu.get(label) ?? 0)}]`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
const loadAtStart = load();

function baseline(graph: ReturnType<typeof buildTraceGraph>): number {
  let sum = 0;
  for (let e = 0; e + 1 < graph.inStart.length; e++) {
    for (let k = graph.inStart[e]!; k < graph.inStart[e + 1]!; k++) sum += graph.inKg[k]! + graph.inLot[k]!;
    for (let k = graph.outStart[e]!; k < graph.outStart[e + 1]!; k++)
      sum += graph.outKg[k]! + graph.outLot[k]!;
  }
  return sum;
}

const fmt = (ms: number) => `${ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`}`;
const [generated, generateMs] = time(() => {
  let n = 0;
  seq = 0;
  for (const _ of chain(EVENTS)) n++;
  return n;
}, "generate");
seq = 0;
const [graph, buildMs] = time(() => buildTraceGraph(chain(EVENTS)), "build");
// The build ends with the topological order; timed again alone to say what it costs.
const [, topoMs] = time(() => topologicalOrder(graph), "topo");
const [, baselineMs] = time(() => baseline(graph), "baseline");
const regionOf = (l: LocationId) => regions.get(l);
const stageOf = (l: LocationId) => stages.get(l);
const [comp, composeMs] = time(() => computeComposition(graph, regionOf, { stageOf }), "compose");
const last = `g${Math.floor(generated / EVENTS_PER_UNIT) - 1}`;
const [trace, traceMs] = time(() => traceLot(graph, comp, last), "trace");
const [balance, balanceMs] = time(
  () => computeMassBalance(graph, comp, { stageOf, period: "month" }),
  "balance",
);
const origins = trace?.direction === "up" ? trace.origins.length : 0;
// The first trace also pays for compiling the trace code and for any collection the heap owes;
// twenty more garment lots, spread over the chain, say what a trace costs once warm.
const units = Math.floor(generated / EVENTS_PER_UNIT);
const warm = Array.from({ length: 20 }, (_, k) => {
  const [, ms] = time(() => traceLot(graph, comp, `g${Math.floor(((k + 0.5) * units) / 20)}`), "warm");
  return ms;
}).sort((a, b) => a - b);

console.log(
  `threadproof trace bench: ${generated.toLocaleString("en")} events generated in memory (${fmt(generateMs)} to generate alone${cpuOf("generate")}); load average at start ${loadAtStart}, now ${load()} (2 cores)`,
);
console.log(
  `  graph: ${graph.stats.lots.toLocaleString("en")} lots, ${graph.stats.events.toLocaleString("en")} events, ${graph.stats.edges.toLocaleString("en")} edges`,
);
console.log(
  `  build graph (incl. generation) ${fmt(buildMs)}${cpuOf("build")}   → build alone ≈ ${fmt(buildMs - generateMs)}; of it, topological order ${fmt(topoMs)}${cpuOf("topo")}`,
);
console.log(`  baseline: bare pass over edges ${fmt(baselineMs)}${cpuOf("baseline")}`);
console.log(
  `  composition of every lot       ${fmt(composeMs)}${cpuOf("compose")}   (${(composeMs / baselineMs).toFixed(1)} × baseline)`,
);
console.log(
  `  trace one lot (${last}, ${origins} origins with paths) ${fmt(traceMs)}${cpuOf("trace")}; 20 more lots: median ${fmt(warm[10]!)}, slowest ${fmt(warm[19]!)}`,
);
console.log(
  `  balance of every location/month ${fmt(balanceMs)}${cpuOf("balance")}   (${balance.locations.length} location-months)`,
);
console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await f();
  return [value, performance.now() - start];
}

/** Writes the chain into a store through its import session, as an import would. */
async function writeChain(store: Store, events: number): Promise<void> {
  seq = 0;
  const session = await store.beginImport({
    source: "bench",
    format: "bench",
    startedAt: new Date().toISOString(),
  });
  let batch: SupplyEvent[] = [];
  for (const e of chain(events)) {
    batch.push(e);
    if (batch.length < 10_000) continue;
    await session.write({ ...emptyBatch(), events: batch });
    batch = [];
  }
  await session.write({ ...emptyBatch(), events: batch });
  await session.commit({ sha256: "bench", skippedIssues: 0 });
}

/** The bench's geography as the bucket numbers the SQL twin takes. */
function benchPlaces(): { places: PlaceBuckets[]; xinjiang: boolean[]; unknown: boolean[] } {
  const table = createBucketTable();
  const ids = [...regions.keys()] as LocationId[];
  const where = resolveLocations(table, ids, regionOf, stageOf, DEFAULT_PRIORS);
  return {
    places: ids.map((location, i) => ({ location, origin: where.origin[i]!, unknown: where.unknown[i]! })),
    xinjiang: table.buckets.map((b) => b.xinjiang),
    unknown: table.buckets.map((b) => !b.known),
  };
}

/** Runs the SQL twin; when the in-memory run had the same chain, returns the largest share difference. */
async function sqlBaseline(
  store: Store,
  same: { graph: TraceGraph; comp: Composition } | undefined,
): Promise<[SqlCompositionRun, number, number]> {
  const { places, xinjiang, unknown } = benchPlaces();
  let worst = 0;
  let lot = "";
  let xj = 0;
  let unk = 0;
  const check = () => {
    const l = same?.graph.lotIndex.get(lot);
    if (l === undefined || !same) return;
    worst = Math.max(
      worst,
      Math.abs(xj - same.comp.xinjiangShare[l]!),
      Math.abs(unk - same.comp.unknownShare[l]!),
    );
  };
  const [run, ms] = await timed(() =>
    store.composeLots(places, (row) => {
      if (row.lot !== lot) {
        check();
        lot = row.lot;
        xj = 0;
        unk = 0;
      }
      if (xinjiang[row.bucket]) xj += row.share;
      if (unknown[row.bucket]) unk += row.share;
    }),
  );
  check();
  return [run, ms, worst];
}

if (SQL_EVENTS > 0) {
  const dir = mkdtempSync(join(tmpdir(), "threadproof-trace-bench-"));
  const store = await openStore(join(dir, "bench.db"));
  try {
    const [, writeMs] = await timed(() => writeChain(store, SQL_EVENTS));
    const same = SQL_EVENTS === EVENTS ? { graph, comp } : undefined;
    const [run, sqlMs, worst] = await sqlBaseline(store, same);
    console.log(
      `  SQL twin (SQLite, ${SQL_EVENTS.toLocaleString("en")} events written through the store in ${fmt(writeMs)}):`,
    );
    console.log(
      `  composition of every lot in SQL ${fmt(sqlMs)}   (${run.lots.toLocaleString("en")} lots, ${run.edges.toLocaleString("en")} lot→lot edges, ${run.levels} levels${same ? `; ${(sqlMs / composeMs).toFixed(1)} × in-memory; largest share difference ${worst.toExponential(1)}` : ""})`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
