import { type ListEntry, loadBundledLists } from "../ingest/index.ts";
import { AppError } from "./errors.ts";
import type { Store } from "./store.ts";

/** The bundled snapshot: the version a store screens against until a list is loaded into it. */
export const BUNDLED_VERSION = 1;

export interface ListsAtVersion {
  readonly version: number;
  readonly entries: readonly ListEntry[];
}

/** The entries of a list version in this store: the latest when no version is named. */
export async function listsAtVersion(store: Store, version?: number): Promise<ListsAtVersion> {
  const versions = await store.listVersions();
  const target = version ?? versions.at(-1)?.version ?? BUNDLED_VERSION;
  if (target === BUNDLED_VERSION) return { version: target, entries: loadBundledLists().entries };
  if (!versions.some((v) => v.version === target)) {
    const known = [BUNDLED_VERSION, ...versions.map((v) => v.version)].join(", ");
    throw new AppError("not-found", `no list version ${target} in ${store.location} (versions: ${known})`);
  }
  return { version: target, entries: await store.listEntries(target) };
}
