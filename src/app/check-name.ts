import { locateXinjiang } from "../screen/index.ts";
import { checkName, type Screener } from "./screener.ts";

/** `threadproof check NAME --json`: the CLI contract of issue 3. */
export interface CheckResult {
  readonly query: unknown;
  readonly results: readonly {
    readonly entity: {
      readonly id: string;
      readonly name: string;
      readonly list: string;
      readonly section?: string;
    };
    readonly matchedName: string;
    readonly score: number;
    readonly match: boolean;
    readonly explanations: readonly string[];
  }[];
  readonly geography: {
    readonly xinjiang: boolean;
    readonly division: { readonly code: string; readonly name: string } | null;
    readonly evidence: readonly string[];
  };
}

export interface CheckQuery {
  readonly name: string;
  readonly address?: string;
  readonly country?: string;
}

/** Screens one name (and its address) ad hoc, without importing anything. */
export function checkOne(screener: Screener, q: CheckQuery): CheckResult {
  const matched = checkName(screener, {
    name: q.name,
    ...(q.address === undefined ? {} : { address: q.address }),
    ...(q.country === undefined ? {} : { country: q.country }),
  });
  const geo = locateXinjiang(`${q.name} ${q.address ?? ""}`.trim(), q.country);
  return {
    query: matched.query,
    results: matched.results.flatMap((r) => {
      const entry = screener.entries.get(r.entityId);
      if (!entry) return [];
      const entity = {
        id: entry.id,
        name: entry.name,
        list: entry.list,
        ...(entry.section ? { section: entry.section } : {}),
      };
      return [
        { entity, matchedName: r.matchedName, score: r.score, match: r.match, explanations: r.explanations },
      ];
    }),
    geography: {
      xinjiang: geo.xinjiang,
      division: geo.division ? { code: geo.division.code, name: geo.division.name } : null,
      evidence: geo.evidence,
    },
  };
}
