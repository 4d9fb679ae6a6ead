import type { LotLine } from "./chain-event.ts";
import { type ClusterContext, DAY, newLot, roundKg } from "./cluster-context.ts";
import { drawYield, recordMove, recordOrigin, recordTransform } from "./cluster-events.ts";
import type { Facility } from "./facility.ts";
import type { Taint } from "./lot-ledger.ts";
import type { OriginRegion } from "./places.ts";
import { intBetween, pick, uniform } from "./prng.ts";

/** A lot sitting at a facility from a given time: what the next step starts from. */
export interface Stock {
  readonly line: LotLine;
  readonly at: Facility;
  readonly time: number;
  /** The events that made this stock, for the planted-case records. */
  readonly eventIds?: readonly string[];
}

const HOUR = 3_600_000;

/** Harvest months: northern autumn for Xinjiang, Texas and Gujarat; southern autumn for Australia and Mato Grosso. */
function harvestStart(ctx: ClusterContext, region: OriginRegion): number {
  const month = region === "AU" ? 3 : region === "BR" ? 6 : 8;
  return (
    Date.UTC(ctx.season, month, 10) + intBetween(ctx.prng, 0, 50) * DAY + intBetween(ctx.prng, 1, 9) * HOUR
  );
}

/**
 * Farms commission seed cotton, a gin turns it into one lint lot (turnout 0.33–0.42), and the
 * lint goes to a merchant of the same origin. Returns the lint at the merchant.
 */
export function originFeed(ctx: ClusterContext, region: OriginRegion, seedLots: number): Stock {
  const farms = [pick(ctx.prng, ctx.pool.farms[region]), pick(ctx.prng, ctx.pool.farms[region])];
  const gin = pick(ctx.prng, ctx.pool.gins[region]);
  let time = harvestStart(ctx, region);
  let ginStart = time;
  const seeds: LotLine[] = [];
  for (let i = 0; i < seedLots; i++) {
    const farm = farms[i % farms.length] as Facility;
    const seed = recordOrigin(ctx, farm, intBetween(ctx.prng, 18_000, 60_000), time);
    const { receive } = recordMove(
      ctx,
      [seed],
      "seed cotton",
      farm,
      gin,
      time + intBetween(ctx.prng, 1, 4) * DAY,
    );
    ginStart = Math.max(ginStart, receive.time);
    seeds.push(seed);
    time += intBetween(ctx.prng, 1, 6) * DAY;
  }
  const seedKg = seeds.reduce((sum, seed) => sum + seed.kg, 0);
  const lint = { lot: newLot(ctx, gin, "cotton lint"), kg: roundKg(seedKg * drawYield(ctx, 0.33, 0.42)) };
  const ginTime = ginStart + intBetween(ctx.prng, 2, 12) * DAY;
  recordTransform(ctx, {
    facility: gin,
    time: ginTime,
    inputs: seeds,
    outputs: [lint],
    inputProduct: "seed cotton",
    outputProduct: "cotton lint",
  });
  const trader = pick(ctx.prng, ctx.pool.traders[region]);
  const { receive } = recordMove(
    ctx,
    [lint],
    "cotton lint",
    gin,
    trader,
    ginTime + intBetween(ctx.prng, 2, 10) * DAY,
  );
  return { line: lint, at: trader, time: receive.time };
}

/** Moves `kg` of a stock to another facility (all of it when `kg` is omitted). */
export function deliver(ctx: ClusterContext, stock: Stock, to: Facility, kg?: number): Stock {
  const line = { lot: stock.line.lot, kg: roundKg(kg ?? stock.line.kg) };
  const start = stock.time + intBetween(ctx.prng, 3, 20) * DAY;
  const { receive } = recordMove(ctx, [line], "cotton lint", stock.at, to, start);
  return { line, at: to, time: receive.time };
}

export interface SpinOptions {
  readonly yieldRange?: readonly [number, number];
  readonly claim?: string;
  readonly taint?: Taint;
  /** Two spinning events into one yarn lot (the lot's mix is then their output-weighted average). */
  readonly twoEvents?: boolean;
  /** Lots consumed without having been delivered (an untraced input). */
  readonly extraInputs?: readonly LotLine[];
  /** A stated output mass instead of a drawn yield (planted over-claims). */
  readonly outputKg?: number;
}

function latest(stocks: readonly Stock[]): number {
  return stocks.reduce((max, stock) => Math.max(max, stock.time), 0);
}

/** Lint lots delivered to a spinner become one yarn lot (carded yield 0.85–0.90). */
export function spin(
  ctx: ClusterContext,
  spinner: Facility,
  lint: readonly Stock[],
  options: SpinOptions = {},
): Stock {
  const [min, max] = options.yieldRange ?? [0.85, 0.9];
  const yarnLot = newLot(ctx, spinner, "yarn");
  const inputs = [...lint.map((stock) => stock.line), ...(options.extraInputs ?? [])];
  const batches = options.twoEvents && inputs.length >= 2 ? splitBatches(ctx, inputs) : [inputs];
  let time = latest(lint) + intBetween(ctx.prng, 4, 20) * DAY;
  let yarnKg = 0;
  const eventIds: string[] = [];
  for (const batch of batches) {
    const inKg = batch.reduce((sum, line) => sum + line.kg, 0);
    const kg = options.outputKg ?? inKg * uniform(ctx.prng, min + 0.004, max - 0.004);
    const output = { lot: yarnLot, kg: roundKg(kg) };
    const event = recordTransform(ctx, {
      facility: spinner,
      time,
      inputs: batch,
      outputs: [output],
      inputProduct: "cotton lint",
      outputProduct: "yarn",
      ...(options.claim ? { claim: options.claim } : {}),
      ...(options.taint ? { taint: options.taint } : {}),
    });
    eventIds.push(event.id);
    yarnKg += output.kg;
    time += intBetween(ctx.prng, 2, 9) * DAY;
  }
  return { line: { lot: yarnLot, kg: roundKg(yarnKg) }, at: spinner, time, eventIds };
}

/** First batch: the first lot and 30–60 % of the second; second batch: the rest. Different mixes on purpose. */
function splitBatches(ctx: ClusterContext, inputs: readonly LotLine[]): LotLine[][] {
  const [first, second, ...rest] = inputs as [LotLine, LotLine, ...LotLine[]];
  const part = roundKg(second.kg * uniform(ctx.prng, 0.3, 0.6));
  return [
    [first, { lot: second.lot, kg: part }],
    [{ lot: second.lot, kg: roundKg(second.kg - part) }, ...rest],
  ];
}

export interface MakeOptions {
  readonly fabricMill: Facility;
  readonly garmentFactory: Facility;
  /** Cut-make-trim yield; 0.80–0.90 normally, above 0.90 where over-claiming is planted. */
  readonly garmentYield?: readonly [number, number];
  readonly taint?: Taint;
}

/** Yarn → greige fabric (0.92–0.98) at a mill → garments (cut-make-trim) at a factory. */
export function makeGarments(ctx: ClusterContext, yarn: Stock, options: MakeOptions): Stock {
  const atMill = deliverAs(ctx, yarn, options.fabricMill, "yarn");
  const fabric = {
    lot: newLot(ctx, options.fabricMill, "greige fabric"),
    kg: roundKg(atMill.line.kg * drawYield(ctx, 0.92, 0.98)),
  };
  const weaveTime = atMill.time + intBetween(ctx.prng, 5, 25) * DAY;
  recordTransform(ctx, {
    facility: options.fabricMill,
    time: weaveTime,
    inputs: [atMill.line],
    outputs: [fabric],
    inputProduct: "yarn",
    outputProduct: "greige fabric",
  });
  const atFactory = deliverAs(
    ctx,
    { line: fabric, at: options.fabricMill, time: weaveTime },
    options.garmentFactory,
    "greige fabric",
  );
  const [min, max] = options.garmentYield ?? [0.8, 0.9];
  const garments = {
    lot: newLot(ctx, options.garmentFactory, "garments"),
    kg: roundKg(atFactory.line.kg * drawYield(ctx, min, max)),
  };
  const sewTime = atFactory.time + intBetween(ctx.prng, 7, 30) * DAY;
  const sewing = recordTransform(ctx, {
    facility: options.garmentFactory,
    time: sewTime,
    inputs: [atFactory.line],
    outputs: [garments],
    inputProduct: "greige fabric",
    outputProduct: "garments",
    pieces: Math.round(garments.kg / 0.21),
    ...(options.taint ? { taint: options.taint } : {}),
  });
  return { line: garments, at: options.garmentFactory, time: sewTime, eventIds: [sewing.id] };
}

function deliverAs(
  ctx: ClusterContext,
  stock: Stock,
  to: Facility,
  product: "yarn" | "greige fabric",
): Stock {
  const { receive } = recordMove(
    ctx,
    [stock.line],
    product,
    stock.at,
    to,
    stock.time + intBetween(ctx.prng, 2, 12) * DAY,
  );
  return { line: stock.line, at: to, time: receive.time };
}
