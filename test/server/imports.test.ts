import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, type Store, verifyAudit } from "../../src/app/index.ts";
import { createApp } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { createPrincipals } from "./principals.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FACILITIES = readFileSync(join(ROOT, "templates/facilities.csv"));
const MOVEMENTS = readFileSync(join(ROOT, "templates/movements.csv"));
const dir = mkdtempSync(join(tmpdir(), "threadproof-imports-"));
let store: Store;
let app: ReturnType<typeof createApp>;
let clients: Awaited<ReturnType<typeof createPrincipals>>;

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  store = await openStore(join(dir, "threadproof.db"));
  const bytes = new Uint8Array(FACILITIES);
  await importFile(
    store,
    {
      name: "seed.csv",
      head: bytes,
      open: async function* () {
        yield bytes;
      },
    },
    {},
  );
  clients = await createPrincipals(store, { supplierParty: "party:P-PLAINS" });
  app = createApp({ store });
});

function upload(query: string, body: Uint8Array | string, headers: Record<string, string>) {
  return app.request(`/api/imports?${query}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", ...headers },
    body,
  });
}

interface JobBody {
  id: string;
  status: string;
  progress: { bytesRead: number; recordsRead: number; recordsWritten: number };
  result?: { importId: number; added: { events: number }; skipped: unknown[]; format: string };
  error?: {
    code: string;
    message: string;
    issues: { path: string; provenance: { source: string; locator: string } }[];
  };
}

async function finished(id: string, headers: Record<string, string>): Promise<JobBody> {
  for (;;) {
    const job = (await (await app.request(`/api/imports/${id}`, { headers })).json()) as JobBody;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("POST /api/imports", () => {
  it("imports an uploaded file as a job: detected format, progress, counts, log entry, audit record", async () => {
    const { analyst } = clients;
    const response = await upload("name=movements.csv", new Uint8Array(MOVEMENTS), analyst.bearer);
    expect(response.status).toBe(202);
    const queued = (await response.json()) as JobBody;
    expect(response.headers.get("location")).toBe(`/api/imports/${queued.id}`);
    const job = await finished(queued.id, analyst.bearer);
    expect(job.status).toBe("succeeded");
    expect(job.result?.format).toBe("movements-csv");
    expect(job.result?.added.events).toBeGreaterThan(0);
    expect(job.progress.bytesRead).toBe(MOVEMENTS.byteLength);
    expect(job.progress.recordsWritten).toBeGreaterThan(0);
    const log = (await (await app.request("/api/imports", { headers: clients.viewer.bearer })).json()) as {
      imports: { id: number; source: string }[];
    };
    expect(log.imports.map((i) => i.source)).toContain("movements.csv");
    const audit = await (await app.request("/api/audit", { headers: clients.admin.bearer })).text();
    expect(audit).toContain(`"subject":"import:${job.result?.importId}"`);
    expect((await verifyAudit(store)).ok).toBe(true);
  });

  it("rejects a file with a bad record whole, naming file, line and field; the store is unchanged", async () => {
    const before = await store.stats();
    const bad = MOVEMENTS.toString("utf8").replace("2024-11-02T09:00:00-06:00", "yesterday");
    const queued = (await (await upload("name=bad.csv", bad, clients.admin.bearer)).json()) as JobBody;
    const job = await finished(queued.id, clients.admin.bearer);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("invalid-input");
    expect(job.error?.issues[0]).toMatchObject({ path: "event_time", provenance: { source: "bad.csv" } });
    expect(job.error?.issues[0]?.provenance.locator).toMatch(/line 2/);
    expect(await store.stats()).toEqual(before);
  });

  it("imports the valid records with skipInvalid=true and lists the skipped ones", async () => {
    const bad = MOVEMENTS.toString("utf8").replace("2024-11-02T09:00:00-06:00", "yesterday");
    const queued = (await (
      await upload("name=bad2.csv&skipInvalid=true", bad, clients.analyst.bearer)
    ).json()) as JobBody;
    const job = await finished(queued.id, clients.analyst.bearer);
    expect(job.status).toBe("succeeded");
    expect(job.result?.skipped).toHaveLength(1);
  });

  it("refuses an undetectable format at once (415) and an unknown forced one (400)", async () => {
    const text = await upload("name=notes.txt", "just some notes\n", clients.analyst.bearer);
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe("unsupported-format");
    const forced = await upload("format=pdf", "x", clients.analyst.bearer);
    expect(forced.status).toBe(400);
  });

  it("lets admins, analysts and suppliers upload (suppliers: their own records, see supplier-imports.test.ts); staff read the log", async () => {
    expect((await upload("", "x", clients.viewer.bearer)).status).toBe(403);
    // Past the role gate: refused for its content (undetectable format), not for the role.
    expect((await upload("", "x", clients.supplier.bearer)).status).toBe(415);
    expect((await upload("", "x", {})).status).toBe(401);
    expect((await app.request("/api/imports", { headers: clients.supplier.bearer })).status).toBe(403);
    const unknown = await app.request("/api/imports/00000000-0000-4000-8000-000000000000", {
      headers: clients.viewer.bearer,
    });
    expect(unknown.status).toBe(404);
  });
});
