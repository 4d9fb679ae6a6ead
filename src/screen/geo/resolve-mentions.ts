import { type DivisionLevel, prefectureCodeOf, provinceCodeOf } from "./division.ts";
import { gazetteer } from "./gazetteer.ts";
import type { Mention } from "./mention.ts";

/** A mention with the candidate chosen for it, or why none was. */
export interface ResolvedMention {
  readonly mention: Mention;
  readonly code?: string;
  /** Why the mention does not count: street name, needs Chinese context, ambiguous, outvoted. */
  readonly excluded?: "street" | "needs-context" | "ambiguous" | "foreign";
}

export interface Resolution {
  readonly mentions: readonly ResolvedMention[];
  /** The province most of the evidence points to. */
  readonly province?: string;
  /** The most specific division inside that province. */
  readonly deepest?: string;
}

function levelOf(code: string): DivisionLevel {
  return gazetteer().byCode.get(code)?.level ?? 2;
}

function affinity(a: string, b: string): number {
  if (prefectureCodeOf(a) === prefectureCodeOf(b) && a !== b) return 3;
  return provinceCodeOf(a) === provinceCodeOf(b) ? 1 : 0;
}

function fitsHint(code: string, hint: Mention["levelHint"]): boolean {
  if (!hint) return false;
  const d = gazetteer().byCode.get(code);
  return hint.includes(levelOf(code)) || (hint.includes("city") && d?.name.endsWith("市") === true);
}

function support(code: string, self: Mention, others: readonly Mention[]): number {
  let total = fitsHint(code, self.levelHint) ? 2 : 0;
  for (const o of others) {
    if (o === self) continue;
    total += Math.max(0, ...o.candidates.map((c) => affinity(code, c)));
  }
  return total;
}

/** The best-supported candidate; on a tie the higher level (新疆 the region over 新绛 the county). */
function choose(m: Mention, usable: readonly Mention[]): string | undefined {
  if (m.candidates.length <= 1) return m.candidates[0];
  const scored = m.candidates.map((c) => ({ c, s: support(c, m, usable), l: levelOf(c) }));
  const best = Math.max(...scored.map((x) => x.s));
  const top = scored.filter((x) => x.s === best);
  const minLevel = Math.min(...top.map((x) => x.l));
  const highest = top.filter((x) => x.l === minLevel);
  if (highest.length === 1) return highest[0]?.c;
  const preferred = highest.filter((x) => m.preferred?.includes(x.c));
  return preferred.length === 1 ? preferred[0]?.c : undefined;
}

function weight(m: Mention, code: string): number {
  if (m.strength === "corroborate") return 0;
  if (m.kind === "postal-code") return 2;
  if (m.kind !== "name") return 3;
  return 4 - levelOf(code);
}

function winner(resolved: readonly ResolvedMention[]): string | undefined {
  const votes = new Map<string, number>();
  for (const r of resolved) {
    if (!r.code || r.excluded) continue;
    const p = provinceCodeOf(r.code);
    votes.set(p, (votes.get(p) ?? 0) + weight(r.mention, r.code));
  }
  const best = Math.max(0, ...votes.values());
  if (best === 0) return undefined;
  const tied = [...votes].filter(([, v]) => v === best).map(([p]) => p);
  // A tie with Xinjiang goes to Xinjiang: a missed Xinjiang origin costs more than a second look.
  return tied.includes("650000") ? "650000" : tied.length === 1 ? tied[0] : undefined;
}

function deepestIn(province: string, resolved: readonly ResolvedMention[]): string {
  const inside = resolved.filter(
    (r) => r.code && !r.excluded && !r.mention.provinceOnly && provinceCodeOf(r.code) === province,
  );
  let best: string | undefined;
  for (const r of inside) {
    const code = r.code ?? "";
    if (!best || levelOf(code) > levelOf(best)) best = code;
  }
  return best ?? province;
}

/**
 * Resolves ambiguous names against each other (Yutian + Hotan → 于田县, Xinjiang + Shanxi →
 * 新绛县), then lets the mentions vote for a province, weighted by level and kind.
 */
export function resolveMentions(mentions: readonly Mention[], chineseContext: boolean): Resolution {
  const usable = mentions.filter((m) => !m.street && (chineseContext || m.strength === "strong"));
  const resolved: ResolvedMention[] = mentions.map((m) => {
    if (m.street) return { mention: m, excluded: "street" };
    if (!usable.includes(m)) return { mention: m, excluded: "needs-context" };
    const code = choose(m, usable);
    return code ? { mention: m, code } : { mention: m, excluded: "ambiguous" };
  });
  const province = winner(resolved);
  if (!province) return { mentions: resolved };
  return { mentions: resolved, province, deepest: deepestIn(province, resolved) };
}
