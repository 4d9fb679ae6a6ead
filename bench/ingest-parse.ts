/**
 * `npx tsx bench/ingest-parse.ts [--events N] [--rounds R] [--stages]`: the parse side of an EPCIS
 * JSON import alone (what the parse worker does: split, JSON.parse, map, hash, and each event's text
 * for the writer thread, `eventText`), in this thread, beside bare `JSON.parse` of the same bytes. CPU time of the
 * process (process.cpuUsage) per event, the best of R rounds (the machine is shared), so figures
 * from the same minute can be compared. `--stages` also times each stage on its own.
 * Data: the generated chain of bench/ingest.bench.ts (bench/.data/epcis-N, made when missing).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { eventText, parseEventJson, storedEventJson } from "../src/app/event-json.ts";
import { nativeSha256Hex } from "../src/app/native-sha256.ts";
import type { EventContext } from "../src/ingest/epcis/event-context.ts";
import { eventFromJson } from "../src/ingest/epcis/event-from-json.ts";
import { computeEventId, type UnhashedEvent, useSha256 } from "../src/ingest/epcis/event-hash.ts";
import { importEpcisJson } from "../src/ingest/epcis/import-epcis-json.ts";
import { createJsonSplitter } from "../src/ingest/epcis/json-event-splitter.ts";
import type { JsonValue } from "../src/ingest/epcis/json-hash-tree.ts";
import type { SupplyEvent } from "../src/model/index.ts";
import { generatedEpcis } from "./generated-epcis.ts";

const ROOT = resolve(import.meta.dirname, "..");
const DATA = join(ROOT, "bench/.data");
const PIECE = 1 << 20; // the import's read size (src/cli/read-file.ts)

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** CPU µs of `fn`, best of `rounds` (a collection first, so one round's garbage is not the next's). */
function best(rounds: number, fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    const t = cpuMicros();
    fn();
    min = Math.min(min, cpuMicros() - t);
  }
  return min;
}

async function bestAsync(rounds: number, fn: () => Promise<void>): Promise<number> {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    globalThis.gc?.();
    const t = cpuMicros();
    await fn();
    min = Math.min(min, cpuMicros() - t);
  }
  return min;
}

function pieces(bytes: Buffer): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += PIECE) out.push(bytes.subarray(i, i + PIECE));
  return out;
}

async function* asAsync(list: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* list;
}

/** What the parse worker does with a file: the importer's chunks, events as their text for the writer. */
async function workerSide(source: string, list: readonly Uint8Array[]): Promise<number> {
  let events = 0;
  for await (const chunk of importEpcisJson({ source, bytes: asAsync(list) })) {
    const texts = chunk.records.events.map(eventText);
    events += texts.length;
  }
  return events;
}

function namespacesOf(preview: string): Record<string, string> {
  const doc = JSON.parse(preview) as { "@context"?: JsonValue };
  const out: Record<string, string> = {};
  const ctx = doc["@context"];
  for (const c of Array.isArray(ctx) ? ctx : [ctx]) {
    if (typeof c === "object" && c !== null && !Array.isArray(c))
      for (const [k, v] of Object.entries(c)) if (typeof v === "string") out[k] = v;
  }
  return out;
}

const events = arg("events", 100_000);
const rounds = arg("rounds", 3);
const stages = process.argv.includes("--stages");
// biome-ignore lint/correctness/useHookAtTopLevel: not a React hook; the app's native SHA-256, as the worker uses.
useSha256(nativeSha256Hex);
const files = await generatedEpcis(DATA, events);
const buffers = files.map((f) => readFileSync(f));
const totalBytes = buffers.reduce((n, b) => n + b.length, 0);

let count = 0;
const bare = best(rounds, () => {
  for (const b of buffers) JSON.parse(new TextDecoder().decode(b));
});
const worker = await bestAsync(rounds, async () => {
  count = 0;
  for (const [i, b] of buffers.entries()) count += await workerSide(files[i] ?? "", pieces(b));
});
// What the writer thread then does with each text before its store writes: the event and its record.
const sent: string[] = [];
for (const [i, b] of buffers.entries()) {
  for await (const chunk of importEpcisJson({ source: files[i] ?? "", bytes: asAsync(pieces(b)) }))
    for (const e of chunk.records.events) sent.push(eventText(e));
}
const receive = best(rounds, () => {
  for (const t of sent) storedEventJson(parseEventJson(t));
});
const per = (micros: number) => (micros / count).toFixed(1);
const lines: string[] = [
  `parse side of an EPCIS JSON import, ${count} events, ${(totalBytes / 1e6).toFixed(0)} MB, CPU µs per event (best of ${rounds}):`,
  `  bare JSON.parse of the file (decode included)  ${per(bare)}`,
  `  worker side (split+parse+map+hash+eventText)  ${per(worker)}   (${((bare / worker) * 100).toFixed(0)} % of bare-parse throughput)`,
  `  writer thread's share (parseEventJson + record text)  ${per(receive)}`,
];

if (stages) {
  let texts: string[] = [];
  let objects: JsonValue[] = [];
  let mapped: UnhashedEvent[] = [];
  let ns: Record<string, string> = {};
  const decode = best(rounds, () => {
    for (const b of buffers) {
      const d = new TextDecoder("utf-8");
      for (const p of pieces(b)) d.decode(p, { stream: true });
    }
  });
  const split = best(rounds, () => {
    texts = [];
    for (const b of buffers) {
      const d = new TextDecoder("utf-8");
      const s = createJsonSplitter();
      for (const p of pieces(b)) for (const t of s.push(d.decode(p, { stream: true }))) texts.push(t);
      ns = namespacesOf(s.preview());
    }
  });
  const parse = best(rounds, () => {
    objects = texts.map((t) => JSON.parse(t) as JsonValue);
  });
  const map = best(rounds, () => {
    mapped = [];
    for (const [i, o] of objects.entries()) {
      const ctx: EventContext = { source: "bench", index: i + 1, namespaces: ns, format: "json" };
      const e = eventFromJson(o, ctx).event;
      if (e) mapped.push(e);
    }
  });
  let ids: string[] = [];
  const hash = best(rounds, () => {
    ids = mapped.map(computeEventId);
  });
  const withIds = mapped.map((e, i) => ({ ...e, id: ids[i] }) as SupplyEvent);
  const stringify = best(rounds, () => {
    for (const e of withIds) eventText(e);
  });
  const n = texts.length;
  const each = (micros: number) => (micros / n).toFixed(1);
  lines.push(
    `  stages on their own (${n} events):`,
    `    UTF-8 decode     ${each(decode)}`,
    `    split (+decode)  ${each(split)}`,
    `    JSON.parse each  ${each(parse)}`,
    `    map              ${each(map)}`,
    `    hash             ${each(hash)}`,
    `    eventText        ${each(stringify)}`,
    `    sum              ${each(split + parse + map + hash + stringify)}`,
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
