import { Worker } from "node:worker_threads";
import { AppError, type ReadModel, type Store, type TraceResult } from "../app/index.ts";
import { type GraphView, graphViewCache, keyOf, textCache } from "./graph-views.ts";
import type { TraceWorkerReply, TraceWorkerRequest } from "./trace-worker-entry.ts";

/** Where the trace graph is: being built (at start, after an import), built, or its build failed. */
export type GraphState = "building" | "ready" | "failed";

/**
 * Answers `/api/lots/{id}/trace` from the trace graph, which takes minutes to build on a large
 * store (≈ 1 M events). The server starts the build when it starts; until it is done, a trace gets
 * a quick 503 `not-ready` with Retry-After instead of a request that hangs, and `/api/health`
 * says `graph: "building"`.
 */
export interface TraceService {
  state(): GraphState;
  /**
   * A view of the graph (a trace, the shipments, the balance, the dashboard) as the route's JSON
   * text. Throws `not-ready` while the graph is being built (the worker announces every rebuild)
   * and the build has run past the wait bound; a younger build is waited for up to the request's
   * bound. On a built graph a request waits for its answer, up to the bound of a whole table.
   */
  view(view: GraphView): Promise<string>;
  /** `view` of a trace, parsed (tests, callers that want the value). */
  trace(id: string, direction: "up" | "down"): Promise<TraceResult>;
  /** Views asked for, and how many of them this thread answered from its copy of an earlier answer. */
  counts?(): { readonly asked: number; readonly kept: number };
  close(): Promise<void>;
}

/** How long a view other than a trace (the whole shipments table, a balance) may take to compute. */
const TABLE_WAIT_MS = 60_000;

/**
 * Bytes of trace answers the server's thread keeps (its copies of the worker's texts): the bench's
 * 2 000 traced lots take under 2 MiB at 1 M events.
 */
const KEPT_TRACE_BYTES = 16 * 1024 * 1024;

export interface TraceServiceOptions {
  /** How long a trace may wait for a graph that is being (re)built before it answers 503. */
  readonly waitMs?: number;
  /** How often the worker checks its graph's freshness, so it is rebuilt after an import before a trace asks. */
  readonly pollMs?: number;
  /** Serves traces if the worker cannot start at all (it exits before its first answer). */
  readonly fallback?: TraceService;
}

/** Seconds a client is told to wait (Retry-After) while the graph is being built. */
export const RETRY_AFTER_S = 5;

function notReady(): AppError {
  return new AppError(
    "not-ready",
    `the trace graph is being built (at start and after an import); try again in ${RETRY_AFTER_S} s`,
  );
}

/** Resolves with the promise, or with `undefined` once `ms` have passed first. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The graph in this thread's read model (in-process apps, tests), built on the first health check
 * or trace and rebuilt when the read model notices new data. On PostgreSQL the build's reads are
 * asynchronous, so the event loop answers health and 503s meanwhile; on SQLite the build holds the
 * event loop, which is why `serve` uses {@link createTraceWorker} instead.
 */
export function inThreadTraceService(
  store: Store,
  readModel: ReadModel,
  options: TraceServiceOptions = {},
): TraceService {
  const waitMs = options.waitMs ?? 2000;
  const answer = graphViewCache(store, readModel);
  let state: GraphState = "building";
  let pending: Promise<unknown> | undefined;

  /** Asks the read model for its graph (a rebuild if the data changed) and follows the answer. */
  function check(): void {
    if (pending) return;
    const started = readModel.traceContext();
    const current: Promise<unknown> = started.then(
      () => {
        state = "ready";
      },
      () => {
        state = "failed";
      },
    );
    pending = current;
    void current.finally(() => {
      if (pending === current) pending = undefined;
    });
    // Not settled at once: the read model is (re)building.
    void within(
      current.then(() => true),
      50,
    ).then((settled) => {
      if (settled === undefined && pending === current) state = "building";
    });
  }

  return {
    state() {
      check();
      return state;
    },
    async view(view) {
      check();
      // Even while building, wait up to the bound: a small store's graph is ready in well under it.
      const context = await within(readModel.traceContext(), waitMs);
      if (context === undefined) {
        state = "building";
        throw notReady();
      }
      return answer(view);
    },
    async trace(id, direction) {
      return JSON.parse(await this.view({ kind: "trace", lot: id, direction })) as TraceResult;
    },
    async close() {},
  };
}

function startWorker(db: string): Worker {
  // As the match pool: built code loads the entry directly; from the sources the worker registers
  // tsx itself (this thread's loader hooks do not carry over to workers on Node 20).
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./trace-worker-entry.${typescript ? "ts" : "js"}`, import.meta.url);
  const workerData = { db };
  if (!typescript) return new Worker(entry, { execArgv: [], workerData });
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, execArgv: [], workerData });
}

interface Pending {
  /** The view's key when its answer is kept in this thread (a trace). */
  readonly keep: string | undefined;
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
  readonly sentAt: number;
  /** Past this the request counts as waiting for a (re)build, unless the graph is known built. */
  readonly boundMs: number;
}

/**
 * The graph in a worker thread with its own connection to the store `db` (a SQLite file or a
 * PostgreSQL URL). Building it there keeps the server's event loop free: health, listings and
 * match answer during the build, and traces get a quick 503. The worker answers in order, so a
 * request it has not answered within `waitMs` means it is (re)building (an import committed).
 */
export function createTraceWorker(db: string, options: TraceServiceOptions = {}): TraceService {
  const waitMs = options.waitMs ?? 2000;
  const pollMs = options.pollMs ?? 1000;
  let worker = startWorker(db);
  let closed = false;
  let lastAnswer: GraphState = "building";
  let nextId = 0;
  const pending = new Map<number, Pending>();
  let pollOpen = false;
  let pollSentAt = 0;
  let lastReplyAt = 0;
  /** Set once the worker answered: a worker that dies before that is not restarted (no crash loop). */
  let answered = false;
  let broken = false;
  /** When the worker started, or announced the rebuild it is in: a build younger than waitMs may be quick. */
  let buildingSince = Date.now();
  const fallback = options.fallback;
  // A trace asked again is answered here, from the text the worker sent the first time: one pass
  // through this thread's event loop instead of two (the request, then the worker's reply), which
  // is what a trace waits for when listings and match batches keep the loop busy (the worker
  // answers in about 0.1 ms; bench/trace-service-time.ts). Dropped whenever the worker announces a
  // rebuild of its graph, and whenever it restarts: the worker's own cache is dropped then too.
  const kept = textCache(KEPT_TRACE_BYTES);
  let asked = 0;
  let fromKept = 0;

  const state = (): GraphState => {
    if (broken) return fallback ? fallback.state() : "failed";
    const now = Date.now();
    // The worker announces every rebuild, so once it has answered, a slow answer is not one.
    if (lastAnswer === "ready") return "ready";
    if (pollOpen && now - Math.max(pollSentAt, lastReplyAt) > waitMs) return "building";
    for (const p of pending.values()) if (now - p.sentAt > p.boundMs) return "building";
    return lastAnswer;
  };

  function send(message: TraceWorkerRequest): void {
    worker.postMessage(message);
  }

  /** Hands a view's answer (or error) to its request, keeping a trace's text for the next ask. */
  function settle(reply: Exclude<TraceWorkerReply, { type: "graph" }>): void {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.type === "error") {
      p.reject(new AppError(reply.code, reply.message));
      return;
    }
    if (p.keep !== undefined) kept.set(p.keep, reply.text);
    p.resolve(reply.text);
  }

  /**
   * Building for sure: the build (at start, or a rebuild after an import) has run for longer than
   * waitMs. A younger one may be a small store's, done in well under a second, so a request then is
   * sent and waits on its own bound instead of failing at once.
   */
  const knownBuilding = (): boolean => lastAnswer === "building" && Date.now() - buildingSince > waitMs;

  /** The text the worker gave for this trace before, while its graph has not been rebuilt since. */
  function keptAnswer(keep: string | undefined): string | undefined {
    if (keep === undefined || lastAnswer !== "ready") return undefined;
    const known = kept.get(keep);
    if (known !== undefined) fromKept += 1;
    return known;
  }

  function attach(w: Worker): void {
    w.on("message", (reply: TraceWorkerReply) => {
      answered = true;
      lastReplyAt = Date.now();
      if (reply.type === "graph") {
        if (reply.state === "building" && lastAnswer !== "building") buildingSince = Date.now();
        lastAnswer = reply.state;
        if (reply.state !== "ready") kept.clear();
        // "building" announces a rebuild; the poll's own answer comes when it is done.
        if (reply.state !== "building") pollOpen = false;
        return;
      }
      // Any answer means the worker's loop is free again: the graph it answered from is built.
      lastAnswer = "ready";
      settle(reply);
    });
    w.on("error", (error) => {
      lastAnswer = "failed";
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    w.on("exit", () => {
      pollOpen = false;
      kept.clear();
      for (const p of pending.values()) p.reject(new Error("trace worker stopped"));
      pending.clear();
      if (closed || worker !== w) return;
      if (!answered) {
        broken = true;
        return;
      }
      lastAnswer = "building";
      answered = false;
      buildingSince = Date.now();
      worker = startWorker(db);
      attach(worker);
      ask();
    });
  }
  attach(worker);

  // The worker checks its graph's freshness when asked; the first ask starts the build.
  function ask(): void {
    if (pollOpen) return;
    pollOpen = true;
    pollSentAt = Date.now();
    send({ type: "poll" });
  }
  const poll = setInterval(ask, pollMs);
  poll.unref();
  ask();

  return {
    state,
    view(view) {
      if (closed) return Promise.reject(new Error("trace service is closed"));
      if (broken)
        return fallback
          ? fallback.view(view)
          : Promise.reject(new AppError("internal", "the trace worker could not start"));
      // Fails fast only when the worker is known to be building: its build (at start, or after an
      // import) has run past waitMs, or a request timed out. A younger build, or a poll that merely
      // looks overdue (this thread was busy and has not read the answer yet), is not enough: the
      // request is sent and its own bound decides, so a small store's rebuild after an import is
      // waited for, not a 503.
      if (knownBuilding()) return Promise.reject(notReady());
      asked += 1;
      const keep = view.kind === "trace" ? keyOf(view) : undefined;
      const known = keptAnswer(keep);
      if (known !== undefined) return Promise.resolve(known);
      const requestId = nextId++;
      // A trace is quick once the graph is built; a whole table (the first time) may take seconds.
      const boundMs = view.kind === "trace" ? waitMs : Math.max(waitMs, TABLE_WAIT_MS);
      return new Promise<string>((resolve, reject) => {
        const sentAt = Date.now();
        // Past the bound a request fails as not-ready only while the graph is being (re)built;
        // behind a slow answer on a built graph (the worker announced no rebuild) it keeps waiting,
        // up to the bound of a whole table.
        const expire = (): void => {
          if (!pending.has(requestId)) return;
          if (lastAnswer === "ready" && Date.now() - sentAt < TABLE_WAIT_MS) {
            timer = setTimeout(expire, Math.min(boundMs, TABLE_WAIT_MS - (Date.now() - sentAt)));
            timer.unref();
            return;
          }
          pending.delete(requestId);
          if (lastAnswer === "ready") buildingSince = sentAt;
          lastAnswer = lastAnswer === "failed" ? "failed" : "building";
          reject(notReady());
        };
        let timer = setTimeout(expire, boundMs);
        timer.unref();
        pending.set(requestId, {
          keep,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
          sentAt,
          boundMs,
        });
        send({ type: "view", id: requestId, view });
      });
    },
    async trace(id, direction) {
      return JSON.parse(await this.view({ kind: "trace", lot: id, direction })) as TraceResult;
    },
    counts: () => ({ asked, kept: fromKept }),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(poll);
      await worker.terminate();
    },
  };
}
