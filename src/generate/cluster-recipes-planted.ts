import { type ClusterContext, DAY, newLot, noteCase, openCase, roundKg } from "./cluster-context.ts";
import { drawYield, recordTransform } from "./cluster-events.ts";
import { caseTaint, makers, shipToImporter, spinnerIn } from "./cluster-recipes.ts";
import { deliver, makeGarments, originFeed, type Stock, spin } from "./cluster-steps.ts";
import { chance, intBetween, pick, uniform } from "./prng.ts";

/** Case 4a: a garment factory states more garments than its fabric × 0.90 could make. */
export function buildOverClaimedGarment(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "over-claimed-garment",
    "A Bangladeshi garment factory states garment output above its fabric input × 0.90 (the maximum cut-make-trim yield).",
  );
  const spinner = spinnerIn(ctx, ["IN"]);
  const feeds = [
    originFeed(ctx, "US", intBetween(ctx.prng, 1, 2)),
    originFeed(ctx, "BR", intBetween(ctx.prng, 1, 2)),
  ];
  const yarn = spin(
    ctx,
    spinner,
    feeds.map((feed) => deliver(ctx, feed, spinner)),
  );
  const garmentFactory = ctx.pool.overClaimGarment;
  const { fabricMill } = makers(ctx, "BD", "BD");
  const garments = makeGarments(ctx, yarn, {
    fabricMill,
    garmentFactory,
    garmentYield: [0.95, 1.12],
    taint: caseTaint(caseId),
  });
  shipToImporter(ctx, [garments], chance(ctx.prng, 0.5));
  noteCase(ctx, caseId, {
    eventIds: garments.eventIds ?? [],
    lots: [garments.line.lot],
    locations: [garmentFactory.sgln],
  });
}

/**
 * Case 4b: a spinner buys a little US lint and a lot of Xinjiang lint, and states far more
 * "US" yarn than the US lint could make (over 0.90 × US input). Its total output stays within
 * the spinning yield: only the claim-based balance catches it.
 */
export function buildOverClaimedSpinner(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "over-claimed-spinner",
    "A Vietnamese spinner claims more US-origin yarn than its US lint × 0.90 could make, the rest of its lint being from Xinjiang; its total output is within the spinning yield.",
  );
  const spinner = ctx.pool.overClaimSpinner;
  const us = deliver(ctx, originFeed(ctx, "US", 1), spinner);
  const xinjiang = deliver(ctx, originFeed(ctx, "CN-XJ", 3), spinner);
  const usKg = us.line.kg;
  const xjKg = xinjiang.line.kg;
  const total = (usKg + xjKg) * uniform(ctx.prng, 0.855, 0.885);
  const claimed = roundKg(Math.min(usKg * uniform(ctx.prng, 1.5, 1.9), total - 0.35 * xjKg));
  const taint = caseTaint(caseId);
  const usYarn = spin(ctx, spinner, [us], { claim: "US", outputKg: claimed, taint });
  const xjYarn = spin(ctx, spinner, [xinjiang], { outputKg: total - claimed, taint });
  const shared = makers(ctx, "VN", pick(ctx.prng, ["VN", "KH"] as const));
  const garments = [makeGarments(ctx, usYarn, shared), makeGarments(ctx, xjYarn, shared)];
  if (chance(ctx.prng, 0.5)) shipToImporter(ctx, garments, false);
  else for (const g of garments) shipToImporter(ctx, [g], false);
  noteCase(ctx, caseId, {
    eventIds: [...(usYarn.eventIds ?? []), ...(xjYarn.eventIds ?? [])],
    lots: [usYarn.line.lot, xjYarn.line.lot],
    locations: [spinner.sgln],
  });
}

/**
 * Case 6: a Vietnamese spinner's production record wrongly lists part of a Xinjiang lint lot as
 * input; the event is retracted (same eventID, errorDeclaration) and a corrective event lists
 * the US lint alone. The Xinjiang lot really went to a Chinese spinner.
 */
export function buildRetractedEvent(ctx: ClusterContext): void {
  const caseId = openCase(
    ctx,
    "retracted-event",
    "A spinning event that wrongly listed a Xinjiang lint lot as input is retracted (errorDeclaration, same eventID) and replaced by a corrective event with US lint only: ignoring the retraction would wrongly taint that yarn.",
  );
  const spinner = spinnerIn(ctx, ["VN"]);
  const us = deliver(ctx, originFeed(ctx, "US", intBetween(ctx.prng, 1, 2)), spinner);
  const xinjiang = originFeed(ctx, "CN-XJ", intBetween(ctx.prng, 1, 2));
  const yarnLot = newLot(ctx, spinner, "yarn");
  const time = us.time + intBetween(ctx.prng, 4, 15) * DAY;
  const yieldFactor = drawYield(ctx, 0.85, 0.9);
  const corrective = recordTransform(ctx, {
    facility: spinner,
    time: time + 3_600_000,
    inputs: [us.line],
    outputs: [{ lot: yarnLot, kg: roundKg(us.line.kg * yieldFactor) }],
    inputProduct: "cotton lint",
    outputProduct: "yarn",
    taint: caseTaint(caseId),
  });
  const wrongInput = { lot: xinjiang.line.lot, kg: roundKg(xinjiang.line.kg * uniform(ctx.prng, 0.2, 0.4)) };
  const erroneous = recordTransform(ctx, {
    facility: spinner,
    time,
    inputs: [us.line, wrongInput],
    outputs: [{ lot: yarnLot, kg: roundKg((us.line.kg + wrongInput.kg) * yieldFactor) }],
    inputProduct: "cotton lint",
    outputProduct: "yarn",
    retractedBy: {
      correctiveEventId: corrective.id,
      declarationTime: time + intBetween(ctx.prng, 2, 6) * DAY,
    },
  });
  const yarn: Stock = {
    line: { lot: yarnLot, kg: roundKg(us.line.kg * yieldFactor) },
    at: spinner,
    time: time + 3_600_000,
  };
  shipToImporter(ctx, [makeGarments(ctx, yarn, makers(ctx, "BD", "BD"))], false);
  const chinese = spinnerIn(ctx, ["CN"]);
  const taintedYarn = spin(ctx, chinese, [deliver(ctx, xinjiang, chinese)]);
  shipToImporter(ctx, [makeGarments(ctx, taintedYarn, makers(ctx, "VN", "KH"))], false);
  noteCase(ctx, caseId, {
    eventIds: [erroneous.id, corrective.id],
    lots: [xinjiang.line.lot, yarnLot],
    locations: [spinner.sgln],
  });
}
