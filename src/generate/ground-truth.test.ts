import { describe, expect, it } from "vitest";
import type { PlantedCaseTruth, ShipmentTruth } from "./ground-truth-types.ts";
import { eventsOf, generateTexts, type JsonEvent, parseCsv } from "./test-helpers.ts";

const texts = generateTexts({ events: 1_500, seed: 42 });
const truth = JSON.parse(texts.get("ground-truth.json") ?? "{}") as {
  shipments: ShipmentTruth[];
  plantedCases: PlantedCaseTruth[];
  massBalance: {
    location: string;
    stage: string;
    inputKg: number;
    outputKg: number;
    totalExceeded: boolean;
    claims: { origin: string; exceeded: boolean }[];
  }[];
};
const facilities = parseCsv(texts.get("facilities.csv") ?? "");
const facilityById = new Map(facilities.map((row) => [row.facility_id, row]));

interface Line {
  readonly lot: string;
  readonly kg: number;
}
/** Both sources in one form: what a tracer reads, built here without the generator's internals. */
interface Flow {
  readonly id: string;
  readonly kind: "origin" | "transform" | "move";
  readonly location: string;
  readonly inputs: readonly Line[];
  readonly outputs: readonly Line[];
  readonly claim?: string;
  readonly bols: readonly string[];
}

function lines(list: JsonEvent["quantityList"]): Line[] {
  return (list ?? []).map((q) => ({ lot: q.epcClass, kg: q.quantity }));
}

function flowsFromEpcis(events: readonly JsonEvent[]): Flow[] {
  const retracted = new Set(events.filter((e) => e.errorDeclaration).map((e) => e.eventID));
  return events
    .filter((e) => !retracted.has(e.eventID))
    .map((e) => ({
      id: e.eventID,
      kind: e.type === "TransformationEvent" ? "transform" : e.action === "ADD" ? "origin" : "move",
      location: e.bizLocation?.id ?? "",
      inputs: lines(e.inputQuantityList),
      outputs: e.type === "TransformationEvent" ? lines(e.outputQuantityList) : lines(e.quantityList),
      ...(e.ilmd?.["cbvmda:countryOfOrigin"] ? { claim: e.ilmd["cbvmda:countryOfOrigin"] } : {}),
      bols: (e.bizTransactionList ?? [])
        .filter((b) => b.type === "bol")
        .map((b) => b.bizTransaction.split(":").at(-1) ?? ""),
    }));
}

function flowsFromCsv(rows: readonly Record<string, string>[]): Flow[] {
  const byRef = new Map<string, Record<string, string>[]>();
  for (const row of rows) byRef.set(row.event_ref ?? "", [...(byRef.get(row.event_ref ?? "") ?? []), row]);
  return [...byRef].map(([id, group]) => {
    const first = group[0] ?? {};
    const line = (row: Record<string, string>) => ({ lot: row.lot_id ?? "", kg: Number(row.quantity) });
    const type = first.event_type;
    const docs = (first.doc_id ?? "").split(";");
    return {
      id,
      kind: type === "origin" ? "origin" : type === "transform" ? "transform" : "move",
      location: first.facility_id ?? "",
      inputs: group.filter((row) => row.role === "input").map(line),
      outputs:
        type === "transform" ? group.filter((row) => row.role === "output").map(line) : group.map(line),
      bols: docs.filter((d) => d.startsWith("BOL-")),
    };
  });
}

const flows = [
  ...flowsFromEpcis(eventsOf(texts.get("chain.epcis.jsonld") ?? "")),
  ...flowsFromCsv(parseCsv(texts.get("movements.csv") ?? "")),
];

/** Origin region from the master data: Xinjiang by province name in any script, else the country. */
function regionOf(location: string): string {
  const row = facilityById.get(location);
  if (!row) throw new Error(`no facility ${location}`);
  return row.country === "CN" && /Xinjiang|新疆/.test(row.state ?? "") ? "CN-XJ" : (row.country ?? "");
}

type Mix = Record<string, number>;
function blend(parts: readonly { mix: Mix; kg: number }[]): Mix {
  const total = parts.reduce((s, p) => s + p.kg, 0);
  const out: Mix = {};
  for (const p of parts)
    for (const [k, v] of Object.entries(p.mix)) out[k] = (out[k] ?? 0) + (v * p.kg) / total;
  return out;
}

const producers = new Map<string, { flow: Flow; kg: number }[]>();
for (const flow of flows) {
  if (flow.kind === "move") continue;
  for (const out of flow.outputs)
    producers.set(out.lot, [...(producers.get(out.lot) ?? []), { flow, kg: out.kg }]);
}
const memo = new Map<string, Mix>();
function mixOf(lot: string): Mix {
  const known = memo.get(lot);
  if (known) return known;
  const made = producers.get(lot);
  const mix = made ? blend(made.map(({ flow, kg }) => ({ mix: flowMix(flow), kg }))) : { unknown: 1 };
  memo.set(lot, mix);
  return mix;
}
function flowMix(flow: Flow): Mix {
  return flow.kind === "origin"
    ? { [regionOf(flow.location)]: 1 }
    : blend(flow.inputs.map((line) => ({ mix: mixOf(line.lot), kg: line.kg })));
}

describe("ground truth", () => {
  it("has shares in [0, 1] that sum to 1 with the unknown share", () => {
    expect(truth.shipments.length).toBeGreaterThanOrEqual(4);
    for (const s of truth.shipments) {
      const shares = [...Object.values(s.originCountries), s.unknownShare];
      for (const share of shares) expect(share).toBeGreaterThanOrEqual(0);
      for (const share of shares) expect(share).toBeLessThanOrEqual(1);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(s.xinjiangShare).toBe(s.originCountries["CN-XJ"] ?? 0);
    }
  });

  it("matches a recomputation from the written files alone", () => {
    for (const s of truth.shipments) {
      const receipt = flows.find((f) => f.id === s.receivingEventId);
      expect(receipt?.bols).toContain(s.bol);
      expect(receipt?.outputs).toEqual(s.lots);
      const mix = blend(s.lots.map((line) => ({ mix: mixOf(line.lot), kg: line.kg })));
      expect(mix.unknown ?? 0, s.bol).toBeCloseTo(s.unknownShare, 9);
      for (const origin of new Set([...Object.keys(mix), ...Object.keys(s.originCountries)]))
        if (origin !== "unknown")
          expect(mix[origin] ?? 0, `${s.bol} ${origin}`).toBeCloseTo(s.originCountries[origin] ?? 0, 9);
    }
  });

  it("records every planted case with the shipments it taints, and the flags each should raise", () => {
    const kinds = new Set(truth.plantedCases.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([
      "clean",
      "listed-entity-processor",
      "over-claimed-garment",
      "over-claimed-spinner",
      "relabelled-lot",
      "retracted-event",
      "untraced-input",
      "xinjiang-blend",
    ]);
    const byBol = new Map(truth.shipments.map((s) => [s.bol, s]));
    const expected: Record<string, (s: ShipmentTruth) => boolean> = {
      clean: (s) =>
        s.expectedVerdict === "admissible" && s.expectedFlags.length === 0 && s.xinjiangShare === 0,
      "xinjiang-blend": (s) => s.xinjiangShare > 0 && s.expectedVerdict === "inadmissible",
      "relabelled-lot": (s) => s.expectedFlags.includes("origin-claim-contradicted") && s.xinjiangShare > 0,
      "listed-entity-processor": (s) =>
        s.listedEntityInChain.entities.some(
          (e) => e.entity === "Anhui Xinya New Materials Co., Ltd." && e.via === "operator",
        ) && s.xinjiangShare === 0,
      "untraced-input": (s) => s.expectedFlags.includes("untraced-input") && s.unknownShare > 0,
      "over-claimed-garment": (s) => s.expectedFlags.includes("mass-balance-exceeded"),
      "over-claimed-spinner": (s) => s.expectedFlags.includes("mass-balance-exceeded"),
      "retracted-event": (s) => s.xinjiangShare === 0 && s.expectedVerdict === "admissible",
    };
    for (const planted of truth.plantedCases) {
      expect(planted.shipments.length, planted.id).toBeGreaterThan(0);
      expect(planted.eventIds.length + planted.locations.length, planted.id).toBeGreaterThan(0);
      for (const bol of planted.shipments)
        expect(expected[planted.kind]?.(byBol.get(bol) as ShipmentTruth), `${planted.id} ${bol}`).toBe(true);
    }
  });

  it("keeps every non-planted facility's mass balance within the stage's yields", () => {
    const ranges: Record<string, [number, number]> = {
      ginning: [0.33, 0.42],
      spinning: [0.85, 0.9],
      weaving: [0.92, 0.98],
      "cut and sew": [0.8, 0.9],
      trading: [1, 1],
    };
    const planted = new Set(truth.massBalance.map((m) => m.location));
    const totals = new Map<string, { in: number; out: number }>();
    for (const flow of flows.filter((f) => f.kind === "transform" && !planted.has(f.location))) {
      const t = totals.get(flow.location) ?? { in: 0, out: 0 };
      t.in += flow.inputs.reduce((s, l) => s + l.kg, 0);
      t.out += flow.outputs.reduce((s, l) => s + l.kg, 0);
      totals.set(flow.location, t);
    }
    expect(totals.size).toBeGreaterThan(20);
    for (const [location, t] of totals) {
      const [min, max] = ranges[facilityById.get(location)?.processing_type ?? ""] ?? [0, 0];
      expect(t.out / t.in, location).toBeGreaterThanOrEqual(min - 1e-6);
      expect(t.out / t.in, location).toBeLessThanOrEqual(max + 1e-6);
    }
  });

  it("states totals for the over-claimed facilities that the files bear out", () => {
    expect(truth.massBalance.map((m) => m.stage).sort()).toEqual(["cut-make-trim", "spinning"]);
    for (const entry of truth.massBalance) {
      const here = flows.filter((f) => f.kind === "transform" && f.location === entry.location);
      const input = here.flatMap((f) => f.inputs).reduce((s, l) => s + l.kg, 0);
      expect(input).toBeCloseTo(entry.inputKg, 3);
      if (entry.stage === "cut-make-trim")
        expect(entry.totalExceeded && entry.outputKg > 0.9 * input).toBe(true);
      const claimedUs = here
        .filter((f) => f.claim === "US")
        .flatMap((f) => f.outputs)
        .reduce((s, l) => s + l.kg, 0);
      const usInput = here
        .flatMap((f) => f.inputs)
        .filter((l) => mixOf(l.lot).US === 1)
        .reduce((s, l) => s + l.kg, 0);
      if (entry.stage === "spinning")
        expect(
          entry.claims.some((c) => c.exceeded) && claimedUs > 0.9 * usInput && !entry.totalExceeded,
        ).toBe(true);
    }
  });
});
