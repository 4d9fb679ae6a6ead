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

/** `GET /api/lists`: what a reviewer needs to know about the lists before picking an entry. */
export interface ListsSummary {
  readonly current: number;
  /** The latest effective date the current version covers. */
  readonly asOf?: string;
  /** The current version's UFLPA entries are the bundled snapshot's, which misses entities DHS lists. */
  readonly partial: boolean;
  /** Where the current version's UFLPA entries come from: the bundled snapshot's statement, or the loaded file. */
  readonly source: string;
  readonly lists: readonly {
    readonly list: string;
    readonly entityCount: number;
    readonly countsBySection: Readonly<Record<string, number>>;
  }[];
  readonly versions: readonly ListVersion[];
}

/** Counts per list and section of the entries screening uses (`entries`, of version `current`). */
export async function summariseLists(
  store: Store,
  current: { readonly version: number; readonly entries: Iterable<ListEntry> },
): Promise<ListsSummary> {
  const bundled = loadBundledLists().snapshot;
  const versions = await store.listVersions();
  const upTo = versions.filter((v) => v.version <= current.version);
  const uflpaFrom = upTo.filter((v) => v.lists.includes("uflpa")).at(-1);
  const byList = new Map<string, ListEntry[]>();
  for (const e of current.entries) {
    const same = byList.get(e.list);
    if (same) same.push(e);
    else byList.set(e.list, [e]);
  }
  const asOf = current.version === BUNDLED_VERSION ? bundled.asOf : upTo.at(-1)?.asOf;
  return {
    current: current.version,
    ...(asOf ? { asOf } : {}),
    partial: uflpaFrom === undefined,
    source: uflpaFrom ? uflpaFrom.source : `the bundled snapshot, ${bundled.statement}`,
    lists: [...byList.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([list, entries]) => ({
        list,
        entityCount: entries.length,
        countsBySection: countsBySection(entries),
      })),
    versions,
  };
}
