import type { LotLine } from "./chain-event.ts";
import { type ClusterContext, totalKg } from "./cluster-context.ts";
import { recordMove } from "./cluster-events.ts";
import { blendMixes, shareOf, UNKNOWN } from "./composition.ts";
import type { Facility } from "./facility.ts";
import type { ExpectedVerdict, FlagCode, ShipmentTruth } from "./ground-truth-types.ts";
import { mergeTaints } from "./lot-ledger.ts";

function verdict(
  xinjiangShare: number,
  listed: boolean,
  unknownShare: number,
  flags: readonly FlagCode[],
): ExpectedVerdict {
  if (xinjiangShare > 0 || listed) return "inadmissible";
  return unknownShare > 0 || flags.length > 0 ? "insufficient-evidence" : "admissible";
}

/**
 * Garments leave the factory for a US importer under a bill of lading; the ground truth of the
 * shipment is the mass-weighted mix of the lots received, from the ledger the builders kept.
 */
export function recordImport(
  ctx: ClusterContext,
  lines: readonly LotLine[],
  from: Facility,
  importer: Facility,
  time: number,
): ShipmentTruth {
  const { ship, receive } = recordMove(ctx, lines, "garments", from, importer, time);
  const read = lines.map((line) => ({ ...ctx.ledger.read(line.lot), kg: line.kg }));
  const mix = blendMixes(read);
  const taint = mergeTaints(read.map((r) => r.taint));
  const unknownShare = shareOf(mix, UNKNOWN);
  const originCountries = Object.fromEntries(Object.entries(mix).filter(([origin]) => origin !== UNKNOWN));
  const flags = [...taint.flags].sort();
  const listed = [...taint.listed.values()];
  const xinjiangShare = shareOf(mix, "CN-XJ");
  const truth: ShipmentTruth = {
    bol: ship.docs.bol ?? "",
    cluster: ctx.index,
    clusterKind: ctx.kind,
    shippingEventId: ship.id,
    receivingEventId: receive.id,
    shippedAt: new Date(ship.time).toISOString(),
    receivedAt: new Date(receive.time).toISOString(),
    exporter: {
      location: from.sgln,
      party: from.party.id,
      name: from.party.name,
      country: from.place.country,
    },
    importer: { location: importer.sgln, party: importer.party.id, name: importer.party.name },
    lots: lines.map((line) => ({ lot: line.lot, kg: line.kg })),
    totalKg: Math.round(totalKg(lines) * 10) / 10,
    xinjiangShare,
    unknownShare,
    originCountries,
    listedEntityInChain: { present: listed.length > 0, entities: listed },
    expectedFlags: flags,
    expectedVerdict: verdict(xinjiangShare, listed.length > 0, unknownShare, flags),
    plantedCases: [...taint.cases].sort(),
  };
  ctx.shipments.push(truth);
  return truth;
}
