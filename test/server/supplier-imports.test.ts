import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/app/index.ts";
import { storeTargets } from "../setup/store-targets.ts";
import { type ApiFixture, apiFixture } from "./api-fixture.ts";
import type { RoleClient } from "./principals.ts";

const TARGETS = storeTargets("supimp");

const FACILITY_HEADER =
  "facility_id,facility_name,address,city,state,postal_code,country,latitude,longitude,processing_type,facility_type,sector,os_id,gln,party_id,party_name,party_name_local,party_aliases,uscc,lei,owner_party_id,owner_party_name,owner_share";
const MOVEMENT_HEADER =
  "event_ref,event_type,event_time,facility_id,role,lot_id,product,quantity,unit,country_of_origin,doc_type,doc_id,to_facility_id,from_facility_id,to_party_id,from_party_id";
/** A field X declares in its upload: a new location it operates. */
const NEW_FIELD = "urn:epc:id:sgln:0800009.00002.0";

function facility(id: string, party: string): string {
  return `${id},Silver Ridge North Field,1 Farm Rd,Lubbock,TX,79401,US,33.6,-101.8,farming,Cotton farm,Agriculture,,,${party},Silver Ridge Farms LLC,,,,,,,`;
}

function origin(ref: string, at: string, lot: string): string {
  return `${ref},origin,2025-10-01T08:00:00-05:00,${at},,${lot},seed cotton,"5,000",KGM,US,prodorder,PO-${ref},,,,`;
}

interface JobBody {
  id: string;
  status: string;
  progress: { bytesRead: number };
  result?: { importId: number; added: { events: number; locations: number } };
  error?: {
    code: string;
    message: string;
    issues: {
      code: string;
      path: string;
      message: string;
      provenance: { source: string; locator: string };
    }[];
  };
}

describe.each(TARGETS)("supplier imports on $kind", (target) => {
  let f: ApiFixture;
  beforeAll(async () => {
    if (target.skip) return;
    f = await apiFixture(await target.open());
  }, 120_000);
  afterAll(async () => f?.store.close());

  const upload = (who: RoleClient, name: string, body: string, query = "") =>
    f.app.request(`/api/imports?name=${name}${query}`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream", ...who.bearer },
      body,
    });

  const finished = async (who: RoleClient, id: string): Promise<JobBody> => {
    for (;;) {
      const job = (await (
        await f.app.request(`/api/imports/${id}`, { headers: who.bearer })
      ).json()) as JobBody;
      if (job.status === "succeeded" || job.status === "failed") return job;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const run = async (who: RoleClient, name: string, body: string): Promise<JobBody> => {
    const response = await upload(who, name, body);
    expect(response.status).toBe(202);
    return finished(who, ((await response.json()) as JobBody).id);
  };

  const lotIds = async (who: RoleClient): Promise<string[]> => {
    const body = (await (await f.app.request("/api/lots?limit=500", { headers: who.bearer })).json()) as {
      items: { id: string }[];
    };
    return body.items.map((l) => l.id);
  };

  describe.skipIf(target.skip)("scope", () => {
    let ownJob: JobBody;
    it("imports a supplier's own records: a new field it operates, and lots originating there and at its farm", async () => {
      const x = f.clients.supplier;
      const facilities = await run(
        x,
        "x-fields.csv",
        `${FACILITY_HEADER}\n${facility(NEW_FIELD, f.x.party)}\n`,
      );
      expect(facilities.status).toBe("succeeded");
      expect(facilities.result?.added.locations).toBe(1);
      ownJob = await run(
        x,
        "x-harvest.csv",
        `${MOVEMENT_HEADER}\n${origin("X-H-1", NEW_FIELD, "LOT-X-PORTAL-1")}\n${origin("X-H-2", f.x.location, "LOT-X-PORTAL-2")}\n`,
      );
      expect(ownJob.status).toBe("succeeded");
      expect(ownJob.result?.added.events).toBe(2);
      expect(await lotIds(x)).toEqual(expect.arrayContaining(["lot:LOT-X-PORTAL-1", "lot:LOT-X-PORTAL-2"]));
      const audit = await (await f.app.request("/api/audit", { headers: f.clients.admin.bearer })).text();
      expect(audit).toContain(`"subject":"import:${ownJob.result?.importId}"`);
      expect(audit).toContain(f.clients.supplier.username);
      expect((await verifyAudit(f.store)).ok).toBe(true);
    });

    it("refuses a whole file touching another supplier's location, naming file, line and field; nothing written", async () => {
      const before = await f.store.stats();
      const log = (await f.store.importLog()).length;
      const job = await run(
        f.clients.supplier,
        "x-mixed.csv",
        `${MOVEMENT_HEADER}\n${origin("X-H-3", f.x.location, "LOT-X-PORTAL-3")}\n${origin("X-H-4", f.y.location, "LOT-X-PORTAL-4")}\n`,
      );
      expect(job.status).toBe("failed");
      expect(job.error?.code).toBe("invalid-input");
      expect(job.error?.issues).toHaveLength(1);
      expect(job.error?.issues[0]).toMatchObject({
        code: "out-of-scope",
        path: "bizLocation",
        provenance: { source: "x-mixed.csv" },
      });
      expect(job.error?.issues[0]?.provenance.locator).toMatch(/line 3/);
      expect(job.error?.issues[0]?.message).toContain(f.y.location);
      expect(await f.store.stats()).toEqual(before);
      expect(await f.store.importLog()).toHaveLength(log);
      expect(await lotIds(f.clients.supplier)).not.toContain("lot:LOT-X-PORTAL-3");
    });

    it("refuses re-declaring another supplier's location or party, a new location without its operator, and skipInvalid", async () => {
      const before = await f.store.stats();
      const job = await run(
        f.clients.supplier,
        "x-claims.csv",
        `${FACILITY_HEADER}\n${facility(f.y.location, f.x.party)}\n${facility("urn:epc:id:sgln:0800010.00009.0", f.y.party)}\n`,
      );
      expect(job.status).toBe("failed");
      const issues = job.error?.issues ?? [];
      expect(issues.map((i) => [i.provenance.locator.match(/line \d+/)?.[0], i.path])).toEqual(
        expect.arrayContaining([
          ["line 2", "id"],
          ["line 3", "id"],
          ["line 3", "operator"],
        ]),
      );
      expect(await f.store.stats()).toEqual(before);
      const skip = await upload(f.clients.supplier, "x.csv", MOVEMENT_HEADER, "&skipInvalid=true");
      expect(skip.status).toBe(403);
    });

    it("refuses EPCIS events that create another supplier's lot, ship as another party, or retract", async () => {
      const before = await f.store.stats();
      const at = { id: f.x.location };
      const event = (eventID: string, extra: Record<string, unknown>) => ({
        type: "ObjectEvent",
        eventID,
        eventTime: "2025-10-02T08:00:00Z",
        eventTimeZoneOffset: "+00:00",
        readPoint: at,
        bizLocation: at,
        ...extra,
      });
      const doc = {
        "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
        type: "EPCISDocument",
        schemaVersion: "2.0",
        creationDate: "2025-10-02T00:00:00Z",
        epcisBody: {
          eventList: [
            event("urn:uuid:00000000-0000-4000-8000-000000000001", {
              action: "ADD",
              bizStep: "commissioning",
              quantityList: [{ epcClass: f.y.lot, quantity: 10, uom: "KGM" }],
            }),
            event("urn:uuid:00000000-0000-4000-8000-000000000002", {
              action: "OBSERVE",
              bizStep: "shipping",
              quantityList: [{ epcClass: f.x.lot, quantity: 10, uom: "KGM" }],
              sourceList: [{ type: "owning_party", source: f.y.party }],
            }),
            event("urn:uuid:00000000-0000-4000-8000-000000000003", {
              action: "OBSERVE",
              bizStep: "inspecting",
              epcList: ["urn:epc:id:sgtin:0800009.010001.1"],
              errorDeclaration: { declarationTime: "2025-10-03T00:00:00Z", reason: "incorrect_data" },
            }),
          ],
        },
      };
      const job = await run(f.clients.supplier, "x-events.jsonld", JSON.stringify(doc));
      expect(job.status).toBe("failed");
      const found = (job.error?.issues ?? []).map((i) => [
        i.provenance.locator.match(/0{8}-0{4}-4000-8000-0{11}\d/)?.[0],
        i.path,
      ]);
      expect(found).toEqual([
        ["00000000-0000-4000-8000-000000000001", "lot"],
        ["00000000-0000-4000-8000-000000000002", "sources[0]"],
        ["00000000-0000-4000-8000-000000000003", "errorDeclaration"],
      ]);
      expect(await f.store.stats()).toEqual(before);
    });

    it("keeps the imported data and the job from the other supplier", async () => {
      const y = f.otherSupplier;
      const lots = await lotIds(y);
      expect(lots.length).toBeGreaterThan(0);
      expect(lots).not.toContain("lot:LOT-X-PORTAL-1");
      expect(lots).not.toContain("lot:LOT-X-PORTAL-2");
      const location = await f.app.request(`/api/locations/${encodeURIComponent(NEW_FIELD)}`, {
        headers: y.bearer,
      });
      expect(location.status).toBe(404);
      const lot = await f.app.request("/api/lots/lot%3ALOT-X-PORTAL-1", { headers: y.bearer });
      expect(lot.status).toBe(404);
      const job = await f.app.request(`/api/imports/${ownJob.id}`, { headers: y.bearer });
      expect(job.status).toBe(404);
      // Staff still see everything X imported.
      expect(await lotIds(f.clients.analyst)).toContain("lot:LOT-X-PORTAL-1");
    });
  });
});
