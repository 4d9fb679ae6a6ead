import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nativeSha256Hex } from "./native-sha256.ts";

describe("nativeSha256Hex", () => {
  it("gives the digest @noble/hashes gives, so event ids do not depend on the host", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        expect(nativeSha256Hex(bytes)).toBe(bytesToHex(sha256(bytes)));
      }),
    );
  });

  it("hashes a view into a larger buffer by the view's bytes only", () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(nativeSha256Hex(buffer.subarray(2, 4))).toBe(bytesToHex(sha256(new Uint8Array([3, 4]))));
  });
});
