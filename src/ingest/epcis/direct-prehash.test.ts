import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LocationId, LotId, QuantityLine, TypedRef } from "../../model/index.ts";
import { directPrehash } from "./direct-prehash.ts";
import type { UnhashedEvent } from "./event-hash.ts";
import { importEpcisJson } from "./import-epcis-json.ts";
import { importEpcisXml } from "./import-epcis-xml.ts";
import { fixtureFiles, importFile } from "./test-helpers.ts";
import { treePrehash } from "./tree-prehash.ts";

const FILES = [
  ...fixtureFiles("event-hash/tests/examples", /\.(jsonld?|xml)$/),
  ...fixtureFiles("event-hash/tests/expected_equal", /\.(json|xml)$/),
  ...["JSON/Capture/Documents", "JSON/Capture/Events", "JSON/Query"].flatMap((d) =>
    fixtureFiles(`openepcis-2.0/${d}`, /\.json$/),
  ),
  ...["XML/Capture/Documents", "XML/Capture/Events", "XML/Query", "XML/Query/Documents"].flatMap((d) =>
    fixtureFiles(`openepcis-2.0/${d}`, /\.xml$/),
  ),
];

describe("directPrehash", () => {
  it("agrees with treePrehash on every event of the conformance and golden fixtures", async () => {
    let direct = 0;
    let total = 0;
    for (const file of FILES) {
      const r = await importFile(file.endsWith(".xml") ? importEpcisXml : importEpcisJson, file);
      for (const { id: _id, ...e } of r.events) {
        total += 1;
        const fast = directPrehash(e);
        if (fast === undefined) continue;
        direct += 1;
        expect(fast, `${file}: ${e.provenance.locator}`).toBe(treePrehash(e));
      }
    }
    expect(total).toBeGreaterThan(300);
    // The fixtures show off extensions and sensor data, which go to the tree; bulk files do not.
    expect(direct).toBeGreaterThan(100);
  }, 120_000);

  it("agrees with treePrehash on generated events, quirks included", () => {
    fc.assert(
      fc.property(eventArbitrary, (e) => {
        const fast = directPrehash(e);
        if (fast !== undefined) expect(fast).toBe(treePrehash(e));
      }),
      { numRuns: 3000 },
    );
  });

  it("leaves events with fields kept in extra to treePrehash", () => {
    const e = sample({ extra: { sensorElementList: [] } });
    expect(directPrehash(e)).toBeUndefined();
    expect(directPrehash(sample({ ilmd: { "ex:nested": { a: 1 } } }))).toBeUndefined();
  });
});

/** Texts that exercise the canonicalisation: padding, numbers, CBV URNs, GS1 keys, blanks, Unicode. */
const text = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "025.50",
    "1e3",
    "1_000",
    " 7 ",
    "urn:epcglobal:cbv:bizstep:shipping",
    "urn:epcglobal:cbv:sdt:location",
    "urn:epc:id:sgtin:0614141.107346.2017",
    "urn:epc:class:lgtin:4012345.012345.998877",
    "urn:epc:id:sgln:0614141.00777.0",
    "https://id.gs1.org/01/09520123456788/21/12345",
    "po",
    "owning_party",
    "action",
    "é€😀",
  ),
  fc.string({ maxLength: 12 }),
);
const nonEmpty = text.filter((t) => t !== "");
const time = fc.constantFrom(
  "2020-03-04T11:00:30.000Z",
  "2020-03-04T11:00:30.999+01:00",
  "2020-03-04 11:00:30,5-05:30",
  "2021-02-30T00:00:00Z",
  "not a time",
  " 2020-03-04T11:00:30Z ",
);
const quantityNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0.5, 1e-7, 1e16, 1e21, 123456.7),
);
const quantityLine: fc.Arbitrary<QuantityLine> = fc.record(
  { lot: nonEmpty.map((t) => t as LotId), quantity: quantityNumber, uom: text },
  { requiredKeys: ["lot"] },
);
const typedRef: fc.Arbitrary<TypedRef> = fc.record({ type: text, id: text });
const ilmdKey = fc.oneof(
  fc.constantFrom("cbvmda:countryOfOrigin", "ex:lotNumber", "ex:list", "ex:someList", "constructor:x"),
  fc.constantFrom("toString", "rdfs:comment", "@id", "#text", "ex:inputEPC"),
  fc.string({ maxLength: 6 }),
);
const ilmdValue = fc.oneof(text, quantityNumber, fc.boolean(), fc.constant(null), fc.constant({ a: "1" }));
const context = fc.dictionary(
  fc.constantFrom("ex", "cbvmda", "constructor", "rdfs"),
  fc.oneof(fc.constantFrom("https://ns.example.com/epcis/", "urn:epcglobal:cbv:mda#"), fc.integer()),
);
const list = <T>(a: fc.Arbitrary<T>) => fc.array(a, { maxLength: 3 });

const eventArbitrary: fc.Arbitrary<UnhashedEvent> = fc
  .record({
    epcisType: fc.constantFrom(
      "ObjectEvent",
      "AggregationEvent",
      "TransactionEvent",
      "TransformationEvent",
      "AssociationEvent",
    ),
    eventTime: time,
    eventTimeZoneOffset: fc.constantFrom("+01:00", "-05:30", " +00:00"),
    epcs: list(text),
    inputEpcs: list(text),
    outputEpcs: list(text),
    quantities: list(quantityLine),
    inputs: list(quantityLine),
    outputs: list(quantityLine),
    bizTransactions: list(typedRef),
    sources: list(typedRef),
    destinations: list(typedRef),
    ilmd: fc.dictionary(ilmdKey, ilmdValue, { maxKeys: 3 }),
    context: fc.option(context, { nil: undefined }),
    userFields: fc.dictionary(ilmdKey, ilmdValue, { maxKeys: 2 }),
    optional: fc.record(
      {
        parentId: text,
        action: fc.constantFrom("ADD", "OBSERVE", "DELETE"),
        transformationId: text,
        bizStep: fc.constantFrom("shipping", "urn:example:step", "https://ref.gs1.org/cbv/BizStep-receiving"),
        disposition: fc.constantFrom("in_transit", "urn:example:disp"),
        readPoint: text.map((t) => t as LocationId),
        bizLocation: fc
          .constantFrom("loc:farm-1", "urn:epc:id:sgln:0614141.00777.0")
          .map((t) => t as LocationId),
        declaredId: text,
        recordTime: time,
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ context: ctx, userFields, optional, epcisType, ...rest }) =>
    sample({
      ...rest,
      ...optional,
      epcisType,
      extra: ctx === undefined ? userFields : { ...userFields, "@context": ctx },
    }),
  );

function sample(over: Partial<UnhashedEvent>): UnhashedEvent {
  return {
    typeName: "event",
    epcisType: "ObjectEvent",
    kind: "observe",
    eventTime: "2020-03-04T11:00:30.000Z",
    eventTimeZoneOffset: "+01:00",
    epcs: [],
    inputEpcs: [],
    outputEpcs: [],
    quantities: [],
    inputs: [],
    outputs: [],
    bizTransactions: [],
    sources: [],
    destinations: [],
    ilmd: {},
    extra: {},
    retracted: false,
    provenance: { source: "generated", locator: "event 1" },
    ...over,
  };
}
