import { createHash, hash } from "node:crypto";
import type { Sha256Hex } from "../ingest/index.ts";

/**
 * node:crypto's SHA-256 as lower-case hex. `crypto.hash` (Node ≥ 20.12) skips the Hash object
 * and is the cheapest for the many small inputs of event ids; older Node falls back to createHash.
 */
export const nativeSha256Hex: Sha256Hex =
  typeof hash === "function"
    ? (bytes) => hash("sha256", bytes, "hex")
    : (bytes) => createHash("sha256").update(bytes).digest("hex");
