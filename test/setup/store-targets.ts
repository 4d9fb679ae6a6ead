import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import type { Store } from "../../src/app/index.ts";
import { openStore } from "../../src/store/index.ts";
import { scratchDatabases } from "./scratch-databases.ts";

/** One adapter a test file runs against, for `describe.each`. */
export interface StoreTarget {
  /** "sqlite", "postgres", or why PostgreSQL is skipped. */
  readonly kind: string;
  readonly skip: boolean;
  /** A fresh, empty store of this kind. */
  open(): Promise<Store>;
}

/**
 * The embedded store (files in a temp folder) and PostgreSQL (scratch databases on the test
 * cluster; skipped, saying why, when there is none). Call at a test file's top level: what it
 * creates is removed after the file. `label` names the folder and the databases (letters only).
 */
export function storeTargets(label: string): readonly StoreTarget[] {
  const dir = mkdtempSync(join(tmpdir(), `threadproof-${label}-`));
  const adminUrl = inject("pgUrl");
  const databases = scratchDatabases(adminUrl, label);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await databases.dropAll();
  });
  let files = 0;
  return [
    { kind: "sqlite", skip: false, open: () => openStore(join(dir, `${label}-${++files}.db`)) },
    {
      kind: adminUrl ? "postgres" : `postgres (skipped: ${inject("pgSkipReason")})`,
      skip: !adminUrl,
      open: async () => openStore(await databases.create()),
    },
  ];
}
