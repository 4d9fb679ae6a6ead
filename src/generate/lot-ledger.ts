import { blendMixes, type Mix, pureMix, UNKNOWN } from "./composition.ts";
import type { FlagCode, ListedHitTruth } from "./ground-truth-types.ts";

/** What a lot carries forward besides its mix: flags raised upstream, listed entities, planted cases. */
export interface Taint {
  readonly flags: ReadonlySet<FlagCode>;
  readonly listed: ReadonlyMap<string, ListedHitTruth>;
  readonly cases: ReadonlySet<string>;
}

export const NO_TAINT: Taint = { flags: new Set(), listed: new Map(), cases: new Set() };

export function mergeTaints(taints: readonly Taint[]): Taint {
  const flags = new Set<FlagCode>();
  const listed = new Map<string, ListedHitTruth>();
  const cases = new Set<string>();
  for (const taint of taints) {
    for (const flag of taint.flags) flags.add(flag);
    for (const [key, hit] of taint.listed) listed.set(key, hit);
    for (const id of taint.cases) cases.add(id);
  }
  return { flags, listed, cases };
}

interface LotState {
  readonly parts: { mix: Mix; kg: number }[];
  readonly taints: Taint[];
  mix?: Mix;
}

/**
 * Every lot of one cluster with the mixes of the events that produced it. A lot's mix is fixed
 * the first time it is consumed: the builders produce all of a lot before using any of it, which
 * the ledger enforces so that the ground truth matches the time-independent rule.
 */
export class LotLedger {
  readonly #lots = new Map<string, LotState>();

  produce(lot: string, mix: Mix, kg: number, taint: Taint): void {
    const state = this.#lots.get(lot) ?? { parts: [], taints: [] };
    if (state.mix) throw new Error(`lot ${lot} produced after it was consumed`);
    state.parts.push({ mix, kg });
    state.taints.push(taint);
    this.#lots.set(lot, state);
  }

  /** Mix and taint of a lot; a lot no event produced is untraced: unknown mass, flagged. */
  read(lot: string): { readonly mix: Mix; readonly taint: Taint } {
    const state = this.#lots.get(lot);
    if (!state)
      return { mix: pureMix(UNKNOWN), taint: { ...NO_TAINT, flags: new Set<FlagCode>(["untraced-input"]) } };
    state.mix ??= blendMixes(state.parts);
    return { mix: state.mix, taint: mergeTaints(state.taints) };
  }

  has(lot: string): boolean {
    return this.#lots.has(lot);
  }
}
