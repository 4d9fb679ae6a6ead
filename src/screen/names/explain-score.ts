import type { AlignedPair, Alignment } from "./align-tokens.ts";
import type { NameToken } from "./name-token.ts";
import type { NormalisedName } from "./normalise-name.ts";
import { regionLabel } from "./regions.ts";
import type { NameFeatures } from "./score-names.ts";

function shown(t: NameToken): string {
  if (t.region) return regionLabel(t.region);
  const latin = t.label ?? t.text;
  return t.han && t.han !== latin ? `${t.han} (${latin})` : latin;
}

function how(pair: AlignedPair): string {
  const { left, right, similarity } = pair;
  const crossScript = Boolean(left.han) !== Boolean(right.han);
  if (crossScript) return similarity >= 0.99 ? "pinyin or translation" : "close pinyin";
  if (similarity >= 0.99) return "same";
  return `spelling ${Math.round(similarity * 100)}% alike`;
}

function pairSentence(pair: AlignedPair): string {
  const role = pair.left.role === "name" ? "Name part" : pair.left.role === "industry" ? "Industry" : "Word";
  return `${role} ${shown(pair.left)} = ${shown(pair.right)} (${how(pair)})`;
}

function qualifier(label: string, value: NameFeatures["region"], left: string, right: string): string | null {
  switch (value) {
    case "agree":
      return `${label} agrees (${left} / ${right})`;
    case "differ":
      return `${label} differs (${left} vs ${right})`;
    case "one-sided":
      return `${label} given on one side only (${left || "–"} / ${right || "–"})`;
    case "absent":
      return null;
  }
}

function listOf(tokens: readonly NameToken[], role: NameToken["role"]): string {
  return tokens
    .filter((t) => t.role === role)
    .map(shown)
    .join(", ");
}

/**
 * Sentences an analyst can paste into a memo: which parts matched and how, which qualifiers
 * agree or differ, and what stood on one side only.
 */
export function explainScore(
  query: NormalisedName,
  candidate: NormalisedName,
  alignment: Alignment,
  f: NameFeatures,
): string[] {
  const out: string[] = [];
  if (f.identifier === "equal") out.push("Identifier (USCC/LEI) is identical: treated as the same entity");
  if (f.identifier === "differ") out.push("Both carry a USCC/LEI and they differ");
  const names = alignment.pairs.filter((p) => !["region", "country"].includes(p.left.role));
  out.push(...names.map(pairSentence));
  const unmatched = (side: readonly NameToken[]) =>
    side.filter((t) => t.role === "name" || t.role === "number");
  for (const t of unmatched(alignment.leftOnly)) out.push(`Query part ${shown(t)} has no counterpart`);
  for (const t of unmatched(alignment.rightOnly)) out.push(`Listed part ${shown(t)} has no counterpart`);
  const region = qualifier(
    "Region",
    f.region,
    listOf(query.tokens, "region"),
    listOf(candidate.tokens, "region"),
  );
  const industry = qualifier(
    "Industry",
    f.industry,
    listOf(query.tokens, "industry"),
    listOf(candidate.tokens, "industry"),
  );
  const forms = (n: NormalisedName) => n.legalForms.map((l) => l.display).join(", ");
  // A form on each side that is not the same kind (Co Ltd vs Group) reads as a difference, though
  // only two strong forms (LLC vs JSC) lower the score.
  const bothWritten = query.legalForms.length > 0 && candidate.legalForms.length > 0;
  const shownLegal = f.legalForm === "one-sided" && bothWritten ? "differ" : f.legalForm;
  const legal = qualifier("Legal form", shownLegal, forms(query), forms(candidate));
  // The countries given with the names, when they decided it; else the country words in the names.
  const [queryCountry, listedCountry] = f.contextCountries ?? [
    listOf(query.tokens, "country"),
    listOf(candidate.tokens, "country"),
  ];
  const country = qualifier("Country", f.country, queryCountry, listedCountry);
  for (const sentence of [region, industry, legal, country]) if (sentence) out.push(sentence);
  if (f.conflicts.length) out.push(`Conflicting ${f.conflicts.join(", ")} parts lower the score`);
  return out;
}
