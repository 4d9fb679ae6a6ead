import { parentPort, workerData } from "node:worker_threads";
import { type ImportFormat, importerFor, useSha256 } from "../ingest/index.ts";
import type { ParsedChunk } from "../model/index.ts";
import { eventText } from "./event-json.ts";
import { nativeSha256Hex } from "./native-sha256.ts";

/** The worker side of parse-in-worker.ts: runs one importer over the bytes the parent sends. */
export interface ParseWorkerData {
  readonly format: ImportFormat;
  readonly source: string;
}

/** Parent → worker. */
export type ParentMessage = { readonly type: "bytes"; readonly bytes: Uint8Array } | { readonly type: "end" };

/** Worker → parent. */
export type WorkerMessage =
  | { readonly type: "want" }
  /** The chunk without its events, and the events as JSON text (see event-json.ts). */
  | { readonly type: "chunk"; readonly chunk: ParsedChunk; readonly events: readonly string[] }
  | { readonly type: "done" }
  | { readonly type: "error"; readonly name: string; readonly message: string };

const port = parentPort;
if (port === null) throw new Error("parse-worker-entry.ts runs only as a worker thread");
const { format, source } = workerData as ParseWorkerData;
// biome-ignore lint/correctness/useHookAtTopLevel: not a React hook; plugs node:crypto into the pure hasher, as import-file.ts does.
useSha256(nativeSha256Hex);

/**
 * Pieces of input asked for ahead of the parser: the parent answers only between its chunk writes,
 * so with one piece in hand and a few on the way this thread does not wait for it (≈ 4 MB at most).
 */
const PIECES_AHEAD = 4;

const pending: Uint8Array[] = [];
let ended = false;
/** Pieces asked for that have not arrived. */
let requested = 0;
let arrived: (() => void) | undefined;

port.on("message", (m: ParentMessage) => {
  if (m.type === "bytes") {
    pending.push(m.bytes);
    requested -= 1;
  } else ended = true;
  arrived?.();
  arrived = undefined;
});

const ask = () => {
  while (!ended && pending.length + requested < PIECES_AHEAD) {
    requested += 1;
    port.postMessage({ type: "want" } satisfies WorkerMessage);
  }
};

async function* bytes(): AsyncGenerator<Uint8Array> {
  for (;;) {
    const next = pending.shift();
    if (next !== undefined) {
      ask();
      yield next;
      continue;
    }
    if (ended) return;
    ask();
    await new Promise<void>((resolve) => {
      arrived = resolve;
    });
  }
}

try {
  for await (const chunk of importerFor(format)({ source, bytes: bytes() })) {
    const events = chunk.records.events.map(eventText);
    const rest = { ...chunk, records: { ...chunk.records, events: [] } };
    port.postMessage({ type: "chunk", chunk: rest, events } satisfies WorkerMessage);
  }
  port.postMessage({ type: "done" } satisfies WorkerMessage);
} catch (e) {
  const { name, message } = e instanceof Error ? e : { name: "Error", message: String(e) };
  port.postMessage({ type: "error", name, message } satisfies WorkerMessage);
}
// The parent ends this thread once it has the last message.
