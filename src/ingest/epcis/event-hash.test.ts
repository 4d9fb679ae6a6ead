import { describe, expect, it } from "vitest";
import { locationId, provenance } from "../../model/index.ts";
import { computeEventId, computeEventPrehash, type UnhashedEvent } from "./event-hash.ts";

const reference: UnhashedEvent = {
  typeName: "event",
  epcisType: "ObjectEvent",
  kind: "ship",
  action: "OBSERVE",
  eventTime: "2020-03-04T10:00:30.000Z",
  eventTimeZoneOffset: "+01:00",
  recordTime: "2020-03-04T10:00:30.999Z",
  bizStep: "departing",
  readPoint: locationId("urn:epc:id:sgln:4012345.00011.987"),
  epcs: [
    "urn:epc:id:sscc:4012345.0000000333",
    "urn:epc:id:sscc:4012345.0000000111",
    "urn:epc:id:sscc:4012345.0000000222",
  ],
  inputEpcs: [],
  outputEpcs: [],
  quantities: [],
  inputs: [],
  outputs: [],
  bizTransactions: [],
  sources: [],
  destinations: [],
  ilmd: {},
  extra: {
    "@context": { example: "https://ns.example.com/epcis/" },
    "example:myField1": { "example:mySubField1": "2", "example:mySubField2": "5" },
    "example:myField2": "0",
    "example:myField3": { "example:mySubField3": ["3", "1"] },
  },
  retracted: false,
  provenance: provenance("t", "event 1"),
};

describe("computeEventId", () => {
  it("reproduces the reference implementation's example hash from our model", () => {
    expect(computeEventPrehash(reference)).toBe(
      "eventType=ObjectEventeventTime=2020-03-04T10:00:30.000ZeventTimeZoneOffset=+01:00epcListepc=https://id.gs1.org/00/040123450000001112epc=https://id.gs1.org/00/040123450000002225epc=https://id.gs1.org/00/040123450000003338action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-departingreadPointid=https://id.gs1.org/414/4012345000115/254/987{https://ns.example.com/epcis/}myField1{https://ns.example.com/epcis/}mySubField1=2{https://ns.example.com/epcis/}mySubField2=5{https://ns.example.com/epcis/}myField2=0{https://ns.example.com/epcis/}myField3{https://ns.example.com/epcis/}mySubField3=1{https://ns.example.com/epcis/}mySubField3=3",
    );
    expect(computeEventId(reference)).toBe(
      "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0",
    );
  });

  it("ignores recordTime, eventID and errorDeclaration", () => {
    const other: UnhashedEvent = {
      ...reference,
      recordTime: "2021-01-01T00:00:00.000Z",
      declaredId: "urn:uuid:1",
      errorDeclaration: { declarationTime: "2021-01-01T00:00:00.000Z", correctiveEventIds: [] },
      retracted: true,
    };
    expect(computeEventId(other)).toBe(computeEventId(reference));
  });

  it("changes when a hashed field changes", () => {
    expect(computeEventId({ ...reference, bizStep: "shipping" })).not.toBe(computeEventId(reference));
  });
});
