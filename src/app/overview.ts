import type { MassBalance } from "../trace/index.ts";
import type { ShipmentAssessment } from "./assess-shipments.ts";
import { balanceWithContext } from "./balance-in-store.ts";
import type { ReadModel } from "./read-model.ts";
import type { HitCounts } from "./record-listings.ts";
import type { Store, StoreStats } from "./store.ts";
import type { TraceResult } from "./trace-in-store.ts";
import { traceWithContext } from "./trace-in-store.ts";

export type VerdictCounts = Record<ShipmentAssessment["verdict"], number>;

export interface LocationWithGaps {
  readonly location: string;
  readonly name: string | null;
  readonly operator: string | null;
  /** Flag code → shipments whose flags name the location. */
  readonly flags: Readonly<Record<string, number>>;
}

export interface Overview {
  readonly store: { readonly kind: Store["kind"] };
  readonly counts: Omit<StoreStats, "eventsByKind" | "locationsByCountry">;
  readonly eventsByKind: StoreStats["eventsByKind"];
  readonly locationsByCountry: StoreStats["locationsByCountry"];
  readonly hits: HitCounts;
  readonly shipments: VerdictCounts;
  readonly locationsWithGaps: readonly LocationWithGaps[];
}

export function verdictCounts(assessments: readonly ShipmentAssessment[]): VerdictCounts {
  const counts: VerdictCounts = { admissible: 0, inadmissible: 0, "insufficient-evidence": 0 };
  for (const a of assessments) counts[a.verdict] += 1;
  return counts;
}

/** Locations that shipments' flags point at (untraced input, balance exceeded, contradicted claim…). */
function locationsWithGaps(
  model: { locations: ReadonlyMap<string, { name?: string; operator?: string }> },
  assessments: readonly ShipmentAssessment[],
): LocationWithGaps[] {
  const byLocation = new Map<string, Map<string, Set<string>>>();
  for (const a of assessments) {
    for (const f of a.trace.flags) {
      if (!f.location || f.code === "prior-applied") continue;
      const codes = byLocation.get(f.location) ?? new Map<string, Set<string>>();
      codes.set(f.code, (codes.get(f.code) ?? new Set()).add(a.shipment.id));
      byLocation.set(f.location, codes);
    }
  }
  const rows = [...byLocation].map(([location, codes]) => {
    const l = model.locations.get(location);
    const flags = Object.fromEntries([...codes].map(([code, shipments]) => [code, shipments.size]));
    return { location, name: l?.name ?? null, operator: l?.operator ?? null, flags };
  });
  const weight = (r: LocationWithGaps) => Object.values(r.flags).reduce((a, b) => a + b, 0);
  return rows.sort((a, b) => weight(b) - weight(a) || a.location.localeCompare(b.location));
}

/** The dashboard: store counts, hits by state, shipments by verdict, where the gaps are. */
export async function overview(store: Store, model: ReadModel): Promise<Overview> {
  const [stats, hits, assessments, ctx] = await Promise.all([
    store.stats(),
    model.hits(),
    model.assessments(),
    model.traceContext(),
  ]);
  const { eventsByKind, locationsByCountry, ...counts } = stats;
  const hitCounts = { open: 0, confirmed: 0, dismissed: 0 };
  for (const h of hits) hitCounts[h.review.state === "reopened" ? "open" : h.review.state] += 1;
  return {
    store: { kind: store.kind },
    counts,
    eventsByKind,
    locationsByCountry,
    hits: hitCounts,
    shipments: verdictCounts(assessments),
    locationsWithGaps: locationsWithGaps(ctx, assessments),
  };
}

/** `threadproof trace ID [--down]` on the read model's graph. */
export async function traceFromModel(
  model: ReadModel,
  id: string,
  direction: "up" | "down",
): Promise<TraceResult> {
  return traceWithContext(await model.traceContext(), id, direction);
}

/** `threadproof balance` on the read model's graph. */
export async function balanceFromModel(
  model: ReadModel,
  period?: "month" | "quarter" | "year",
): Promise<MassBalance> {
  return balanceWithContext(await model.traceContext(), period === undefined ? {} : { period });
}
