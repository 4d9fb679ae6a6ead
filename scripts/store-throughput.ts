/**
 * Write throughput of the store adapters: imports N synthetic events (default 200,000) in one
 * session of 2,000-event writes and prints events/s. SQLite always; PostgreSQL when
 * THREADPROOF_TEST_PG_URL is set or server binaries are found (a throwaway cluster is started).
 *
 *   npx tsx scripts/store-throughput.ts [events] [sqlite|postgres|both]
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Store } from "../src/app/index.ts";
import { eventId, locationId, lotId, provenance, type SupplyEvent } from "../src/model/index.ts";
import { openStore } from "../src/store/index.ts";
import { findServerBinaries, startCluster } from "../test/setup/postgres.ts";

const total = Number(process.argv[2] ?? 200_000);
const which = process.argv[3] ?? "both";
const BATCH = 2000;

/** A spinning step: lot i-1 (kg) in, lot i (kg) out, at one of 500 facilities. */
function syntheticEvent(i: number): SupplyEvent {
  // Real ids are hashes, so they arrive in random order; sequential ids would flatter the id index.
  const id = eventId(`ni:///sha-256;${createHash("sha256").update(String(i)).digest("hex")}?ver=CBV2.0`);
  const site = locationId(`urn:epc:id:sgln:0614141.${String(i % 500).padStart(5, "0")}.0`);
  return {
    typeName: "event",
    id,
    epcisType: "TransformationEvent",
    kind: "transform",
    eventTime: new Date(1_700_000_000_000 + i * 60_000).toISOString(),
    eventTimeZoneOffset: "+08:00",
    bizStep: "commissioning",
    readPoint: site,
    bizLocation: site,
    epcs: [],
    inputEpcs: [],
    outputEpcs: [],
    quantities: [],
    inputs: [
      { lot: lotId(`urn:epc:class:lgtin:0614141.012345.L${i - 1}`), quantity: 1000, uom: "KGM", kg: 1000 },
    ],
    outputs: [{ lot: lotId(`urn:epc:class:lgtin:0614141.012346.L${i}`), quantity: 950, uom: "KGM", kg: 950 }],
    bizTransactions: [{ type: "po", id: `urn:epcglobal:cbv:bt:0614141000005:PO-${i}` }],
    sources: [],
    destinations: [],
    ilmd: { "cbvmda:countryOfOrigin": "CN" },
    extra: {},
    retracted: false,
    provenance: provenance("synthetic.jsonld", `event ${i} (eventID ${id})`),
  };
}

async function measure(store: Store): Promise<void> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const session = await store.beginImport({
    source: "synthetic",
    format: "synthetic",
    startedAt: new Date().toISOString(),
  });
  for (let start = 0; start < total; start += BATCH) {
    const events = Array.from({ length: Math.min(BATCH, total - start) }, (_, k) =>
      syntheticEvent(start + k),
    );
    await session.write({ parties: [], locations: [], lots: [], events, links: [], documents: [] });
  }
  await session.commit({ sha256: "0".repeat(64), skippedIssues: 0 });
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(total / seconds);
  // CPU time of this process (synthetic events included): steadier than wall time on a shared machine.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const cpuRate = Math.round(total / cpuSeconds);
  process.stdout.write(
    `${store.kind}: ${total} events in ${seconds.toFixed(1)} s = ${rate} events/s` +
      ` (CPU ${cpuSeconds.toFixed(1)} s = ${cpuRate} events/s of CPU time)\n`,
  );
  await store.close();
}

async function sqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "threadproof-throughput-"));
  try {
    await measure(await openStore(join(dir, "throughput.db")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<void> {
  const given = process.env.THREADPROOF_TEST_PG_URL;
  const bin = given ? undefined : findServerBinaries();
  if (!given && !bin) {
    process.stdout.write("postgres: skipped (no server binaries, THREADPROOF_TEST_PG_URL not set)\n");
    return;
  }
  const cluster = bin ? await startCluster(bin) : undefined;
  const admin = new URL(given ?? cluster?.url ?? "");
  const name = `threadproof_throughput_${process.pid}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  try {
    await measure(await openStore(Object.assign(new URL(admin), { pathname: `/${name}` }).toString()));
  } finally {
    await client.query(`drop database ${name} with (force)`);
    await client.end();
    await cluster?.stop();
  }
}

if (which !== "postgres") await sqlite();
if (which !== "sqlite") await postgres();
