import type { ChainEvent, LotLine, Product } from "./chain-event.ts";
import {
  type ClusterContext,
  DAY,
  eventId,
  facilityTaint,
  movementDocs,
  newLot,
  roundKg,
} from "./cluster-context.ts";
import { blendMixes, claimContradicted, type Mix, pureMix } from "./composition.ts";
import type { Facility } from "./facility.ts";
import type { FlagCode, MassTotals } from "./ground-truth-types.ts";
import { mergeTaints, type Taint } from "./lot-ledger.ts";
import { intBetween, uniform } from "./prng.ts";

/** A farm commissions a seed-cotton lot: an origin lot, 100 % the farm's region. */
export function recordOrigin(ctx: ClusterContext, farm: Facility, kg: number, time: number): LotLine {
  const lot = newLot(ctx, farm, "seed cotton");
  const output = { lot, kg: roundKg(kg) };
  const origin = farm.origin ?? farm.place.country;
  ctx.events.push({
    kind: "origin",
    id: eventId(ctx),
    time,
    facility: farm,
    docs: {},
    output,
    product: "seed cotton",
    claim: farm.place.country,
  });
  ctx.ledger.produce(lot, pureMix(origin), output.kg, facilityTaint(farm));
  return output;
}

/** Transit days: a truck within a country, a ship across borders. */
export function transitDays(ctx: ClusterContext, from: Facility, to: Facility): number {
  return from.place.country === to.place.country ? intBetween(ctx.prng, 2, 9) : intBetween(ctx.prng, 18, 42);
}

/** Ship then receive: custody moves, mixes do not. Returns the shipping and receiving events. */
export function recordMove(
  ctx: ClusterContext,
  lines: readonly LotLine[],
  product: Product,
  from: Facility,
  to: Facility,
  time: number,
): { ship: ChainEvent & { kind: "ship" }; receive: ChainEvent & { kind: "receive" } } {
  const docs = movementDocs(ctx, from, to);
  const ship = { kind: "ship" as const, id: eventId(ctx), time, facility: from, docs, lines, product, to };
  const arrival = time + transitDays(ctx, from, to) * DAY + intBetween(ctx.prng, 0, 600) * 60_000;
  const receive = {
    kind: "receive" as const,
    id: eventId(ctx),
    time: arrival,
    facility: to,
    docs,
    lines,
    product,
    from,
  };
  ctx.events.push(ship, receive);
  return { ship, receive };
}

export interface TransformSpec {
  readonly facility: Facility;
  readonly time: number;
  readonly inputs: readonly LotLine[];
  readonly outputs: readonly LotLine[];
  readonly inputProduct: Product;
  readonly outputProduct: Product;
  readonly bizStep?: "commissioning" | "repackaging";
  readonly claim?: string;
  readonly pieces?: number;
  /** Extra taint on the outputs (a planted case's marker). */
  readonly taint?: Taint;
  /** Set for an erroneous event: it is written, then retracted, and leaves every computation. */
  readonly retractedBy?: { readonly correctiveEventId: string; readonly declarationTime: number };
}

function inputMixAndTaint(ctx: ClusterContext, inputs: readonly LotLine[]): { mix: Mix; taint: Taint } {
  const read = inputs.map((line) => ({ ...ctx.ledger.read(line.lot), kg: line.kg }));
  return { mix: blendMixes(read), taint: mergeTaints(read.map((r) => r.taint)) };
}

/** Inputs become outputs; each output gets the input-mass-weighted mix of the inputs. */
export function recordTransform(
  ctx: ClusterContext,
  spec: TransformSpec,
): ChainEvent & { kind: "transform" } {
  const event = {
    kind: "transform" as const,
    id: eventId(ctx),
    time: spec.time,
    facility: spec.facility,
    docs: { prodorder: `PRD-${ctx.index}-${ctx.counters.doc++}` },
    bizStep: spec.bizStep ?? "commissioning",
    inputs: spec.inputs,
    outputs: spec.outputs,
    inputProduct: spec.inputProduct,
    outputProduct: spec.outputProduct,
    ...(spec.claim ? { claim: spec.claim } : {}),
    ...(spec.pieces ? { pieces: spec.pieces } : {}),
  };
  ctx.events.push(event);
  if (spec.retractedBy) {
    const { correctiveEventId, declarationTime } = spec.retractedBy;
    const errorDeclaration = {
      declarationTime,
      reason: "incorrect_data",
      correctiveEventIds: [correctiveEventId],
    };
    ctx.events.push({ ...event, errorDeclaration });
    return event;
  }
  const { mix, taint } = inputMixAndTaint(ctx, spec.inputs);
  const flags = new Set<FlagCode>();
  if (spec.claim && claimContradicted(spec.claim, mix)) flags.add("origin-claim-contradicted");
  if (spec.facility.plant === "over-claim-garment" || spec.facility.plant === "over-claim-spinner")
    flags.add("mass-balance-exceeded");
  const own: Taint = { flags, listed: new Map(), cases: new Set() };
  const outTaint = mergeTaints([
    taint,
    facilityTaint(spec.facility),
    own,
    ...(spec.taint ? [spec.taint] : []),
  ]);
  for (const output of spec.outputs) ctx.ledger.produce(output.lot, mix, output.kg, outTaint);
  addMassTotals(ctx, spec, mix);
  return event;
}

/** Per-location totals, kept for the facilities whose mass balance is planted to fail. */
function addMassTotals(ctx: ClusterContext, spec: TransformSpec, mix: Mix): void {
  const facility = spec.facility;
  if (facility.plant !== "over-claim-garment" && facility.plant !== "over-claim-spinner") return;
  const totals: MassTotals = ctx.massTotals.get(facility.sgln) ?? {
    location: facility.sgln,
    name: facility.name,
    party: facility.party.id,
    stage: facility.role === "garment" ? "cut-make-trim" : "spinning",
    inputKg: 0,
    outputKg: 0,
    inputKgByOrigin: {},
    claimedOutputKg: {},
  };
  const inKg = spec.inputs.reduce((sum, line) => sum + line.kg, 0);
  const outKg = spec.outputs.reduce((sum, line) => sum + line.kg, 0);
  totals.inputKg += inKg;
  totals.outputKg += outKg;
  for (const [origin, share] of Object.entries(mix))
    totals.inputKgByOrigin[origin] = (totals.inputKgByOrigin[origin] ?? 0) + share * inKg;
  if (spec.claim) totals.claimedOutputKg[spec.claim] = (totals.claimedOutputKg[spec.claim] ?? 0) + outKg;
  ctx.massTotals.set(facility.sgln, totals);
}

/** A yield drawn well inside a stage's range, so rounding to 0.1 kg cannot push it outside. */
export function drawYield(ctx: ClusterContext, min: number, max: number): number {
  return uniform(ctx.prng, min + 0.004, max - 0.004);
}
