import { computeMassBalance, type MassBalance } from "../trace/index.ts";
import type { Store } from "./store.ts";
import { loadTraceContext } from "./trace-context.ts";

export interface BalanceOptions {
  readonly period?: "month" | "quarter" | "year";
}

/** Mass balance of every location: claimed outputs against traced inputs × the stage's maximum yield. */
export async function balanceInStore(store: Store, options: BalanceOptions = {}): Promise<MassBalance> {
  const ctx = await loadTraceContext(store);
  return computeMassBalance(ctx.graph, ctx.composition, {
    stageOf: ctx.stageOf,
    nameOf: (id) => ctx.locations.get(id)?.name,
    ...(options.period === undefined ? {} : { period: options.period }),
  });
}
