import { parentPort, workerData } from "node:worker_threads";
import { firstNames, IndexKeyer, type IndexPart, type NameEntry } from "../screen/index.ts";

/** Parent → worker (as `workerData`): the whole list and the shared counter of runs handed out. */
export interface NameIndexWorkerData {
  /** Marks this worker's data: other workers (trace, match pool) load this module too, via src/app. */
  readonly role: "name-index";
  readonly entries: readonly NameEntry[];
  /** One Int32: the next run to read; each thread takes runs with `Atomics.add` until none is left. */
  readonly next: Int32Array;
  readonly run: number;
}

/** Worker → parent: the keys of this worker's keyer and the runs it read. */
export type NameIndexWorkerReply =
  | { readonly type: "ok"; readonly keys: readonly string[]; readonly parts: readonly IndexPart[] }
  | { readonly type: "error"; readonly message: string };

/** Reads runs of `entries` until the shared counter passes the end; used by both threads alike. */
export function readRuns(
  entries: readonly NameEntry[],
  next: Int32Array,
  run: number,
  keyer: IndexKeyer,
): IndexPart[] {
  const starts = firstNames(entries);
  const parts: IndexPart[] = [];
  for (
    let from = Atomics.add(next, 0, 1) * run;
    from < entries.length;
    from = Atomics.add(next, 0, 1) * run
  ) {
    const to = Math.min(entries.length, from + run);
    parts.push(keyer.read(entries, from, to, starts[from] as number));
  }
  keyer.done();
  return parts;
}

const port = parentPort;
if (port !== null && (workerData as Partial<NameIndexWorkerData> | null)?.role === "name-index") {
  const data = workerData as NameIndexWorkerData;
  try {
    const keyer = new IndexKeyer();
    const parts = readRuns(data.entries, data.next, data.run, keyer);
    const transfer = parts.flatMap((p) => [
      ...p.blocks.map((b) => b.buffer as ArrayBuffer),
      p.ends.buffer as ArrayBuffer,
    ]);
    port.postMessage({ type: "ok", keys: keyer.keys, parts } satisfies NameIndexWorkerReply, transfer);
  } catch (error) {
    port.postMessage({
      type: "error",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    } satisfies NameIndexWorkerReply);
  }
}
