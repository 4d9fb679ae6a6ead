import { type ClusterContext, DAY, newLot, noteCase, openCase, roundKg } from "./cluster-context.ts";
import { recordTransform } from "./cluster-events.ts";
import { deliver, makeGarments, originFeed, type Stock, spin } from "./cluster-steps.ts";
import type { Facility } from "./facility.ts";
import type { MakerCountry, SpinnerCountry } from "./facility-pool.ts";
import { lgtinUrn } from "./gs1-keys.ts";
import { recordImport } from "./import-shipment.ts";
import type { Taint } from "./lot-ledger.ts";
import type { OriginRegion } from "./places.ts";
import { chance, digits, intBetween, pick, uniform } from "./prng.ts";

export function caseTaint(caseId: string): Taint {
  return { flags: new Set(), listed: new Map(), cases: new Set([caseId]) };
}

export function spinnerIn(ctx: ClusterContext, countries: readonly SpinnerCountry[]): Facility {
  return pick(ctx.prng, ctx.pool.spinners[pick(ctx.prng, countries)]);
}

export function makers(
  ctx: ClusterContext,
  fabric: MakerCountry,
  garment: MakerCountry,
): { fabricMill: Facility; garmentFactory: Facility } {
  return {
    fabricMill: pick(ctx.prng, ctx.pool.fabricMills[fabric]),
    garmentFactory: pick(ctx.prng, ctx.pool.garmentFactories[garment]),
  };
}

/** Garments to a US importer: one bill of lading, or the lot split over two. */
export function shipToImporter(ctx: ClusterContext, garments: readonly Stock[], split: boolean): void {
  const first = garments[0];
  if (!first) throw new Error("shipToImporter: nothing to ship");
  const importer = pick(ctx.prng, ctx.pool.importers);
  const time = Math.max(...garments.map((g) => g.time)) + intBetween(ctx.prng, 3, 15) * DAY;
  if (!split || garments.length > 1) {
    recordImport(
      ctx,
      garments.map((g) => g.line),
      first.at,
      importer,
      time,
    );
    return;
  }
  const part = roundKg(first.line.kg * uniform(ctx.prng, 0.4, 0.6));
  recordImport(ctx, [{ lot: first.line.lot, kg: part }], first.at, importer, time);
  const second = pick(ctx.prng, ctx.pool.importers);
  recordImport(
    ctx,
    [{ lot: first.line.lot, kg: roundKg(first.line.kg - part) }],
    first.at,
    second,
    time + intBetween(ctx.prng, 4, 20) * DAY,
  );
}

/** Sends part of a lint lot, sometimes: the rest stays with the merchant with an unchanged mix. */
function deliverSome(ctx: ClusterContext, stock: Stock, to: Facility): Stock {
  return chance(ctx.prng, 0.35)
    ? deliver(ctx, stock, to, stock.line.kg * uniform(ctx.prng, 0.5, 0.9))
    : deliver(ctx, stock, to);
}

const CLEAN_ORIGINS: readonly (readonly OriginRegion[])[] = [["AU"], ["US"], ["AU", "US"], ["US", "AU"]];

/** Case 5: Australian/US lint → Pakistani or Vietnamese spinner → Bangladeshi fabric and garments → US. */
export function buildClean(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "clean",
    "Australian and/or US cotton, spun in Pakistan or Vietnam, woven and sewn in Bangladesh: fully traced, no listed entity, mass balance within yields. Should pass.",
  );
  const feeds = pick(ctx.prng, CLEAN_ORIGINS).map((region) =>
    originFeed(ctx, region, intBetween(ctx.prng, 1, 3)),
  );
  const spinner = spinnerIn(ctx, ["PK", "VN"]);
  const yarn = spin(
    ctx,
    spinner,
    feeds.map((feed) => deliverSome(ctx, feed, spinner)),
    { twoEvents: chance(ctx.prng, 0.5), taint: caseTaint(caseId) },
  );
  const { fabricMill, garmentFactory } = makers(ctx, "BD", "BD");
  const garments = makeGarments(ctx, yarn, { fabricMill, garmentFactory });
  shipToImporter(ctx, [garments], chance(ctx.prng, 0.5));
  noteCase(ctx, caseId, {
    eventIds: yarn.eventIds ?? [],
    lots: [yarn.line.lot, garments.line.lot],
    locations: [spinner.sgln, fabricMill.sgln, garmentFactory.sgln],
  });
}

/** The ordinary tainted chain: Xinjiang lint blended with imported lint at a Chinese spinner. */
export function buildXinjiangBlend(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "xinjiang-blend",
    "Xinjiang lint blended with US, Brazilian or Australian lint at a Chinese spinner, made up in Vietnam or Cambodia: Xinjiang share above zero.",
  );
  const other = pick(ctx.prng, ["US", "BR", "AU"] as const);
  const feeds = [
    originFeed(ctx, "CN-XJ", intBetween(ctx.prng, 1, 3)),
    originFeed(ctx, other, intBetween(ctx.prng, 1, 2)),
  ];
  if (chance(ctx.prng, 0.3)) feeds.push(originFeed(ctx, "CN-XJ", 1));
  const spinner = spinnerIn(ctx, ["CN"]);
  const yarn = spin(
    ctx,
    spinner,
    feeds.map((feed) => deliverSome(ctx, feed, spinner)),
    { twoEvents: chance(ctx.prng, 0.5), taint: caseTaint(caseId) },
  );
  const { fabricMill, garmentFactory } = makers(ctx, "VN", pick(ctx.prng, ["VN", "KH"] as const));
  const garments = makeGarments(ctx, yarn, { fabricMill, garmentFactory });
  shipToImporter(ctx, [garments], chance(ctx.prng, 0.4));
  noteCase(ctx, caseId, {
    eventIds: yarn.eventIds ?? [],
    lots: [...feeds.map((f) => f.line.lot), yarn.line.lot],
    locations: [spinner.sgln],
  });
}

/** Case 1: Xinjiang lint relabelled by a Qingdao merchant as US cotton under a new lot id. */
export function buildRelabelledLot(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "relabelled-lot",
    "A merchant receives Xinjiang lint and re-issues it under a new lot id claiming US origin (TransformationEvent, repackaging, equal quantity, ILMD countryOfOrigin US). The claim is contradicted by the trace.",
  );
  const trader = ctx.pool.relabelTrader;
  const xinjiang = deliver(ctx, originFeed(ctx, "CN-XJ", intBetween(ctx.prng, 1, 3)), trader);
  const relabelled = { lot: newLot(ctx, trader, "cotton lint"), kg: xinjiang.line.kg };
  const time = xinjiang.time + intBetween(ctx.prng, 2, 8) * DAY;
  const relabel = recordTransform(ctx, {
    facility: trader,
    time,
    inputs: [xinjiang.line],
    outputs: [relabelled],
    inputProduct: "cotton lint",
    outputProduct: "cotton lint",
    bizStep: "repackaging",
    claim: "US",
    taint: caseTaint(caseId),
  });
  const spinner = spinnerIn(ctx, ["VN"]);
  const australian = originFeed(ctx, "AU", intBetween(ctx.prng, 1, 2));
  const lint = [
    deliver(ctx, { line: relabelled, at: trader, time }, spinner),
    deliver(ctx, australian, spinner),
  ];
  const yarn = spin(ctx, spinner, lint);
  const garments = makeGarments(ctx, yarn, makers(ctx, "BD", "BD"));
  shipToImporter(ctx, [garments], false);
  noteCase(ctx, caseId, {
    eventIds: [relabel.id],
    lots: [xinjiang.line.lot, relabelled.lot],
    locations: [trader.sgln],
  });
}

/** Case 2: clean US/Australian lint spun by a UFLPA-listed spinner (CBP ruling H318182). */
export function buildListedProcessor(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "listed-entity-processor",
    "US and Australian lint (clean origin) spun by a spinner operated by an entity on the UFLPA Entity List: the listed processor taints the goods (CBP ruling H318182).",
  );
  const spinner = ctx.pool.listedSpinner;
  const feeds = [
    originFeed(ctx, "US", intBetween(ctx.prng, 1, 2)),
    originFeed(ctx, "AU", intBetween(ctx.prng, 1, 2)),
  ];
  const yarn = spin(
    ctx,
    spinner,
    feeds.map((feed) => deliver(ctx, feed, spinner)),
    { taint: caseTaint(caseId) },
  );
  const garments = makeGarments(ctx, yarn, makers(ctx, "VN", "KH"));
  shipToImporter(ctx, [garments], chance(ctx.prng, 0.5));
  noteCase(ctx, caseId, { eventIds: yarn.eventIds ?? [], lots: [yarn.line.lot], locations: [spinner.sgln] });
}

/** Case 3: a spinner consumes a lint lot that no event creates; its mass is unknown. */
export function buildUntracedInput(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "untraced-input",
    "A spinner consumes, beside traced Brazilian lint, a lint lot that no event creates: its mass counts as unknown origin.",
  );
  const spinner = spinnerIn(ctx, ["CN", "IN"]);
  const brazil = deliver(ctx, originFeed(ctx, "BR", intBetween(ctx.prng, 1, 3)), spinner);
  const untraced = {
    lot: lgtinUrn(
      `699${digits(ctx.prng, 4)}`,
      "10002",
      `U${String(ctx.season).slice(2)}-${String(ctx.index).padStart(6, "0")}`,
    ),
    kg: intBetween(ctx.prng, 8_000, 30_000),
  };
  const yarn = spin(ctx, spinner, [brazil], { extraInputs: [untraced], taint: caseTaint(caseId) });
  const garments = makeGarments(ctx, yarn, makers(ctx, "VN", "KH"));
  shipToImporter(ctx, [garments], chance(ctx.prng, 0.5));
  noteCase(ctx, caseId, { eventIds: yarn.eventIds ?? [], lots: [untraced.lot], locations: [spinner.sgln] });
}
