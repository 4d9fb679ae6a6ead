import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type ImportSource, importFile, isAppError, type Store } from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "../setup/scratch-databases.ts";

const dir = mkdtempSync(join(tmpdir(), "threadproof-import-file-"));
let stores = 0;
const adminUrl = inject("pgUrl");
const skipReason = inject("pgSkipReason");
const databases = scratchDatabases(adminUrl, "import");

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await databases.dropAll();
});

const HEADER = "event_ref,event_type,event_time,facility_id,role,lot_id,quantity,unit";

/** A movements CSV of `rows` one-row origin events: several importer chunks. */
function movements(rows: number, lastRow?: string): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(`E${i},origin,2025-01-02,F1,,L${i},${i + 1},KGM`);
  if (lastRow !== undefined) lines.push(lastRow);
  return `${lines.join("\n")}\n`;
}

function source(text: string): ImportSource {
  const bytes = new TextEncoder().encode(text);
  return {
    name: "movements.csv",
    size: bytes.byteLength,
    head: bytes.subarray(0, 64 * 1024),
    async *open() {
      for (let i = 0; i < bytes.byteLength; i += 16 * 1024) yield bytes.subarray(i, i + 16 * 1024);
    },
  };
}

/** Where a fresh store of each kind lives: a file, or a scratch database's URL. */
const adapters = [
  { kind: "sqlite", place: async () => join(dir, `store-${++stores}.db`), skip: false },
  {
    kind: `postgres${skipReason ? ` (skipped: ${skipReason})` : ""}`,
    place: () => databases.create(),
    skip: !adminUrl,
  },
];

// Writes are pipelined (one in flight while the next chunk is parsed): counts and rollback must hold.
describe.each(adapters)("importFile into $kind", ({ place, skip }) => {
  const fresh = async (): Promise<Store> => openStore(await place());

  it.skipIf(skip)("adds up the counts of every chunk it writes", async () => {
    const store = await fresh();
    try {
      const result = await importFile(store, source(movements(7000)), {});
      expect(result.added.events).toBe(7000);
      expect(result.added.lots).toBe(7000);
      expect(result.log.added).toEqual(result.added);
      expect((await store.stats()).events).toBe(7000);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)("leaves the store unchanged when a late chunk holds an invalid row", async () => {
    const store = await fresh();
    try {
      const text = movements(7000, "BAD,origin,2025-01-02,F1,,LX,lots,KGM");
      await expect(importFile(store, source(text), {})).rejects.toMatchObject({ code: "invalid-input" });
      expect((await store.stats()).events).toBe(0);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)("rolls back everything when the file fails to read after writes went out", async () => {
    const store = await fresh();
    try {
      const whole = source(movements(7000));
      const failing: ImportSource = {
        ...whole,
        async *open() {
          let sent = 0;
          for await (const piece of whole.open()) {
            sent += piece.byteLength;
            if (sent > 200_000) throw new Error("disk gone");
            yield piece;
          }
        },
      };
      await expect(importFile(store, failing, {})).rejects.toMatchObject({ code: "io" });
      expect((await store.stats()).events).toBe(0);
      expect(await store.importLog()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it.skipIf(skip)("reports a write that fails mid-file as a store failure and rolls back", async () => {
    const where = await place();
    const store = await openStore(where);
    let closed = false;
    const onProgress = (bytes: number) => {
      // The store goes away under the import once the first chunks are written.
      if (bytes > 200_000 && !closed) {
        closed = true;
        void store.close();
      }
    };
    const error = await importFile(store, source(movements(20_000)), { onProgress }).catch((e) => e);
    expect(isAppError(error) && error.code).toBe("store-failure");
    const reopened = await openStore(where);
    try {
      expect((await reopened.stats()).events).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
