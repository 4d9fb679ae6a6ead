import { computeMassBalance, type MassBalance } from "../trace/index.ts";
import type { Store } from "./store.ts";
import { loadTraceContext, type TraceContext } from "./trace-context.ts";

export interface BalanceOptions {
  readonly period?: "month" | "quarter" | "year";
}

/** Mass balance of every location: claimed outputs against traced inputs × the stage's maximum yield. */
export async function balanceInStore(store: Store, options: BalanceOptions = {}): Promise<MassBalance> {
  return balanceWithContext(await loadTraceContext(store), options);
}

/** The same on a trace context already loaded (the server keeps one). */
export function balanceWithContext(ctx: TraceContext, options: BalanceOptions = {}): MassBalance {
  return computeMassBalance(ctx.graph, ctx.composition, {
    stageOf: ctx.stageOf,
    nameOf: (id) => ctx.locations.get(id)?.name,
    ...(options.period === undefined ? {} : { period: options.period }),
  });
}
