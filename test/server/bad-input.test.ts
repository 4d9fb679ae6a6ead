import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile, type Store, verifyAudit } from "../../src/app/index.ts";
import { createApp, readServerConfig } from "../../src/server/index.ts";
import { openStore } from "../../src/store/index.ts";
import { xlsxZipBomb } from "./bad-input-zip.ts";
import { createPrincipals } from "./principals.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const UPLOAD_LIMIT = 64 * 1024;
const dir = mkdtempSync(join(tmpdir(), "threadproof-bad-input-"));
let store: Store;
let app: ReturnType<typeof createApp>;
let clients: Awaited<ReturnType<typeof createPrincipals>>;
let before: unknown;

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  "1) UNION SELECT sha256, bytes FROM registry_contents --",
  "%' --",
  "\\'; DELETE FROM audit_records; --",
];

const XXE = `<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<EPCISDocument><EPCISBody><EventList><ObjectEvent><eventTime>&xxe;</eventTime></ObjectEvent></EventList></EPCISBody></EPCISDocument>`;
const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY l2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY l3 "&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;&l2;"><!ENTITY l4 "&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;&l3;">]>
<EPCISDocument><EPCISBody><EventList>&l4;</EventList></EPCISBody></EPCISDocument>`;

/** Everything a write could change: counts, import log, documents, audit chain. */
async function snapshot() {
  return {
    stats: await store.stats(),
    imports: await store.importLog(),
    documents: await store.registry.list(),
    audit: await verifyAudit(store),
  };
}

beforeAll(async () => {
  store = await openStore(join(dir, "threadproof.db"));
  for (const file of ["templates/facilities.csv", "templates/movements.csv"]) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
    const open = async function* () {
      yield bytes;
    };
    await importFile(store, { name: file, head: bytes, open }, {});
  }
  clients = await createPrincipals(store, { supplierParty: "party:P-PLAINS" });
  const config = readServerConfig({ uploadLimit: String(UPLOAD_LIMIT) }, {});
  app = createApp({ store, config });
  before = await snapshot();
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const q = encodeURIComponent;
const json = (path: string, body: string, headers: Record<string, string>) =>
  app.request(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });
const raw = (
  path: string,
  body: NonNullable<RequestInit["body"]>,
  headers: Record<string, string>,
  extra: RequestInit = {},
) => app.request(path, { method: "POST", headers, body, ...extra });

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, message: body.error.message };
}

async function jobOutcome(kind: "imports" | "packages", response: Response) {
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    const job = (await (
      await app.request(`/api/${kind}/${id}`, { headers: clients.admin.bearer })
    ).json()) as {
      status: string;
      error?: { code: string; issues: { code: string }[] };
    };
    if (job.status === "failed" || job.status === "succeeded") return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("bad input", () => {
  it("answers malformed JSON with 400 invalid-input", async () => {
    for (const path of ["/api/packages", "/api/match", "/api/auth/login"]) {
      const e = await errorOf(await json(path, '{"shipment": "BOL-1",', clients.analyst.bearer));
      expect([e.status, e.code]).toEqual([400, "invalid-input"]);
    }
  });

  it("refuses an upload over the limit with 413, declared or streamed without a length", async () => {
    const big = new Uint8Array(UPLOAD_LIMIT + 1).fill(0x41);
    const declared = await errorOf(await raw("/api/imports?name=big.csv", big, clients.analyst.bearer));
    expect([declared.status, declared.code]).toEqual([413, "too-large"]);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(UPLOAD_LIMIT / 2).fill(0x41));
        controller.close();
      },
    });
    const chunked = await raw("/api/documents?name=big.txt&type=invoice", stream, clients.analyst.bearer, {
      duplex: "half",
    } as RequestInit);
    expect((await errorOf(chunked)).status).toBe(413);
    const bigJson = await json(
      "/api/match",
      `{"queries":{"a":{"name":"${"x".repeat(1_100_000)}"}}}`,
      clients.analyst.bearer,
    );
    expect((await errorOf(bigJson)).code).toBe("too-large");
  });

  it("refuses XXE and billion-laughs XML at the DOCTYPE, and a zip-bomb workbook before inflating it", async () => {
    for (const [name, body] of [
      ["xxe.xml", XXE],
      ["laughs.xml", LAUGHS],
    ] as const) {
      const job = await jobOutcome(
        "imports",
        await raw(`/api/imports?name=${name}`, body, clients.analyst.bearer),
      );
      expect(job.status).toBe("failed");
      expect(job.error?.issues.map((i) => i.code)).toEqual(["epcis.xml-doctype"]);
    }
    const bomb = await jobOutcome(
      "imports",
      await raw("/api/imports?name=bomb.xlsx", xlsxZipBomb(20), clients.analyst.bearer),
    );
    expect(bomb.status).toBe("failed");
    expect(bomb.error?.issues.map((i) => i.code)).toEqual(["xlsx.too-large"]);
  });

  it("answers SQL-injection strings in every text field of the write routes with a clear 4xx", async () => {
    const { analyst, supplier, admin } = clients;
    for (const s of INJECTIONS) {
      const statuses = [
        (await raw(`/api/imports?name=${q(s)}`, "no format here\n", analyst.bearer)).status,
        (await raw(`/api/imports?name=a.csv&format=${q(s)}`, "x", analyst.bearer)).status,
        (await raw(`/api/documents?name=${q(s)}&type=${q(s)}`, "doc", analyst.bearer)).status,
        (await raw(`/api/documents?name=a.txt&type=invoice&date=${q(s)}`, "doc", analyst.bearer)).status,
        (await raw(`/api/documents?name=a.txt&type=invoice&lang=${q(s)}`, "doc", analyst.bearer)).status,
        (await raw(`/api/documents?name=a.txt&type=invoice&ref=${q(s)}`, "doc", supplier.bearer)).status,
        (
          await json(
            `/api/hits/${q(s)}/decision`,
            JSON.stringify({ status: "confirmed", reason: s }),
            analyst.bearer,
          )
        ).status,
        (await json("/api/users", JSON.stringify({ username: s, password: s, role: s }), admin.bearer))
          .status,
        (await json("/api/tokens", JSON.stringify({ username: s, name: s }), admin.bearer)).status,
      ];
      expect(
        statuses.every((status) => status >= 400 && status < 500),
        `${s}: ${statuses}`,
      ).toBe(true);
    }
  });

  it("treats SQL-injection strings in query params and ids as values: empty results or 404", async () => {
    const { viewer, supplier } = clients;
    for (const s of INJECTIONS) {
      for (const path of [
        `/api/parties?q=${q(s)}`,
        `/api/locations?q=${q(s)}&country=${q(s)}`,
        `/api/events?lot=${q(s)}`,
      ]) {
        const response = await app.request(path, { headers: viewer.bearer });
        expect(response.status, path).toBe(200);
        expect(((await response.json()) as { items: unknown[] }).items, path).toEqual([]);
      }
      const docs = await app.request(`/api/documents?ref=${q(s)}`, { headers: supplier.bearer });
      expect(((await docs.json()) as { documents: unknown[] }).documents).toEqual([]);
      for (const path of [`/api/lots/${q(s)}`, `/api/parties/${q(s)}`])
        expect((await app.request(path, { headers: viewer.bearer })).status, path).toBe(404);
    }
  });

  it("stays healthy and wrote nothing: counts, import log, documents and audit chain as before", async () => {
    const stats = await app.request("/api/stats", { headers: clients.viewer.bearer });
    expect(stats.status).toBe(200);
    const after = await snapshot();
    expect(after.audit.ok).toBe(true);
    expect(after).toEqual(before);
  });
});
