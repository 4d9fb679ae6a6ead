import type { Identifier } from "../../model/index.ts";
import { candidateNames, type NameIndex, rarityOf } from "./name-index.ts";
import type { NameKind } from "./name-token.ts";
import { type NormalisedName, normaliseName } from "./normalise-name.ts";
import { DEFAULT_THRESHOLD, type NameFeatures, scoreNames } from "./score-names.ts";

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

/**
 * Screens one name against the index: candidate retrieval, then every name of each candidate
 * entry is scored (rarity from the index) and the entry keeps its best. Best result first.
 */
export function matchName(index: NameIndex, query: NameQuery, options: MatchOptions = {}): NameMatchResult {
  const normalised = normaliseName(query.name, query.kind ? { kind: query.kind } : {});
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const rarity = (t: Parameters<typeof rarityOf>[1]) => rarityOf(index, t);
  const queryContext = {
    ...(query.country ? { country: query.country } : {}),
    ...(query.identifiers ? { identifiers: query.identifiers } : {}),
  };
  const best = new Map<number, NameMatch & { readonly name: NormalisedName }>();
  for (const id of candidateNames(index, normalised, options.candidates ?? 8, query.identifiers ?? [])) {
    const indexed = index.names[id];
    const entry = indexed ? index.entries[indexed.entry] : undefined;
    if (!indexed) continue;
    if (!entry) continue;
    const candidateContext = {
      ...(entry.country ? { country: entry.country } : {}),
      ...(entry.identifiers ? { identifiers: entry.identifiers } : {}),
    };
    const scored = scoreNames(normalised, indexed.name, {
      threshold,
      rarity,
      query: queryContext,
      candidate: candidateContext,
      explain: false,
    });
    const previous = best.get(indexed.entry);
    if (previous && previous.score >= scored.score) continue;
    best.set(indexed.entry, {
      entityId: entry.id,
      matchedName: indexed.name.raw,
      score: scored.score,
      match: scored.match,
      explanations: scored.explanations,
      features: scored.features,
      name: indexed.name,
    });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, options.limit ?? 5);
  // Sentences only for what is returned: writing them for every candidate doubles the cost.
  const results = ranked.map(({ name, ...result }) => {
    const entry = index.entries.find((e) => e.id === result.entityId);
    const explained = scoreNames(normalised, name, {
      threshold,
      rarity,
      query: queryContext,
      candidate: {
        ...(entry?.country ? { country: entry.country } : {}),
        ...(entry?.identifiers ? { identifiers: entry.identifiers } : {}),
      },
    });
    return { ...result, explanations: explained.explanations };
  });
  return { query: normalised, results };
}
