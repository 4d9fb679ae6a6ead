import {
  ancestorLocations,
  computeMassBalance,
  type LotTrace,
  type MassBalance,
  type TraceFlag,
} from "../trace/index.ts";
import { listShipments, type Shipment } from "./list-shipments.ts";
import type { TraceContext } from "./trace-context.ts";
import { traceWithContext } from "./trace-in-store.ts";

/** One import shipment with its trace: the row of the main job's summary table. */
export interface ShipmentAssessment {
  readonly shipment: Shipment;
  readonly trace: LotTrace;
  /** `inadmissible`: Xinjiang share or a listed entity; `insufficient-evidence`: unknown share or open flags. */
  readonly verdict: "admissible" | "inadmissible" | "insufficient-evidence";
}

function verdictOf(trace: LotTrace): ShipmentAssessment["verdict"] {
  // No de minimis: any traced Xinjiang mass or any listed entity makes the goods inadmissible.
  if (trace.xinjiangShare > 0 || trace.listedEntityInChain) return "inadmissible";
  const blocking = trace.flags.some((f) => f.code !== "prior-applied");
  return trace.unknownShare > 0 || blocking ? "insufficient-evidence" : "admissible";
}

/** Balance flags of every over-claiming location, by location id. */
function exceededLocations(balance: MassBalance): Map<string, TraceFlag[]> {
  const out = new Map<string, TraceFlag[]>();
  for (const l of balance.locations) {
    if (l.status === "exceeded") out.set(l.location, [...(out.get(l.location) ?? []), ...l.flags]);
  }
  return out;
}

/**
 * A shipment whose ancestry passed through a facility whose outputs its inputs cannot explain
 * carries that facility's `mass-balance-exceeded` flag: its origin evidence is only as good as
 * that facility's records.
 */
function withBalanceFlags(
  ctx: TraceContext,
  trace: LotTrace,
  lots: readonly string[],
  exceeded: Map<string, TraceFlag[]>,
): LotTrace {
  const upstream = new Set(lots.flatMap((lot) => ancestorLocations(ctx.graph, lot)));
  const flags = [...upstream].flatMap((l) => exceeded.get(l) ?? []);
  return flags.length === 0 ? trace : { ...trace, flags: [...trace.flags, ...flags] };
}

export function assessShipments(ctx: TraceContext): ShipmentAssessment[] {
  const balance = computeMassBalance(ctx.graph, ctx.composition, { stageOf: ctx.stageOf });
  const exceeded = exceededLocations(balance);
  return listShipments(ctx).map((shipment) => {
    const traced = traceWithContext(ctx, shipment.bizTransaction, "up");
    const lots = traced.target.lots.map((l) => l.lot);
    const trace = withBalanceFlags(ctx, traced as LotTrace, lots, exceeded);
    return { shipment, trace, verdict: verdictOf(trace) };
  });
}
