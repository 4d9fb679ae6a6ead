import { Worker } from "node:worker_threads";
import { type ImportFormat, importerFor } from "../ingest/index.ts";
import type { ParsedChunk } from "../model/index.ts";
import { parseEventJson } from "./event-json.ts";
import type { ParseWorkerData, WorkerMessage } from "./parse-worker-entry.ts";

/**
 * Files at least this large are parsed in a worker thread while this thread writes to the store:
 * parsing, mapping and hashing are about half of an import's CPU, so on two cores the two halves
 * overlap. Smaller files are parsed in place (a worker costs ≈ 100 ms to start).
 */
export const WORKER_PARSE_MIN_BYTES = 8 * 1024 * 1024;

/** The text formats whose importers dominate bulk loads; XLSX and XML stay in place. */
const WORKER_FORMATS: ReadonlySet<ImportFormat> = new Set([
  "epcis-json",
  "movements-csv",
  "facilities-csv",
  "osh-csv",
  "ftm-json",
]);

/**
 * Parsed chunks waiting for the writer. When the writer falls behind, the worker gets no more
 * bytes and stops, so memory holds at most this many chunks (plus what one piece of input makes).
 */
const MAX_QUEUED_CHUNKS = 4;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The importer's chunks for `bytes`, parsed in a worker thread when the file is large enough. */
export function parseChunks(
  format: ImportFormat,
  source: string,
  bytes: AsyncIterable<Uint8Array>,
  size: number | undefined,
): AsyncIterable<ParsedChunk> {
  const large = size !== undefined && size >= WORKER_PARSE_MIN_BYTES;
  return large && WORKER_FORMATS.has(format)
    ? parseInWorker(format, source, bytes)
    : importerFor(format)({ source, bytes });
}

/** `node --cpu-prof` of an import profiles the parse worker too (its own file, by thread id). */
const profiling = (): string[] => process.execArgv.filter((a) => a.startsWith("--cpu-prof"));

function startWorker(data: ParseWorkerData): Worker {
  const execArgv = profiling();
  // Built code (.js) loads the entry directly; from the TypeScript sources the worker registers tsx
  // itself (loader hooks of this thread do not carry over to workers on Node 20).
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./parse-worker-entry.${typescript ? "ts" : "js"}`, import.meta.url);
  if (!typescript) return new Worker(entry, { workerData: data, execArgv });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data, execArgv });
}

/**
 * Same chunks, same order, same issues as `importerFor(format)` in this thread (parse-in-worker.test.ts):
 * this thread reads the bytes (so hashing, progress and read errors stay here) and hands them to
 * the worker one piece at a time as it asks; the worker sends back each chunk as it is complete.
 */
export async function* parseInWorker(
  format: ImportFormat,
  source: string,
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<ParsedChunk> {
  const reader = bytes[Symbol.asyncIterator]();
  const worker = startWorker({ format, source });
  const queue: { readonly chunk: ParsedChunk; readonly events: readonly string[] }[] = [];
  /** Pieces the worker asked for and has not been sent. */
  let wanted = 0;
  let reading: Promise<unknown> | undefined;
  let exhausted = false;
  let finished = false;
  let failure: { readonly error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const fail = (error: unknown) => {
    failure ??= { error };
    notify();
  };
  /** The pieces of input the worker asked for, one read at a time, while the writer keeps up. */
  const feed = () => {
    if (wanted === 0 || reading || exhausted || queue.length >= MAX_QUEUED_CHUNKS) return;
    wanted -= 1;
    reading = reader.next().then(
      (r) => {
        reading = undefined;
        exhausted = r.done === true;
        worker.postMessage(r.done ? { type: "end" } : { type: "bytes", bytes: r.value });
        feed();
      },
      (error: unknown) => {
        reading = undefined;
        fail(error);
      },
    );
  };
  worker.on("message", (m: WorkerMessage) => {
    if (m.type === "want") {
      wanted += 1;
      feed();
    } else if (m.type === "chunk") queue.push(m);
    else if (m.type === "done") finished = true;
    else fail(Object.assign(new Error(m.message), { name: m.name }));
    notify();
  });
  worker.on("error", fail);
  worker.on("exit", (code) => {
    if (!finished) fail(new Error(`the parse worker stopped (exit code ${code})`));
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        feed();
        // The writer's loop runs on promises alone while chunks are queued; one turn of the event
        // loop per chunk lets the worker's requests and the file reads through meanwhile, so the
        // worker is not left waiting for bytes until the queue runs dry (then both threads idled).
        await turn();
        const { chunk, events } = next;
        yield { ...chunk, records: { ...chunk.records, events: events.map(parseEventJson) } };
        continue;
      }
      if (failure) throw failure.error;
      if (finished) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    await worker.terminate();
    // A read still in flight finishes first; then the file is closed all the same.
    await reading;
    await reader.return?.();
  }
}
