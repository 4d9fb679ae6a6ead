import type { LotTrace } from "../trace/index.ts";
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

export function assessShipments(ctx: TraceContext): ShipmentAssessment[] {
  return listShipments(ctx).map((shipment) => {
    const trace = traceWithContext(ctx, shipment.bizTransaction, "up") as LotTrace;
    return { shipment, trace, verdict: verdictOf(trace) };
  });
}
