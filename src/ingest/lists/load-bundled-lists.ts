import Papa from "papaparse";
import { provenance } from "../../model/index.ts";
import {
  CBP_WRO_CHINA_CSV,
  UFLPA_CHINESE_NAMES_CSV,
  UFLPA_ENTITY_CSV,
  UFLPA_SNAPSHOT_STATEMENT,
} from "./bundled-list-data.ts";
import { type Issue, type ListEntry, listEntry, normaliseListName } from "./list-entry.ts";
import { mergeListEntries } from "./merge-list-entries.ts";
import { parseDhsDate } from "./parse-dhs-date.ts";
import { parseListCsv } from "./parse-list-csv.ts";
import { WRO_REGION_RULES, type WroRegionRule } from "./wro-region-rules.ts";

export interface ListSnapshot {
  readonly list: "uflpa";
  /** The latest effective date the snapshot covers. */
  readonly asOf: string;
  /** The snapshot misses entities DHS lists: never present it as complete. */
  readonly partial: true;
  readonly statement: string;
  readonly officialCount: number;
  readonly entityCount: number;
  readonly countsBySection: Readonly<Record<string, number>>;
  readonly source: string;
}

export interface BundledLists {
  readonly snapshot: ListSnapshot;
  readonly entries: readonly ListEntry[];
  readonly regionRules: readonly WroRegionRule[];
  readonly issues: readonly Issue[];
}

const UFLPA_SOURCE = "data/lists/uflpa/uflpa_entity_list.csv";
const WRO_SOURCE = "data/lists/uflpa/cbp_wro_china.csv";

/** 新疆大全新能源 for Xinjiang Daqo: Han runs of the chinese_name cell, skipping parents' names. */
function chineseNamesByEntity(): Map<string, string[]> {
  const rows = Papa.parse<Record<string, string>>(UFLPA_CHINESE_NAMES_CSV, {
    header: true,
    skipEmptyLines: true,
  }).data;
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const names = (r.chinese_name ?? "")
      .split(/\s*;\s*/)
      .filter((part) => !/\(parent/i.test(part))
      .map((part) => /^[\p{Script=Han}（）()]+/u.exec(part.trim())?.[0] ?? "")
      .filter(Boolean);
    const key = normaliseListName(r.name ?? "");
    out.set(key, [...new Set([...(out.get(key) ?? []), ...names])]);
  }
  return out;
}

function wroEntries(): ListEntry[] {
  const rows = Papa.parse<Record<string, string>>(CBP_WRO_CHINA_CSV, {
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows.flatMap((r, i) => {
    const [name = "", ...aliases] = (r.entity ?? "").split(/,?\s*a\/k\/a\s*/i).map((s) => s.trim());
    if (!name) return [];
    const date = parseDhsDate(r.date ?? "");
    return [
      listEntry("wro", name, provenance(WRO_SOURCE, `row ${i + 2}`), {
        aliases,
        sections: [r.type ?? "WRO"],
        ...(date ? { effectiveDate: date } : {}),
        includesSubordinates: /subordinate and affiliated/i.test(name),
        ...(r.country_region ? { address: r.country_region } : {}),
        notes: [r.country_region, r.product, r.status, r.notes].filter((s): s is string => Boolean(s)),
      }),
    ];
  });
}

function countsBySection(entries: readonly ListEntry[]): Record<string, number> {
  const counts: Record<string, number> = {
    "2(d)(2)(B)(i)": 0,
    "2(d)(2)(B)(ii)": 0,
    "2(d)(2)(B)(iv)": 0,
    "2(d)(2)(B)(v)": 0,
  };
  for (const e of entries) for (const s of e.sections) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/**
 * The lists shipped with threadproof: the dated, partial UFLPA Entity List snapshot (with Chinese
 * names merged in), the CBP WRO/Findings rows for China, and the WRO region rules.
 */
export function loadBundledLists(): BundledLists {
  const uflpa = parseListCsv(UFLPA_ENTITY_CSV, UFLPA_SOURCE, "uflpa");
  const chinese = chineseNamesByEntity();
  const entries = uflpa.entries.map((e) => {
    const names = chinese.get(normaliseListName(e.name));
    return names ? { ...e, chineseNames: [...new Set([...e.chineseNames, ...names])] } : e;
  });
  const asOf =
    entries
      .map((e) => e.effectiveDate ?? "")
      .sort()
      .at(-1) ?? "";
  return {
    snapshot: {
      list: "uflpa",
      asOf,
      partial: true,
      statement: UFLPA_SNAPSHOT_STATEMENT,
      officialCount: 144,
      entityCount: entries.length,
      countsBySection: countsBySection(entries),
      source: "data/lists/uflpa (README.md: reconstructed snapshot, partial)",
    },
    // A WRO row and a later Finding on the same entity are one entry with both sections.
    entries: [...entries, ...mergeListEntries(wroEntries())],
    regionRules: WRO_REGION_RULES,
    issues: uflpa.issues,
  };
}
