import { parentPort, workerData } from "node:worker_threads";
import { type AppErrorCode, createReadModel, isAppError } from "../app/index.ts";
import { openStore } from "../store/index.ts";
import { type GraphView, graphViewCache } from "./graph-views.ts";
import type { GraphState } from "./trace-service.ts";

/** Parent → worker: check the graph (build or rebuild it if the data changed), or answer a view of it. */
export type TraceWorkerRequest =
  | { readonly type: "poll" }
  | { readonly type: "view"; readonly id: number; readonly view: GraphView };

/**
 * Worker → parent. A view goes back as JSON text: a string crosses threads as one copy, where a
 * trace's object tree would be cloned here, rebuilt there and then serialised on the event loop.
 */
export type TraceWorkerReply =
  | { readonly type: "graph"; readonly state: GraphState }
  | { readonly type: "view"; readonly id: number; readonly text: string }
  | { readonly type: "error"; readonly id: number; readonly code: AppErrorCode; readonly message: string };

const port = parentPort;
if (port === null) throw new Error("trace-worker-entry.ts runs only as a worker thread");
const { db } = workerData as { db: string };

// The worker's own connection and read model: its graph is built here, off the server's event loop.
const store = await openStore(db);
// The worker answers in order, so the parent cannot tell a rebuild from a slow answer by waiting:
// it is told when a rebuild starts (a message crosses even while this thread is busy building).
const readModel = createReadModel(store, {
  onBuild: (part) => {
    if (part === "trace") port.postMessage({ type: "graph", state: "building" } satisfies TraceWorkerReply);
  },
});
const answer = graphViewCache(store, readModel);

port.on("message", async (message: TraceWorkerRequest) => {
  if (message.type === "poll") {
    const state = await readModel.traceContext().then(
      () => "ready" as const,
      () => "failed" as const,
    );
    port.postMessage({ type: "graph", state } satisfies TraceWorkerReply);
    return;
  }
  try {
    const text = await answer(message.view);
    port.postMessage({ type: "view", id: message.id, text } satisfies TraceWorkerReply);
  } catch (e) {
    // Only an AppError's words go back (not-found, store-unavailable…); anything else is internal.
    const reply: TraceWorkerReply = isAppError(e)
      ? { type: "error", id: message.id, code: e.code, message: e.message }
      : { type: "error", id: message.id, code: "internal", message: "internal error" };
    port.postMessage(reply);
  }
});
