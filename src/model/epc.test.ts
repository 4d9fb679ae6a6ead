import { describe, expect, it } from "vitest";
import { canonicalEpc, DEFAULT_COMPANY_PREFIX_LENGTH } from "./epc.ts";

describe("canonicalEpc", () => {
  it("keeps EPC URNs (id, class, idpat), trimmed", () => {
    expect(canonicalEpc(" urn:epc:id:sgtin:0614141.107346.2017 ")).toBe(
      "urn:epc:id:sgtin:0614141.107346.2017",
    );
    expect(canonicalEpc("urn:epc:class:lgtin:4012345.012345.998877")).toBe(
      "urn:epc:class:lgtin:4012345.012345.998877",
    );
    expect(canonicalEpc("urn:epc:idpat:sgtin:4012345.012345.*")).toBe("urn:epc:idpat:sgtin:4012345.012345.*");
  });

  it("turns an SGTIN Digital Link into an sgtin URN (7-digit company prefix by default)", () => {
    expect(DEFAULT_COMPANY_PREFIX_LENGTH).toBe(7);
    expect(canonicalEpc("https://id.gs1.org/01/09521141012345/21/2017")).toBe(
      "urn:epc:id:sgtin:9521141.001234.2017",
    );
    expect(canonicalEpc("https://id.gs1.org/01/10614141073464/21/2018", { companyPrefixLength: 7 })).toBe(
      "urn:epc:id:sgtin:0614141.107346.2018",
    );
  });

  it("honours a given company prefix length", () => {
    expect(canonicalEpc("https://id.gs1.org/01/04012345123456/10/Lot987", { companyPrefixLength: 9 })).toBe(
      "urn:epc:class:lgtin:401234512.0345.Lot987",
    );
    expect(() =>
      canonicalEpc("https://id.gs1.org/00/340123451111111111", { companyPrefixLength: 3 }),
    ).toThrow(RangeError);
  });

  it("turns an LGTIN Digital Link (01 + 10) into an lgtin class URN, and 01 + 10 + 21 into the sgtin", () => {
    expect(canonicalEpc("https://id.gs1.org/01/04012345123456/10/Lot987")).toBe(
      "urn:epc:class:lgtin:4012345.012345.Lot987",
    );
    expect(canonicalEpc("https://example.com/01/04012345123456/10/L1/21/S9")).toBe(
      "urn:epc:id:sgtin:4012345.012345.S9",
    );
  });

  it("turns a bare GTIN Digital Link (any length) into an idpat class", () => {
    expect(canonicalEpc("https://id.gs1.org/01/4012345123456")).toBe("urn:epc:idpat:sgtin:4012345.012345.*");
  });

  it("turns SGLN (414 + 254), GLN (414), PGLN (417) and SSCC (00) Digital Links into URNs", () => {
    expect(canonicalEpc("https://id.gs1.org/414/4012345000115/254/987")).toBe(
      "urn:epc:id:sgln:4012345.00011.987",
    );
    expect(canonicalEpc("https://id.gs1.org/414/4012345000115")).toBe("urn:epc:id:sgln:4012345.00011.0");
    expect(canonicalEpc("https://id.gs1.org/417/4012345000009")).toBe("urn:epc:id:pgln:4012345.00000");
    expect(canonicalEpc("https://id.gs1.org/00/340123451111111111")).toBe(
      "urn:epc:id:sscc:4012345.3111111111",
    );
  });

  it("rejects what carries no GS1 key it knows", () => {
    expect(canonicalEpc("urn:uuid:123")).toBeUndefined();
    expect(canonicalEpc("https://example.com/product/1")).toBeUndefined();
    expect(canonicalEpc("https://id.gs1.org/01/123")).toBeUndefined();
    expect(canonicalEpc("")).toBeUndefined();
  });
});
