import type { ShipmentRow } from "../api-types.ts";

const LABELS: Record<ShipmentRow["verdict"], string> = {
  inadmissible: "Inadmissible",
  "insufficient-evidence": "Insufficient evidence",
  admissible: "Admissible",
};

/** Colour and words together: the verdict must read without colour too. */
export function VerdictBadge({ verdict }: { verdict: ShipmentRow["verdict"] }) {
  return <span className={`badge verdict-${verdict}`}>{LABELS[verdict] ?? verdict}</span>;
}
