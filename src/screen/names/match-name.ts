import type { Identifier } from "../../model/index.ts";
import { candidateNames, indexedName, type NameIndex, rarityOf } from "./name-index.ts";
import type { NameKind } from "./name-token.ts";
import { type NormalisedName, normaliseName } from "./normalise-name.ts";
import {
  type AlignedScore,
  DEFAULT_THRESHOLD,
  explainAligned,
  type NameFeatures,
  scoreAligned,
} from "./score-names.ts";

export interface NameQuery {
  readonly name: string;
  readonly address?: string;
  readonly country?: string;
  readonly identifiers?: readonly Identifier[];
  readonly kind?: NameKind;
}

export interface MatchOptions {
  readonly threshold?: number;
  /** How many list names candidate retrieval hands to the scorer. */
  readonly candidates?: number;
  /** How many results to return. */
  readonly limit?: number;
}

export interface NameMatch {
  readonly entityId: string;
  /** The list name that scored best. */
  readonly matchedName: string;
  readonly score: number;
  readonly match: boolean;
  readonly explanations: readonly string[];
  readonly features: NameFeatures;
}

export interface NameMatchResult {
  /** The query as the matcher read it, echoed for the CLI and reports. */
  readonly query: NormalisedName;
  readonly results: readonly NameMatch[];
}

function contextOf(source: { readonly country?: string; readonly identifiers?: readonly Identifier[] }) {
  return {
    ...(source.country ? { country: source.country } : {}),
    ...(source.identifiers ? { identifiers: source.identifiers } : {}),
  };
}

interface Scored {
  readonly entry: number;
  readonly name: NormalisedName;
  readonly scored: AlignedScore;
}

/**
 * One result; its sentences are written when first read (screening keeps only the matches, and
 * most results are not), then kept. A plain object with the fields in the order of `NameMatch`,
 * so JSON, spreads and structured clones see `explanations` like any other field.
 */
function result(
  entityId: string,
  query: NormalisedName,
  name: NormalisedName,
  scored: AlignedScore,
  threshold: number,
): NameMatch {
  let explanations: readonly string[] | undefined;
  return {
    entityId,
    matchedName: name.raw,
    score: scored.score,
    match: scored.score >= threshold,
    get explanations() {
      explanations ??= explainAligned(query, name, scored);
      return explanations;
    },
    features: scored.features,
  };
}

/**
 * Screens one name against the index: candidate retrieval, then every name of each candidate
 * entry is scored (rarity from the index) and the entry keeps its best. Best result first; only
 * the results returned are explained, when their sentences are read.
 */
export function matchName(index: NameIndex, query: NameQuery, options: MatchOptions = {}): NameMatchResult {
  const normalised = normaliseName(query.name, query.kind ? { kind: query.kind } : {});
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const rarity = (t: Parameters<typeof rarityOf>[1]) => rarityOf(index, t);
  const queryContext = contextOf(query);
  const best = new Map<number, Scored>();
  for (const id of candidateNames(index, normalised, options.candidates ?? 8, query.identifiers ?? [])) {
    const entry = index.entryOf[id] ?? -1;
    const listed = index.entries[entry];
    if (!listed) continue;
    const name = indexedName(index, id);
    const scored = scoreAligned(normalised, name, {
      threshold,
      rarity,
      query: queryContext,
      candidate: contextOf(listed),
    });
    const previous = best.get(entry);
    if (previous && previous.scored.score >= scored.score) continue;
    best.set(entry, { entry, name, scored });
  }
  const ranked = [...best.values()]
    .sort((a, b) => b.scored.score - a.scored.score)
    .slice(0, options.limit ?? 5);
  const results = ranked.map(({ entry, name, scored }) =>
    result(index.entries[entry]?.id ?? "", normalised, name, scored, threshold),
  );
  return { query: normalised, results };
}
