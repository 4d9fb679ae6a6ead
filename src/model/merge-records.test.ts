import { describe, expect, it } from "vitest";
import { locationId, partyId } from "./ids.ts";
import type { Location } from "./location.ts";
import { mergeLocation, mergeParty } from "./merge-records.ts";
import type { Party } from "./party.ts";

const fromEpcis: Location = {
  typeName: "location",
  id: locationId("urn:epc:id:sgln:6900001.00001.0"),
  name: "Aksu Fengyuan Gin",
  address: { lines: ["172 Jiefang Road"], city: "Aksu", country: "CN" },
  identifiers: [],
  attributes: { "cbvmda:sst": "201" },
  provenance: { source: "chain.jsonld", locator: "master data 1" },
};

const fromCsv: Location = {
  typeName: "location",
  id: fromEpcis.id,
  name: "阿克苏丰源轧花厂",
  address: { lines: ["解放路172号"], city: "阿克苏", postalCode: "843000", country: "CN" },
  processingType: "ginning",
  operator: partyId("urn:epc:id:pgln:6900001.00000"),
  identifiers: [{ scheme: "gln", value: "6900001000013" }],
  attributes: { "cbvmda:sst": "999", note: "from the template" },
  provenance: { source: "facilities.csv", locator: "line 2" },
};

describe("mergeLocation", () => {
  it("fills in what the stored record lacks and keeps what it has", () => {
    const merged = mergeLocation(fromEpcis, fromCsv);
    expect(merged?.name).toBe("Aksu Fengyuan Gin");
    expect(merged?.processingType).toBe("ginning");
    expect(merged?.operator).toBe("urn:epc:id:pgln:6900001.00000");
    expect(merged?.address).toEqual({
      lines: ["172 Jiefang Road"],
      city: "Aksu",
      postalCode: "843000",
      country: "CN",
    });
    expect(merged?.attributes).toEqual({ "cbvmda:sst": "201", note: "from the template" });
    expect(merged?.identifiers).toEqual([{ scheme: "gln", value: "6900001000013" }]);
    expect(merged?.mergedFrom).toEqual([fromCsv.provenance]);
  });

  it("returns undefined when the incoming record adds nothing (a re-import)", () => {
    const merged = mergeLocation(fromEpcis, fromCsv);
    if (!merged) throw new Error("expected a merge");
    expect(mergeLocation(merged, fromCsv)).toBeUndefined();
    expect(mergeLocation(fromEpcis, fromEpcis)).toBeUndefined();
  });
});

describe("mergeParty", () => {
  const party: Party = {
    typeName: "party",
    id: partyId("urn:epc:id:pgln:6900001.00000"),
    name: "Aksu Fengyuan Cotton Co., Ltd.",
    aliases: [],
    identifiers: [],
    attributes: {},
    provenance: { source: "a.csv", locator: "line 2" },
  };

  it("keeps another source's name as an alias and unites identifiers", () => {
    const other: Party = {
      ...party,
      name: "阿克苏丰源棉业有限公司",
      aliases: ["Akesu Fengyuan Mianye"],
      identifiers: [{ scheme: "uscc", value: "91652901433772823U" }],
      provenance: { source: "b.jsonl", locator: "entity x" },
    };
    const merged = mergeParty(party, other);
    expect(merged?.name).toBe(party.name);
    expect(merged?.aliases).toEqual(["阿克苏丰源棉业有限公司", "Akesu Fengyuan Mianye"]);
    expect(merged?.identifiers).toEqual(other.identifiers);
    expect(merged && mergeParty(merged, other)).toBeUndefined();
  });
});
