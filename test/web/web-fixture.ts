import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import {
  createApiToken,
  createUser,
  generateChain,
  importFile,
  type Principal,
  type Store,
} from "../../src/app/index.ts";
import { partyId } from "../../src/model/index.ts";
import { createApp } from "../../src/server/index.ts";
import { type RunningServer, startServer } from "../../src/server/start-server.ts";
import { openStore } from "../../src/store/index.ts";

const ROOT = resolve(import.meta.dirname, "../..");
export const PASSWORD = "correct horse battery staple";
const SETUP: Principal = { userId: "setup", username: "setup", role: "admin", via: "cli" };

export interface WebFixture {
  readonly url: string;
  readonly dir: string;
  readonly store: Store;
  /** A movements CSV with one bad date, for the browser to upload and see refused. */
  readonly badMovementsCsv: string;
  /** Two distinct operating parties of the chain: supplier-a is bound to the first. */
  readonly parties: readonly [string, string];
  /** Bearer headers of supplier-b, to find one of its lots. */
  readonly supplierB: Readonly<Record<string, string>>;
  /** Bearer headers of an admin's read token, for checks on the API beside the page. */
  readonly staff: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

function text(chunks: Iterable<string>): string {
  return [...chunks].join("");
}

async function importText(store: Store, name: string, content: string): Promise<void> {
  const bytes = new TextEncoder().encode(content);
  await importFile(
    store,
    {
      name,
      head: bytes.subarray(0, 64 * 1024),
      open: async function* () {
        yield bytes;
      },
    },
    {},
  );
}

/** Two operating parties of a facilities CSV (column party_id) that hold at least one lot each. */
async function partiesWithLots(store: Store, csv: string): Promise<[string, string]> {
  const [header = "", ...rows] = csv.trim().split("\n");
  const col = header.split(",").indexOf("party_id");
  const found: string[] = [];
  for (const id of new Set(rows.map((r) => r.split(",")[col] ?? ""))) {
    if (!id || found.length === 2) continue;
    const lots = await store.scopedLots({ kind: "party", partyId: partyId(id) }, { limit: 1 });
    if (lots.length > 0) found.push(id);
  }
  const [a, b] = found;
  if (!a || !b) throw new Error("the generated chain has fewer than two suppliers with lots");
  return [a, b];
}

/**
 * A generated chain (seeded) in a fresh SQLite store, events and facilities imported; an admin, an analyst and two suppliers; the API and the built
 * UI on a free loopback port.
 */
export async function startWebFixture(events: number): Promise<WebFixture> {
  const dir = mkdtempSync(join(tmpdir(), "threadproof-web-"));
  const store = await openStore(join(dir, "threadproof.db"));
  const files = new Map(generateChain({ events, seed: 7 }).files.map((f) => [f.name, text(f.chunks)]));
  const facilities = files.get("facilities.csv") ?? "";
  const epcis = [...files.entries()].find(([name]) => name.endsWith(".jsonld"));
  if (!epcis) throw new Error("the generator wrote no EPCIS document");
  await importText(store, epcis[0], epcis[1]);
  await importText(store, "facilities.csv", facilities);
  const badMovementsCsv = join(dir, "movements-bad-date.csv");
  const template = readFileSync(join(ROOT, "templates/movements.csv"), "utf8");
  writeFileSync(badMovementsCsv, template.replace("2024-12-10", "10/12/2024 (tenth of December)"));
  const parties = await partiesWithLots(store, facilities);
  await createUser(store, SETUP, { username: "admin", password: PASSWORD, role: "admin" });
  await createUser(store, SETUP, { username: "analyst", password: PASSWORD, role: "analyst" });
  await createUser(store, SETUP, {
    username: "supplier-a",
    password: PASSWORD,
    role: "supplier",
    partyId: parties[0],
  });
  await createUser(store, SETUP, {
    username: "supplier-b",
    password: PASSWORD,
    role: "supplier",
    partyId: parties[1],
  });
  const token = await createApiToken(store, SETUP, {
    username: "supplier-b",
    name: "test",
    scopes: ["read"],
  });
  const server: RunningServer = await startServer(createApp({ store }), "127.0.0.1", 0);
  const url = `http://127.0.0.1:${server.port}`;
  // The first trace of every shipment loads the screening context and lists (seconds on a busy
  // machine): done here once, so the browser's steps measure the UI, not a cold server.
  const admin = await createApiToken(store, SETUP, { username: "admin", name: "warm-up", scopes: ["read"] });
  for (const path of ["/api/shipments?atRisk=true", "/api/stats", "/api/hits?status=open&limit=500"]) {
    const r = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${admin.token}` } });
    if (!r.ok) throw new Error(`warm-up ${path}: ${r.status} ${await r.text()}`);
  }
  return {
    url,
    dir,
    store,
    badMovementsCsv,
    parties,
    supplierB: { Authorization: `Bearer ${token.token}` },
    staff: { Authorization: `Bearer ${admin.token}` },
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
