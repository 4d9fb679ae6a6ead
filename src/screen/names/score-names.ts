import type { Identifier } from "../../model/index.ts";
import { type Alignment, alignShaped, type TokenListShape, tokenListShape } from "./align-tokens.ts";
import { countryCode } from "./countries.ts";
import { explainScore } from "./explain-score.ts";
import { isAcronymOf } from "./is-acronym-of.ts";
import { isWeakForm } from "./legal-forms.ts";
import type { NameToken, TokenRole } from "./name-token.ts";
import type { NormalisedName } from "./normalise-name.ts";
import { similarityAbove } from "./token-similarity.ts";

export const NAME_ALGORITHM = "threadproof-names-v1";
export const DEFAULT_THRESHOLD = 0.7;
/** An acronym is strong but not certain evidence: it shows as a match a reviewer must confirm. */
const ACRONYM_SCORE = 0.9;

/** Agreement of one qualifier between two records. */
export type Agreement = "agree" | "differ" | "one-sided" | "absent";

export interface NameFeatures {
  /** Rarity-weighted similarity of the aligned tokens, before qualifiers. */
  readonly nameSimilarity: number;
  readonly region: Agreement;
  readonly industry: Agreement;
  readonly legalForm: Agreement;
  readonly country: Agreement;
  /** The countries given with the names (query, candidate) when they, not the names, decided `country`. */
  readonly contextCountries?: readonly [string, string];
  readonly identifier: "equal" | "differ" | "absent";
  /** Roles of words on both sides that pair with nothing: a swapped part, not an extra one. */
  readonly conflicts: readonly string[];
  /** Qualifiers on one side only that usually mark a sibling entity (a series number). */
  readonly extraQualifiers: readonly string[];
  /** One side is the initials of the other (PLA, XPCC). */
  readonly acronym: boolean;
}

export interface NameScore {
  readonly score: number;
  readonly match: boolean;
  readonly threshold: number;
  readonly algorithm: string;
  readonly explanations: readonly string[];
  readonly features: NameFeatures;
}

/** Country, address and identifiers that come with a name. */
export interface NameContext {
  readonly country?: string;
  readonly identifiers?: readonly Identifier[];
}

export interface ScoreOptions {
  readonly threshold?: number;
  /** Rarity weight of a name token (IDF from an index); role weights apply when absent. */
  readonly rarity?: (token: NameToken) => number | undefined;
  readonly query?: NameContext;
  readonly candidate?: NameContext;
  /** Leave out the sentences (screening explains only the results it returns). */
  readonly explain?: boolean;
}

const ROLE_WEIGHT: Readonly<Record<TokenRole, number>> = {
  name: 1,
  generic: 0.4,
  industry: 0.5,
  region: 0.6,
  country: 0.6,
  number: 0.8,
  initial: 0.4,
  particle: 0.25,
};

function weightOf(token: NameToken, options: ScoreOptions): number {
  const base = ROLE_WEIGHT[token.role];
  if (token.role !== "name" && token.role !== "generic") return base;
  return options.rarity?.(token) ?? base;
}

/**
 * How much an unpaired word costs. A swapped part (words unpaired on both sides) counts fully. An
 * extra part on one side only counts less: for people, because lists add and drop middle names and
 * patronymics; for companies only for qualifiers (industry, region), because an extra distinctive
 * word ("Crystalord Systems") usually names another company.
 */
function extraWeight(
  t: NameToken,
  conflict: boolean,
  kind: "person" | "company",
  options: ScoreOptions,
): number {
  if (t.role === "number") return conflict ? 0.25 : t.text === "1" ? 0.3 : 1.2;
  if (conflict) return weightOf(t, options);
  if (kind === "person") return weightOf(t, options) * 0.35;
  if (t.role === "name" || t.role === "generic" || t.role === "country")
    return Math.max(1, weightOf(t, options));
  return weightOf(t, options) * 0.6;
}

function weightedSimilarity(alignment: Alignment, kind: "person" | "company", options: ScoreOptions): number {
  let matched = 0;
  let total = 0;
  for (const pair of alignment.pairs) {
    const weight = weightOf(pair.left, options) + weightOf(pair.right, options);
    matched += pair.similarity * weight;
    total += weight;
  }
  const conflict = alignment.leftOnly.length > 0 && alignment.rightOnly.length > 0;
  for (const t of alignment.leftOnly) total += extraWeight(t, conflict, kind, options);
  for (const t of alignment.rightOnly) total += extraWeight(t, conflict, kind, options);
  return total === 0 ? 0 : matched / total;
}

// Series markers (Fund V / Fund VI) name siblings in one family, which screening should surface.
const CONFLICT_PENALTY: Partial<Record<TokenRole, number>> = {
  name: 0.7,
  number: 0.9,
  region: 0.55,
  country: 0.5,
  industry: 0.85,
};

const SUBSTANTIVE: readonly TokenRole[] = [
  "name",
  "generic",
  "initial",
  "number",
  "region",
  "country",
  "industry",
];

/** Roles of the unpaired words when both sides have some: each role costs a factor once. */
function conflictRoles(alignment: Alignment): TokenRole[] {
  if (alignment.leftOnly.length === 0 || alignment.rightOnly.length === 0) return [];
  if (!alignment.leftOnly.some(isSubstantive) || !alignment.rightOnly.some(isSubstantive)) return [];
  // Each role once, in the order first met (left side first), as a set of them would list it.
  const roles: TokenRole[] = [];
  const seen = addRoles(alignment.rightOnly, roles, addRoles(alignment.leftOnly, roles, 0));
  // An unpaired industry word beside a paired one is a second line of business, not a conflict.
  if (seen & ROLE_BIT.industry && alignment.pairs.some((p) => p.left.role === "industry"))
    roles.splice(roles.indexOf("industry"), 1);
  return roles;
}

/** Adds the roles of substantive tokens not `seen` (as `ROLE_BIT`s) to `roles`; returns those seen. */
function addRoles(tokens: readonly NameToken[], roles: TokenRole[], seen: number): number {
  let out = seen;
  for (const t of tokens) {
    if (!isSubstantive(t)) continue;
    const role = t.role === "generic" || t.role === "initial" ? "name" : t.role;
    if (out & ROLE_BIT[role]) continue;
    out |= ROLE_BIT[role];
    roles.push(role);
  }
  return out;
}

function isSubstantive(t: NameToken): boolean {
  return SUBSTANTIVE.includes(t.role);
}

/** "Fund II" beside "Fund": a sibling in a series, not a spelling of the same name. */
function extraQualifiers(alignment: Alignment): string[] {
  const onlyOneSide = alignment.leftOnly.length === 0 || alignment.rightOnly.length === 0;
  if (!onlyOneSide) return [];
  // "Fund I" is how a first fund is written once a second exists: a lone 1 marks nothing.
  const extras = [...alignment.leftOnly, ...alignment.rightOnly].filter(
    (t) => t.role === "number" && t.text !== "1",
  );
  return extras.length ? ["number"] : [];
}

const ROLE_BIT: Readonly<Record<TokenRole, number>> = {
  name: 1,
  generic: 2,
  industry: 4,
  region: 8,
  country: 16,
  number: 32,
  initial: 64,
  particle: 128,
};

/** What scoring reads from a normalised name whatever it is compared with, worked out once per name. */
interface NameShape {
  /** The roles its tokens have, as `ROLE_BIT`s. */
  readonly roles: number;
  /** The generic kinds of its strong legal forms. */
  readonly strongForms: readonly string[];
  /** What alignment reads from its tokens. */
  readonly tokens: TokenListShape;
}

const shapes = new WeakMap<NormalisedName, NameShape>();

function shapeOf(name: NormalisedName): NameShape {
  let shape = shapes.get(name);
  if (!shape) {
    let roles = 0;
    for (const t of name.tokens) roles |= ROLE_BIT[t.role];
    const strongForms = name.legalForms.filter((f) => !isWeakForm(f)).map((f) => f.generic);
    shape = { roles, strongForms, tokens: tokenListShape(name.tokens) };
    shapes.set(name, shape);
  }
  return shape;
}

function agreement(left: NameShape, right: NameShape, alignment: Alignment, role: TokenRole): Agreement {
  const bit = ROLE_BIT[role];
  const l = (left.roles & bit) !== 0;
  const r = (right.roles & bit) !== 0;
  if (!l && !r) return "absent";
  if (!l || !r) return "one-sided";
  for (const p of alignment.pairs) if (p.left.role === role && p.right.role === role) return "agree";
  return "differ";
}

function legalAgreement(query: NameShape, candidate: NameShape): Agreement {
  const a = query.strongForms;
  const b = candidate.strongForms;
  if (a.length === 0 && b.length === 0) return "absent";
  if (a.length === 0 || b.length === 0) return "one-sided";
  return a.some((g) => b.includes(g)) ? "agree" : "differ";
}

function contextCountry(options: ScoreOptions): Agreement {
  const a = options.query?.country;
  const b = options.candidate?.country;
  if (!a || !b) return a || b ? "one-sided" : "absent";
  return countryCode(a) === countryCode(b) ? "agree" : "differ";
}

function identifierAgreement(options: ScoreOptions): NameFeatures["identifier"] {
  const a = options.query?.identifiers ?? [];
  const b = options.candidate?.identifiers ?? [];
  if (a.length === 0 || b.length === 0) return "absent";
  const strong = (id: Identifier) => id.scheme === "uscc" || id.scheme === "lei";
  const key = (id: Identifier) => `${id.scheme}:${id.value.trim().toUpperCase()}`;
  const right = new Set(b.filter(strong).map(key));
  if (a.filter(strong).some((id) => right.has(key(id)))) return "equal";
  const schemes = new Set(b.filter(strong).map((id) => id.scheme));
  return a.some((id) => strong(id) && schemes.has(id.scheme)) ? "differ" : "absent";
}

/** A name's folded text without spaces and parentheses, made once per normalised name. */
const compacts = new WeakMap<NormalisedName, string>();

function compactText(name: NormalisedName): string {
  let text = compacts.get(name);
  if (text === undefined) {
    text = name.folded.replace(/[\s()]/g, "");
    compacts.set(name, text);
  }
  return text;
}

/** Below this the compact text plays no part in the score (see `combine`). */
const COMPACT_FLOOR = 0.95;

/**
 * Names written closed up on one side ("SiemensAG", "RamiMakhlouf") meet on their compact text.
 * Exact from 0.95 up, the only values `combine` uses; below that some value below 0.95.
 */
function compactSimilarity(query: NormalisedName, candidate: NormalisedName): number {
  const shorter = Math.min(query.tokens.length, candidate.tokens.length);
  if (query.tokens.length === candidate.tokens.length || shorter > 2) return 0;
  return similarityAbove(compactText(query), compactText(candidate), COMPACT_FLOOR);
}

function featuresOf(
  query: NormalisedName,
  candidate: NormalisedName,
  alignment: Alignment,
  options: ScoreOptions,
  left: NameShape,
  right: NameShape,
): NameFeatures {
  const country = contextCountry(options);
  const inName = agreement(left, right, alignment, "country");
  return {
    nameSimilarity: weightedSimilarity(
      alignment,
      query.kind === "person" || candidate.kind === "person" ? "person" : "company",
      options,
    ),
    region: agreement(left, right, alignment, "region"),
    industry: agreement(left, right, alignment, "industry"),
    legalForm: legalAgreement(left, right),
    country: country === "absent" || country === "one-sided" ? inName : country,
    ...(country === "agree" || country === "differ"
      ? {
          contextCountries: [options.query?.country ?? "", options.candidate?.country ?? ""] as const,
        }
      : {}),
    identifier: identifierAgreement(options),
    conflicts: conflictRoles(alignment),
    extraQualifiers: extraQualifiers(alignment),
    acronym: isAcronymOf(query.tokens, candidate.tokens) || isAcronymOf(candidate.tokens, query.tokens),
  };
}

function combine(f: NameFeatures, compact: number): number {
  if (f.identifier === "equal") return 1;
  let score = f.nameSimilarity;
  for (const role of f.conflicts) score *= CONFLICT_PENALTY[role as TokenRole] ?? 1;
  // An acronym leaves every word of the long form unpaired: no conflict penalty applies to it.
  if (f.acronym) score = Math.max(score, ACRONYM_SCORE);
  for (const _ of f.extraQualifiers) score *= 0.8;
  if (f.legalForm === "differ") score *= 0.85;
  if (f.country === "differ" && !f.conflicts.includes("country")) score *= 0.5;
  if (f.identifier === "differ") score *= 0.5;
  if (compact >= COMPACT_FLOOR) score = Math.max(score, compact * 0.98);
  return Math.min(1, Math.max(0, score));
}

/** A score with the alignment behind it, so the sentences can be written later for the few results shown. */
export interface AlignedScore {
  readonly score: number;
  readonly features: NameFeatures;
  readonly alignment: Alignment;
}

/** The score and features of two normalised names, without the sentences. */
export function scoreAligned(
  query: NormalisedName,
  candidate: NormalisedName,
  options: ScoreOptions = {},
): AlignedScore {
  const left = shapeOf(query);
  const right = shapeOf(candidate);
  const alignment = alignShaped(query.tokens, left.tokens, candidate.tokens, right.tokens);
  const features = featuresOf(query, candidate, alignment, options, left, right);
  const score = Math.round(combine(features, compactSimilarity(query, candidate)) * 10_000) / 10_000;
  return { score, features, alignment };
}

/** The sentences explaining a score, for a result that is shown. */
export function explainAligned(
  query: NormalisedName,
  candidate: NormalisedName,
  scored: AlignedScore,
): string[] {
  return explainScore(query, candidate, scored.alignment, scored.features);
}

/**
 * Scores two normalised names with explainable features: rarity-weighted alignment of their
 * tokens, conflicts (a part on each side that pairs with nothing), region, industry, legal form,
 * country and identifier agreement. An equal USCC or LEI is a match whatever the names say.
 */
export function scoreNames(
  query: NormalisedName,
  candidate: NormalisedName,
  options: ScoreOptions = {},
): NameScore {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const scored = scoreAligned(query, candidate, options);
  return {
    score: scored.score,
    match: scored.score >= threshold,
    threshold,
    algorithm: NAME_ALGORITHM,
    explanations: options.explain === false ? [] : explainAligned(query, candidate, scored),
    features: scored.features,
  };
}
