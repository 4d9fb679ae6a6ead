import type { Verdict } from "../api-types.ts";

const LABELS: Record<Verdict, string> = {
  inadmissible: "Inadmissible",
  "insufficient-evidence": "Insufficient evidence",
  admissible: "Admissible",
};

/** Colour and words together: the verdict must read without colour too. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge verdict-${verdict}`}>{LABELS[verdict] ?? verdict}</span>;
}
