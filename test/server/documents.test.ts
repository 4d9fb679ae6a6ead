import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, type Store } from "../../src/app/index.ts";
import { createApp } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { createPrincipals } from "./principals.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "threadproof-documents-"));
let store: Store;
let app: ReturnType<typeof createApp>;
let clients: Awaited<ReturnType<typeof createPrincipals>>;
const sha = (s: string) => createHash("sha256").update(s).digest("hex");

async function load(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
  const open = async function* () {
    yield bytes;
  };
  await importFile(store, { name: path, head: bytes, open }, {});
}

beforeAll(async () => {
  store = await openStore(join(dir, "threadproof.db"));
  await load("templates/facilities.csv");
  await load("templates/movements.csv");
  clients = await createPrincipals(store, { supplierParty: "party:P-PLAINS" });
  app = createApp({ store });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function upload(query: string, body: string, headers: Record<string, string>) {
  return app.request(`/api/documents?${query}`, { method: "POST", headers, body });
}

const get = (path: string, headers: Record<string, string>) => app.request(path, { headers });

describe("documents over HTTP", () => {
  it("registers a supplier's document on its own records and serves it back as an attachment", async () => {
    const body = "Bale record, Plains gin, lot 118\n";
    const query =
      "name=bale%20record.txt&type=production-record&ref=P-PLAINS&ref=GIN-TX-01&ref=LINT-TX-24-118&date=2024-11-02";
    const response = await upload(query, body, clients.supplier.bearer);
    expect(response.status).toBe(201);
    const added = (await response.json()) as {
      added: boolean;
      document: { sha256: string; links: unknown[] };
    };
    expect(added.added).toBe(true);
    expect(added.document.sha256).toBe(sha(body));
    expect(added.document.links).toHaveLength(3);
    const listed = (await (await get("/api/documents", clients.supplier.bearer)).json()) as {
      documents: { sha256: string }[];
    };
    expect(listed.documents.map((d) => d.sha256)).toEqual([sha(body)]);
    const content = await get(`/api/documents/${sha(body)}/content`, clients.supplier.bearer);
    expect(content.status).toBe(200);
    expect(content.headers.get("content-type")).toBe("text/plain");
    expect(content.headers.get("content-disposition")).toBe(
      `attachment; filename="bale record.txt"; filename*=UTF-8''bale%20record.txt`,
    );
    expect(await content.text()).toBe(body);
  });

  it("refuses a supplier's refs to another party's records, listing each, and stores nothing", async () => {
    const before = await store.registry.list();
    const response = await upload(
      "name=x.txt&type=invoice&ref=P-SGSPIN&ref=GIN-TX-01",
      "invoice\n",
      clients.supplier.bearer,
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { issues: { code: string; provenance: { locator: string } }[] };
    };
    expect(body.error.issues.map((i) => [i.code, i.provenance.locator])).toEqual([
      ["ref-out-of-scope", "party:P-SGSPIN"],
    ]);
    expect(await store.registry.list()).toEqual(before);
  });

  it("hides other parties' documents from a supplier (404 by hash, absent from lists); analysts see all", async () => {
    const body = "Spinning record of another supplier\n";
    const added = await upload(
      "name=spin.txt&type=spinning-record&ref=P-SGSPIN",
      body,
      clients.analyst.bearer,
    );
    expect(added.status).toBe(201);
    for (const path of [`/api/documents/${sha(body)}`, `/api/documents/${sha(body)}/content`])
      expect((await get(path, clients.supplier.bearer)).status).toBe(404);
    const supplierList = await (await get("/api/documents", clients.supplier.bearer)).text();
    expect(supplierList).not.toContain(sha(body));
    const byType = (await (
      await get("/api/documents?type=spinning-record", clients.viewer.bearer)
    ).json()) as {
      documents: { sha256: string }[];
    };
    expect(byType.documents.map((d) => d.sha256)).toEqual([sha(body)]);
    const byRef = (await (await get("/api/documents?ref=loc:GIN-TX-01", clients.analyst.bearer)).json()) as {
      documents: { fileName: string }[];
    };
    expect(byRef.documents.map((d) => d.fileName)).toEqual(["bale record.txt"]);
    const record = (await (await get(`/api/documents/${sha(body)}`, clients.viewer.bearer)).json()) as {
      category: string;
    };
    expect(record.category).toBe("spinning-record");
  });

  it("leaves out of a supplier's lot page a document also linked to another party's lot", async () => {
    const lots = (await (await get("/api/lots?limit=100", clients.supplier.bearer)).json()) as {
      items: { id: string }[];
    };
    const own = lots.items.find((l) => l.id.includes("LINT-TX-24-118"))?.id;
    expect(own).toBeDefined();
    const body = "Certificate covering the lint and the yarn spun from it\n";
    const query = `name=cert.txt&type=mill-certificate&ref=${encodeURIComponent(own ?? "")}&ref=YARN-SG-25-014`;
    expect((await upload(query, body, clients.analyst.bearer)).status).toBe(201);
    const page = async (headers: Record<string, string>) => {
      const r = await get(`/api/lots/${encodeURIComponent(own ?? "")}`, headers);
      expect(r.status).toBe(200);
      return ((await r.json()) as { documents: { sha256: string }[] }).documents.map((d) => d.sha256);
    };
    expect(await page(clients.analyst.bearer)).toContain(sha(body));
    expect(await page(clients.supplier.bearer)).not.toContain(sha(body));
  });

  it("refuses uploads by viewers (403), unknown types (400) and bad hashes (400)", async () => {
    expect((await upload("name=a.txt&type=invoice", "a", clients.viewer.bearer)).status).toBe(403);
    expect((await upload("name=a.txt&type=recipe", "a", clients.analyst.bearer)).status).toBe(400);
    expect((await get("/api/documents/not-a-hash", clients.analyst.bearer)).status).toBe(400);
  });
});
