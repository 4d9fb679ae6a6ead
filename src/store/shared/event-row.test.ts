import { describe, expect, it } from "vitest";
import { sampleEvent } from "../../../test/contract/sample-records.ts";
import { lotId } from "../../model/index.ts";
import { eventEdges, eventRow, matchKeys, utcInstant } from "./event-row.ts";
import { storedEvent } from "./stored-records.ts";

describe("utcInstant", () => {
  it("turns any offset into UTC so text order is time order", () => {
    expect(utcInstant("2024-03-01T10:00:00+08:00")).toBe("2024-03-01T02:00:00.000Z");
  });

  it("keeps an instant already in canonical UTC as given", () => {
    expect(utcInstant("2024-03-01T02:00:00.000Z")).toBe("2024-03-01T02:00:00.000Z");
  });

  it("keeps an unparseable time rather than dropping it", () => {
    expect(utcInstant("sometime in March")).toBe("sometime in March");
  });
});

describe("eventEdges", () => {
  it("lists every identifier the event mentions with its role and position", () => {
    const edges = eventEdges(sampleEvent(1));
    expect(edges.map((e) => `${e.role}#${e.position}`)).toEqual([
      "input#0",
      "output#0",
      "output#1",
      "quantity#0",
      "epc#0",
      "epc#1",
      "input-epc#0",
      "parent#0",
    ]);
    expect(edges[0]).toEqual({
      role: "input",
      position: 0,
      lot: lotId("urn:epc:class:lgtin:0614141.012345.L1"),
      quantity: 1.5,
      uom: "TNE",
      kg: 1500,
    });
    expect(edges[2]).toMatchObject({ lot: "lot:waste", quantity: null, uom: null, kg: null });
  });
});

describe("eventRow", () => {
  it("keeps the record without its column fields beside the indexed columns, and reads back whole", () => {
    const e = sampleEvent(2);
    const row = eventRow(e);
    expect(JSON.parse(row.record)).not.toHaveProperty("id");
    const stored = {
      ...Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
      ),
      epcis_type: row.epcisType,
    };
    expect(storedEvent(stored)).toEqual(e);
    expect(row).toMatchObject({ kind: "transform", eventTime: "2024-03-01T02:00:00.000Z", retracted: false });
  });
});

describe("matchKeys", () => {
  it("matches on the hash id and the sender's eventID", () => {
    const e = sampleEvent(3);
    expect(matchKeys(e)).toEqual([e.id, e.declaredId]);
    const { declaredId: _, ...withoutDeclared } = e;
    expect(matchKeys(withoutDeclared)).toEqual([e.id]);
  });
});
