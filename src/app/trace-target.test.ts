import { describe, expect, it } from "vitest";
import { type EventKind, eventId, lotId, provenance, type SupplyEvent } from "../model/index.ts";
import { resolveTraceTarget } from "./trace-target.ts";

interface EventSpec {
  readonly id: string;
  readonly kind: EventKind;
  readonly lot: string;
  readonly kg: number;
  readonly transactions?: readonly string[];
  readonly declaredId?: string;
  readonly retracted?: boolean;
}

function event(spec: EventSpec): SupplyEvent {
  return {
    typeName: "event",
    id: eventId(spec.id),
    ...(spec.declaredId === undefined ? {} : { declaredId: spec.declaredId }),
    epcisType: "ObjectEvent",
    kind: spec.kind,
    action: "OBSERVE",
    eventTime: "2026-01-01T00:00:00.000Z",
    eventTimeZoneOffset: "+00:00",
    epcs: [],
    inputEpcs: [],
    outputEpcs: [],
    quantities: [{ lot: lotId(spec.lot), quantity: spec.kg, uom: "KGM", kg: spec.kg }],
    inputs: [],
    outputs: [],
    bizTransactions: (spec.transactions ?? []).map((id) => ({ type: "bol", id })),
    sources: [],
    destinations: [],
    ilmd: {},
    extra: {},
    retracted: spec.retracted ?? false,
    provenance: provenance("test", spec.id),
  };
}

const BOL = "urn:epcglobal:cbv:bt:0614141000005:BOL-7";
const events = [
  event({ id: "ni:e1", kind: "ship", lot: "lot-a", kg: 10, transactions: [BOL] }),
  event({ id: "ni:e2", kind: "receive", lot: "lot-b", kg: 12, transactions: [BOL, "po:PO-1"] }),
  event({ id: "ni:e3", kind: "receive", lot: "lot-c", kg: 5, transactions: [BOL], retracted: true }),
  event({ id: "ni:e4", kind: "observe", lot: "lot-d", kg: 3, declaredId: "my-event" }),
  event({ id: "ni:e5", kind: "observe", lot: "lot-e", kg: 4, declaredId: "ni:e4" }),
];
const noLot = () => false;

describe("resolveTraceTarget", () => {
  it("finds a shipment by its full transaction id or by any part after a colon, preferring the receipt", () => {
    for (const raw of [BOL, "BOL-7", "0614141000005:BOL-7"]) {
      const target = resolveTraceTarget(raw, noLot, events);
      expect(target, raw).toEqual({ id: raw, kind: "shipment", lots: [{ lot: lotId("lot-b"), kg: 12 }] });
    }
    expect(resolveTraceTarget("PO-1", noLot, events).lots).toEqual([{ lot: lotId("lot-b"), kg: 12 }]);
  });

  it("does not match part of a segment, and leaves retracted events out", () => {
    expect(() => resolveTraceTarget("OL-7", noLot, events)).toThrow(/is not a lot/);
    const onlyRetracted = [events[2] as SupplyEvent];
    expect(() => resolveTraceTarget("BOL-7", noLot, onlyRetracted)).toThrow(/is not a lot/);
  });

  it("finds an event by id or declared id, the first in store order when both name it", () => {
    expect(resolveTraceTarget("my-event", noLot, events).lots).toEqual([{ lot: lotId("lot-d"), kg: 3 }]);
    expect(resolveTraceTarget("ni:e4", noLot, events).lots).toEqual([{ lot: lotId("lot-d"), kg: 3 }]);
  });

  it("answers from a new event list, not from the index of an earlier one", () => {
    const later = [event({ id: "ni:e9", kind: "receive", lot: "lot-z", kg: 1, transactions: [BOL] })];
    expect(resolveTraceTarget("BOL-7", noLot, later).lots).toEqual([{ lot: lotId("lot-z"), kg: 1 }]);
  });

  it("resolves a lot before anything else", () => {
    expect(resolveTraceTarget("lot-q", (l) => l === "lot-q", events)).toEqual({
      id: "lot-q",
      kind: "lot",
      lots: [{ lot: "lot-q" }],
    });
  });
});
