import { Worker } from "node:worker_threads";
import {
  buildNameIndex,
  IndexKeyer,
  type IndexPart,
  joinIndexParts,
  type NameEntry,
  type NameIndex,
} from "../screen/index.ts";
import { type NameIndexWorkerData, type NameIndexWorkerReply, readRuns } from "./name-index-worker.ts";

export interface BuildNameIndexOptions {
  /** Worker threads beside this one (default 1: two cores). */
  readonly workers?: number;
  /** Lists with fewer names are built in this thread (a worker costs about a second to start). */
  readonly minNames?: number;
  /** Entries per run handed out to a thread. */
  readonly run?: number;
  /** Whether this thread reads runs too (default); without, its event loop stays free meanwhile. */
  readonly thisThread?: boolean;
}

/** Below this many names a list is indexed in this thread: starting a worker would cost more. */
const MIN_NAMES = 100_000;
/**
 * Entries a thread takes at a time: small enough that both threads finish together on a busy
 * machine (a run is well under a second of work), large enough that handing runs out costs nothing.
 */
const RUN = 4_000;

function startWorker(data: NameIndexWorkerData): Worker {
  // Built code (.js) loads the entry directly; from the TypeScript sources the worker registers tsx
  // itself (loader hooks of this thread do not carry over to workers on Node 20).
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./name-index-worker.${typescript ? "ts" : "js"}`, import.meta.url);
  if (!typescript) return new Worker(entry, { workerData: data, execArgv: [] });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: data, execArgv: [] });
}

function reply(worker: Worker): Promise<{ keys: readonly string[]; parts: readonly IndexPart[] }> {
  return new Promise((resolve, reject) => {
    worker.once("message", (message: NameIndexWorkerReply) => {
      if (message.type === "ok") resolve(message);
      else reject(new Error(`name index worker: ${message.message}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`name index worker exited (${code}) before replying`)));
  });
}

/**
 * The same index as `buildNameIndex` (same postings, keys in the same order, same idf), read by
 * this thread and worker threads together: normalising 1.7 M names is about two minutes of one
 * core, and the threads share it run by run, so a busy core does less of it. Small lists are built
 * in this thread. Normalised names are not kept: candidates are normalised again when scored.
 */
export async function buildNameIndexInWorkers(
  entries: readonly NameEntry[],
  options: BuildNameIndexOptions = {},
): Promise<NameIndex> {
  const names = entries.reduce((sum, e) => sum + e.names.length, 0);
  const workers = options.workers ?? 1;
  if (names < (options.minNames ?? MIN_NAMES) || workers < 1) return buildNameIndex(entries);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const run = options.run ?? RUN;
  const started = Array.from({ length: workers }, () =>
    startWorker({ role: "name-index", entries, next, run }),
  );
  const replies = started.map(reply);
  // Awaited below; a failure of this thread first must not leave them unhandled.
  for (const r of replies) r.catch(() => undefined);
  try {
    const keyer = new IndexKeyer();
    const parts = options.thisThread === false ? [] : readRuns(entries, next, run, keyer);
    // This thread took every run before a worker took one (a worker takes a second to start).
    if (parts.length === Math.ceil(entries.length / run))
      return joinIndexParts(entries, [keyer.keys], [parts]);
    const others = await Promise.all(replies);
    return joinIndexParts(
      entries,
      [keyer.keys, ...others.map((o) => o.keys)],
      [parts, ...others.map((o) => o.parts)],
    );
  } finally {
    // The workers have replied, are still starting up (this thread read every run) or one failed.
    await Promise.all(started.map((w) => w.terminate()));
  }
}
