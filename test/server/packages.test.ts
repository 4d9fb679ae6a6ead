import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, type Store, verifyAudit } from "../../src/app/index.ts";
import { createApp } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { createPrincipals } from "./principals.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "threadproof-packages-"));
let store: Store;
let app: ReturnType<typeof createApp>;
let clients: Awaited<ReturnType<typeof createPrincipals>>;

beforeAll(async () => {
  store = await openStore(join(dir, "threadproof.db"));
  for (const file of ["facilities.csv", "movements.csv", "chain.epcis.jsonld"]) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, "sample", file)));
    const open = async function* () {
      yield bytes;
    };
    await importFile(store, { name: file, head: bytes.subarray(0, 65536), open }, {});
  }
  const [party] = await store.scopedParties({ kind: "all" }, { limit: 1 });
  clients = await createPrincipals(store, { supplierParty: party?.id ?? "" });
  app = createApp({ store });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface PackageJobBody {
  id: string;
  status: string;
  progress: { stage: string };
  result?: { verdict: string; pdf: string; json: string; jsonSha256: string };
  error?: { code: string; message: string };
}

async function finished(id: string): Promise<PackageJobBody> {
  for (;;) {
    const job = (await (
      await app.request(`/api/packages/${id}`, { headers: clients.viewer.bearer })
    ).json()) as PackageJobBody;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const build = (shipment: string, headers: Record<string, string>) =>
  app.request("/api/packages", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ shipment }),
  });

describe("packages over HTTP", () => {
  it("builds a shipment's package as a job and serves package.pdf and package.json", async () => {
    const response = await build("BOL-MAEU-5505", clients.analyst.bearer);
    expect(response.status).toBe(202);
    const queued = (await response.json()) as PackageJobBody;
    const early = await app.request(`/api/packages/${queued.id}/package.pdf`, {
      headers: clients.viewer.bearer,
    });
    expect([200, 409]).toContain(early.status);
    const job = await finished(queued.id);
    expect(job.status).toBe("succeeded");
    expect(job.progress.stage).toBe("done");
    expect(job.result?.verdict).toBe("inadmissible");
    const pdf = await app.request(job.result?.pdf ?? "", { headers: clients.viewer.bearer });
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const json = await app.request(job.result?.json ?? "", { headers: clients.analyst.bearer });
    const pkg = (await json.json()) as { shipment?: unknown };
    expect(pkg).toBeTypeOf("object");
    const audit = await (await app.request("/api/audit", { headers: clients.admin.bearer })).text();
    expect(audit).toContain(job.result?.jsonSha256 ?? "missing");
    expect((await verifyAudit(store)).ok).toBe(true);
  });

  it("fails the job for an unknown shipment with not-found", async () => {
    const queued = (await (await build("BOL-NOPE-1", clients.admin.bearer)).json()) as PackageJobBody;
    const job = await finished(queued.id);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("not-found");
  });

  it("gives suppliers no access and viewers no build", async () => {
    expect((await build("BOL-MAEU-5505", clients.supplier.bearer)).status).toBe(403);
    expect((await build("BOL-MAEU-5505", clients.viewer.bearer)).status).toBe(403);
    const any = "/api/packages/00000000-0000-4000-8000-000000000000";
    expect((await app.request(any, { headers: clients.supplier.bearer })).status).toBe(403);
    expect((await app.request(any, { headers: clients.viewer.bearer })).status).toBe(404);
  });
});
