import { Worker } from "node:worker_threads";
import type { ListEntry } from "../ingest/index.ts";
import type { CheckQuery, CheckResult } from "./check-name.ts";
import type { MatchPoolReply, MatchPoolRequest } from "./match-pool-worker.ts";

/** The lists a batch is screened against; `key` names them (one list version, one threshold). */
export interface MatchLists {
  readonly key: string;
  readonly entries: readonly ListEntry[];
  readonly threshold: number;
}

/**
 * Name matching in worker threads. A `/api/match` batch is CPU-bound (≈ 2 ms a name); on the
 * server's one event loop it would hold up every trace and listing behind it, so the server hands
 * batches to this pool and keeps answering other requests meanwhile.
 */
export interface MatchPool {
  readonly size: number;
  /** Same results, in the same order, as `checkOne` on a screener over `lists` in this thread. */
  match(lists: MatchLists, queries: readonly CheckQuery[]): Promise<CheckResult[]>;
  /** Stops the workers; batches still waiting fail. */
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (results: CheckResult[]) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The lists this worker holds. */
  key: string | undefined;
  readonly pending: Map<number, Pending>;
}

function startWorker(): Worker {
  // Built code (.js) loads the entry directly; from the TypeScript sources the worker registers tsx
  // itself (loader hooks of this thread do not carry over to workers on Node 20).
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./match-pool-worker.${typescript ? "ts" : "js"}`, import.meta.url);
  if (!typescript) return new Worker(entry, { execArgv: [] });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

export function createMatchPool(size: number): MatchPool {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`match pool size ${size}: need ≥ 1`);
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  function fail(slot: Slot, error: Error): void {
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  }

  function attach(slot: Slot): void {
    const worker = slot.worker;
    worker.on("message", (reply: MatchPoolReply) => {
      const p = slot.pending.get(reply.id);
      if (!p) return;
      slot.pending.delete(reply.id);
      if (reply.type === "ok") p.resolve([...reply.results]);
      else p.reject(new Error(`match worker: ${reply.message}`));
    });
    worker.on("error", (error) => fail(slot, error));
    worker.on("exit", (code) => {
      fail(slot, new Error(`match worker stopped (exit code ${code})`));
      if (closed || slot.worker !== worker) return;
      // A crashed worker is replaced; it holds no lists until a batch sends them.
      slot.worker = startWorker();
      slot.key = undefined;
      attach(slot);
    });
  }

  for (let i = 0; i < size; i++) {
    const slot: Slot = { worker: startWorker(), key: undefined, pending: new Map() };
    attach(slot);
    slots.push(slot);
  }

  return {
    size,
    match(lists, queries) {
      if (closed) return Promise.reject(new Error("match pool is closed"));
      if (queries.length === 0) return Promise.resolve([]);
      // The least busy worker; a worker runs its batches in the order they came.
      const slot = slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      if (slot.key !== lists.key) {
        const send: MatchPoolRequest = {
          type: "lists",
          key: lists.key,
          entries: lists.entries,
          threshold: lists.threshold,
        };
        slot.worker.postMessage(send);
        slot.key = lists.key;
      }
      const id = nextId++;
      return new Promise<CheckResult[]>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ type: "match", id, key: lists.key, queries } satisfies MatchPoolRequest);
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
      for (const s of slots) fail(s, new Error("match pool is closed"));
    },
  };
}
