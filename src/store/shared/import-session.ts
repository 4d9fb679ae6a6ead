import {
  AppError,
  type AuditEntry,
  type ImportLogEntry,
  type ImportMeta,
  type ImportSession,
  type WriteCounts,
} from "../../app/index.ts";
import type { RecordBatch } from "../../model/index.ts";
import { storeError } from "./store-error.ts";
import { addCounts, zeroCounts } from "./write-counts.ts";

/** What an adapter supplies; the lifecycle rules around it are the same for every adapter. */
export interface SessionDriver {
  write(batch: RecordBatch): Promise<WriteCounts>;
  /** Logs the import, appends its audit record (built from the log id) and commits; returns the id. */
  commit(entry: Omit<ImportLogEntry, "id">, audit?: (id: number) => AuditEntry): Promise<number>;
  rollback(): Promise<void>;
}

/** One import at a time per store: a second `beginImport` is a conflict, not a queue. */
export interface SessionSlot {
  acquire(): void;
  release(): void;
  readonly busy: boolean;
  /** Resolves once no import is open (at once when none is). */
  idle(): Promise<void>;
}

export function sessionSlot(location: string): SessionSlot {
  let busy = false;
  let waiters: (() => void)[] = [];
  return {
    acquire() {
      if (busy) throw new AppError("conflict", `an import is already in progress on ${location}`);
      busy = true;
    },
    release() {
      busy = false;
      const woken = waiters;
      waiters = [];
      for (const wake of woken) wake();
    },
    get busy() {
      return busy;
    },
    idle() {
      return busy ? new Promise((resolve) => waiters.push(resolve)) : Promise.resolve();
    },
  };
}

type State = "open" | "failed" | "done";

/**
 * Wraps a driver in the session rules: after a failed write only a rollback is possible (a commit
 * rolls back and reports the failure), and a finished session refuses further writes.
 */
export function importSession(meta: ImportMeta, driver: SessionDriver, slot: SessionSlot): ImportSession {
  let state: State = "open";
  const added = zeroCounts();
  const finish = async (end: () => Promise<unknown>): Promise<void> => {
    state = "done";
    try {
      await end();
    } finally {
      slot.release();
    }
  };
  return {
    async write(batch) {
      if (state !== "open") throw new AppError("internal", `import session is ${state}; cannot write`);
      try {
        const counts = await driver.write(batch);
        addCounts(added, counts);
        return counts;
      } catch (e) {
        state = "failed";
        throw storeError("store-failure", "writing the import failed", e);
      }
    },
    async commit({ sha256, skippedIssues }, audit) {
      if (state === "done") throw new AppError("internal", "import session already finished");
      if (state === "failed") {
        await finish(() => driver.rollback());
        throw new AppError("store-failure", "an earlier write failed; the import was rolled back");
      }
      const { source, format, startedAt } = meta;
      const finishedAt = new Date().toISOString();
      const entry = { source, format, startedAt, sha256, skippedIssues, finishedAt, added: { ...added } };
      let id = 0;
      try {
        await finish(async () => {
          id = await driver.commit(entry, audit && ((logId) => audit({ id: logId, ...entry })));
        });
      } catch (e) {
        // The commit's failure is the one to report; a rollback failure after it adds nothing.
        await driver.rollback().catch(() => undefined);
        throw storeError("store-failure", "committing the import failed", e);
      }
      return { id, ...entry };
    },
    async rollback() {
      if (state === "done") return;
      await finish(() => driver.rollback()).catch((e: unknown) => {
        throw storeError("store-failure", "rolling back the import failed", e);
      });
    },
  };
}
