import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { buildNameIndexInWorkers } from "../../src/app/build-name-index.ts";
import { createScreener, loadScreener } from "../../src/app/screener.ts";
import { loadBundledLists } from "../../src/ingest/index.ts";
import { buildNameIndex, matchName, type NameEntry, type NameIndex } from "../../src/screen/index.ts";

// The bundled names in a few spellings each, some entries with identifiers: a few thousand names.
const bundled = loadBundledLists().entries;
const variants = ["", " Co., Ltd.", " Textile", " (Group)", " Aksu", " 2", "棉业有限公司", " Trading LLC"];
const entries: NameEntry[] = variants.flatMap((suffix, v) =>
  bundled.map((e, i) => ({
    id: `${e.id}-${v}`,
    names: [e.name, ...e.aliases, ...e.chineseNames].map((n) => `${n}${suffix}`),
    kind: "company" as const,
    ...(i % 5 === 0
      ? { identifiers: [{ scheme: "uscc", value: `91650100${String(i).padStart(10, "0")}` }] }
      : {}),
  })),
);

function shape(index: NameIndex) {
  return {
    names: index.names,
    entryOf: [...index.entryOf],
    postings: [...index.postings].map(([key, list]) => [key, [...list]]),
    idf: [...index.idf],
    maxIdf: index.maxIdf,
  };
}

describe("buildNameIndexInWorkers", () => {
  const alone = buildNameIndex(entries);

  it("gives buildNameIndex's index (keys in the same order) when workers read the list in runs", async () => {
    // Runs of 20 entries read by two workers only (this thread would read them all before a worker starts).
    const shared = await buildNameIndexInWorkers(entries, {
      workers: 2,
      minNames: 0,
      run: 20,
      thisThread: false,
    });
    expect(alone.names.length).toBeGreaterThan(1_000);
    expect(shape(shared)).toEqual(shape(alone));
    for (const name of ["Xinjiang Huafu Textile Co Ltd", "新疆天山毛纺织股份有限公司", "Hoshine Silicon"])
      expect(matchName(shared, { name })).toEqual(matchName(alone, { name }));
  }, 60_000);

  it("builds small lists in this thread, and does not wait for workers when it read every run", async () => {
    const small = await buildNameIndexInWorkers(entries);
    expect(shape(small)).toEqual(shape(alone));
    const oneRun = await buildNameIndexInWorkers(entries, { minNames: 0, run: entries.length });
    expect(shape(oneRun)).toEqual(shape(alone));
  }, 60_000);
});

describe("loadScreener", () => {
  it("is createScreener's screener (index, entries, thresholds), as every screening context loads it", async () => {
    const listEntries = bundled.slice(0, 40);
    const sync = createScreener({ entries: listEntries, threshold: 0.8 });
    const loaded = await loadScreener({ entries: listEntries, threshold: 0.8 });
    expect(shape(loaded.index)).toEqual(shape(sync.index));
    expect([...loaded.entries.keys()]).toEqual(listEntries.map((e) => e.id));
    expect(loaded.threshold).toBe(0.8);
    expect(loaded.ownershipThreshold).toBe(0.5);
  });
});

describe("name-index-worker", () => {
  it("stays silent in other workers that load it through src/app (trace, match pool)", async () => {
    // A worker with another worker's data imports the module, then says "loaded": nothing before it.
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("../../src/app/name-index-worker.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); }).then(() => require("node:worker_threads").parentPort.postMessage("loaded"))`;
    const worker = new Worker(boot, { eval: true, workerData: { db: "/tmp/x.db" }, execArgv: [] });
    const messages: unknown[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        worker.on("message", (m) => {
          messages.push(m);
          if (m === "loaded") resolve();
        });
        worker.once("error", reject);
      });
    } finally {
      await worker.terminate();
    }
    expect(messages).toEqual(["loaded"]);
  }, 60_000);
});
