import { type ListEntry, type ListSnapshot, loadBundledLists, type WroRegionRule } from "../ingest/index.ts";
import { BUNDLED_VERSION, listsAtVersion } from "./current-lists.ts";
import type { ListVersion } from "./screening-records.ts";
import type { Store } from "./store.ts";

/** `threadproof lists show --json`. */
export interface ListsDescription {
  /** The version screening uses in this store. */
  readonly current: number;
  /** The bundled UFLPA snapshot: partial, dated, counted per section. */
  readonly bundled: ListSnapshot & { readonly version: 1 };
  /** Versions loaded with `lists update`, oldest first. */
  readonly versions: readonly ListVersion[];
  /** The current version's UFLPA entries per section, and its WRO/Findings rows. */
  readonly uflpa: {
    readonly entityCount: number;
    readonly countsBySection: Readonly<Record<string, number>>;
  };
  readonly wro: readonly {
    readonly name: string;
    readonly sections: readonly string[];
    readonly effectiveDate?: string;
  }[];
  readonly regionRules: readonly WroRegionRule[];
}

function countsBySection(entries: readonly ListEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of entries) for (const s of e.sections) counts[s] = (counts[s] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What screening in this store runs against, and every version it could. */
export async function describeLists(store: Store): Promise<ListsDescription> {
  const bundled = loadBundledLists();
  const current = await listsAtVersion(store);
  const uflpa = current.entries.filter((e) => e.list === "uflpa");
  return {
    current: current.version,
    bundled: { ...bundled.snapshot, version: BUNDLED_VERSION },
    versions: await store.listVersions(),
    uflpa: { entityCount: uflpa.length, countsBySection: countsBySection(uflpa) },
    wro: current.entries
      .filter((e) => e.list === "wro")
      .map((e) => ({
        name: e.name,
        sections: e.sections,
        ...(e.effectiveDate ? { effectiveDate: e.effectiveDate } : {}),
      })),
    regionRules: bundled.regionRules,
  };
}
