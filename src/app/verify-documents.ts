import { createHash } from "node:crypto";
import type { CbpCategory } from "../model/index.ts";
import type { Store } from "./store.ts";

export interface DocumentCheck {
  readonly sha256: string;
  readonly fileName: string;
  readonly category: CbpCategory;
  /** `changed`: the stored bytes no longer hash to the document's SHA-256; `missing`: gone. */
  readonly status: "ok" | "changed" | "missing";
}

/** Re-hashes every registered document's stored bytes, by SHA-256. */
export async function verifyDocuments(store: Store): Promise<DocumentCheck[]> {
  const checks: DocumentCheck[] = [];
  for (const d of await store.registry.list()) {
    const bytes = await store.registry.read(d.sha256);
    const status =
      bytes === undefined
        ? "missing"
        : createHash("sha256").update(bytes).digest("hex") === d.sha256
          ? "ok"
          : "changed";
    checks.push({ sha256: d.sha256, fileName: d.fileName, category: d.category, status });
  }
  return checks;
}
