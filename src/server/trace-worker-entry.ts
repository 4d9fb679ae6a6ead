import { parentPort, workerData } from "node:worker_threads";
import {
  type AppErrorCode,
  createReadModel,
  isAppError,
  type TraceResult,
  traceFromModel,
} from "../app/index.ts";
import { openStore } from "../store/index.ts";
import type { GraphState } from "./trace-service.ts";

/** Parent → worker: check the graph (build or rebuild it if the data changed), or trace a lot. */
export type TraceWorkerRequest =
  | { readonly type: "poll" }
  | { readonly type: "trace"; readonly id: number; readonly lot: string; readonly direction: "up" | "down" };

/** Worker → parent. */
export type TraceWorkerReply =
  | { readonly type: "graph"; readonly state: Exclude<GraphState, "building"> }
  | { readonly type: "trace"; readonly id: number; readonly result: TraceResult }
  | { readonly type: "error"; readonly id: number; readonly code: AppErrorCode; readonly message: string };

const port = parentPort;
if (port === null) throw new Error("trace-worker-entry.ts runs only as a worker thread");
const { db } = workerData as { db: string };

// The worker's own connection and read model: its graph is built here, off the server's event loop.
const store = await openStore(db);
const readModel = createReadModel(store);

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
    const result = await traceFromModel(readModel, message.lot, message.direction);
    port.postMessage({ type: "trace", id: message.id, result } satisfies TraceWorkerReply);
  } catch (e) {
    // Only an AppError's words go back (not-found, store-unavailable…); anything else is internal.
    const reply: TraceWorkerReply = isAppError(e)
      ? { type: "error", id: message.id, code: e.code, message: e.message }
      : { type: "error", id: message.id, code: "internal", message: "internal error" };
    port.postMessage(reply);
  }
});
