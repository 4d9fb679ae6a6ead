import { parentPort } from "node:worker_threads";
import type { ListEntry } from "../ingest/index.ts";
import { type CheckQuery, type CheckResult, checkOne } from "./check-name.ts";
import { createScreener, type Screener } from "./screener.ts";

/** Parent → worker: the list version to screen against (sent once per version), then batches. */
export type MatchPoolRequest =
  | {
      readonly type: "lists";
      readonly key: string;
      readonly entries: readonly ListEntry[];
      readonly threshold: number;
    }
  | {
      readonly type: "match";
      readonly id: number;
      readonly key: string;
      readonly queries: readonly CheckQuery[];
    };

/** Worker → parent. */
export type MatchPoolReply =
  | { readonly type: "ok"; readonly id: number; readonly results: readonly CheckResult[] }
  | { readonly type: "error"; readonly id: number; readonly message: string };

const port = parentPort;
if (port === null) throw new Error("match-pool-worker.ts runs only as a worker thread");

// One screener per worker, rebuilt only when the parent's list version changes.
let current: { key: string; screener: Screener } | undefined;

port.on("message", (message: MatchPoolRequest) => {
  if (message.type === "lists") {
    current = {
      key: message.key,
      screener: createScreener({ entries: message.entries, threshold: message.threshold }),
    };
    return;
  }
  try {
    if (current?.key !== message.key) throw new Error(`lists ${message.key} were not sent to this worker`);
    const screener = current.screener;
    const results = message.queries.map((q) => checkOne(screener, q));
    port.postMessage({ type: "ok", id: message.id, results } satisfies MatchPoolReply);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: "error", id: message.id, message: text } satisfies MatchPoolReply);
  }
});
