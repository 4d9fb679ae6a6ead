/**
 * A seeded EPCIS 2.0 document whose lot → lot graph has about `edges` edges, for the store-side
 * path of the sharded tests and `bench:scale`: imported like any file, loaded onto the shards from
 * the store, then composed, traced and balanced both ways. Unlike the synthetic arrays
 * (`synthetic-graph.ts`) it has locations, masses and claims, so the mass balance can be compared.
 *
 * Shape: farms commission seed-cotton lots (ObjectEvent ADD, country of origin claimed), then four
 * stages of transformations (ginning, spinning, weaving, cut and sew), each blending many lots of
 * earlier stages into many output lots: a transformation with I inputs and O outputs gives I × O
 * lot → lot edges, so a million edges take a few thousand events, not millions. Some inputs are
 * lots nobody produced (untraced: unknown), some events put out more than their stage's yield
 * allows (the balance flags their location), some claim a country their inputs contradict.
 */
import { createPrng } from "../../src/generate/prng.ts";
export interface StoreGraphPlace {
  readonly id: string;
  readonly processingType?: string | undefined;
}

export interface StoreGraph {
  /** The EPCIS JSON-LD document's text. */
  readonly text: string;
  readonly events: number;
  /** Lot → lot edges the composition derives (Σ inputs × outputs of the transformations). */
  readonly edges: number;
  /** Output lots of the last stage: lots with long chains upstream. */
  readonly finalLots: readonly string[];
}

const STAGES = [
  { match: /farm/i, yield: 1 },
  { match: /gin/i, yield: 0.42 },
  { match: /spin/i, yield: 0.9 },
  { match: /weav|knit/i, yield: 0.98 },
  { match: /sew|garment/i, yield: 0.9 },
] as const;

const COUNTRY_CLAIMS = ["US", "AU", "BR", "IN", "CN"] as const;

interface Builder {
  readonly random: () => number;
  readonly at: readonly (readonly string[])[];
  readonly eventList: object[];
  readonly lotsOf: string[][];
  readonly massOf: Map<string, number>;
  serial: number;
  untraced: number;
}

function pick<T>(b: Builder, list: readonly T[]): T {
  return list[Math.floor(b.random() * list.length)] as T;
}

function uuid(b: Builder): string {
  return `urn:uuid:5a4d0000-0000-4000-8000-${(b.serial++).toString(16).padStart(12, "0")}`;
}

/** A time in the stage's quarter of 2024: the periods of the balance follow the stages. */
function time(b: Builder, stage: number): string {
  const day = Math.floor(b.random() * 88) + stage * 91;
  return new Date(Date.UTC(2024, 0, 1 + day, Math.floor(b.random() * 24))).toISOString();
}

const lotId = (stage: number, n: number) => `urn:epc:class:lgtin:4012345.01234${stage}.G${n}`;

function line(epcClass: string, kg: number) {
  return { epcClass, quantity: Math.round(kg * 10) / 10, uom: "KGM" };
}

/** 5–30 inputs or outputs per transformation: about 306 edges each on average. */
const width = (b: Builder) => 5 + Math.floor(b.random() * 26);

/** Farms commission `count` seed-cotton lots, 20 an event, each claiming a country. */
function commission(b: Builder, count: number): void {
  for (let n = 0; n < count; ) {
    const list = [];
    for (let k = 0; k < 20 && n < count; k++, n++) {
      const id = lotId(0, n);
      const kg = 2000 + b.random() * 8000;
      b.lotsOf[0]?.push(id);
      b.massOf.set(id, kg);
      list.push(line(id, kg));
    }
    b.eventList.push({
      type: "ObjectEvent",
      eventID: uuid(b),
      eventTime: time(b, 0),
      eventTimeZoneOffset: "+00:00",
      action: "ADD",
      bizStep: "commissioning",
      bizLocation: { id: pick(b, b.at[0] ?? []) },
      quantityList: list,
      ilmd: { "cbvmda:countryOfOrigin": pick(b, COUNTRY_CLAIMS) },
    });
  }
}

/** Input lots of one transformation of `stage`, with the mass each gives. */
function inputsOf(b: Builder, stage: number): Map<string, number> {
  const inputs = new Map<string, number>();
  const count = width(b);
  while (inputs.size < count) {
    if (b.random() < 0.02) {
      // A lot no event produced: the chain is broken there (unknown share).
      inputs.set(`urn:epc:class:lgtin:4012345.099999.U${b.untraced++}`, 500 + b.random() * 2000);
      continue;
    }
    const from = b.random() < 0.8 ? stage - 1 : Math.floor(b.random() * stage);
    const id = pick(b, b.lotsOf[from] ?? []);
    inputs.set(id, (b.massOf.get(id) ?? 1000) * (0.2 + b.random() * 0.5));
  }
  return inputs;
}

/** One transformation of `stage`; returns its output lots and its lot → lot edges. */
function transform(b: Builder, stage: number): { outputs: string[]; edges: number } {
  const inputs = inputsOf(b, stage);
  const inKg = [...inputs.values()].reduce((a, v) => a + v, 0);
  // Mostly within the stage's yield; the first mill of spinning and of cut and sew always puts
  // out a quarter more than it allows (a laundering location), 3 % of other events a fifth more.
  const places = b.at[stage] ?? [];
  const location = pick(b, places);
  const launders = (stage === 2 || stage === 4) && location === places[0];
  const over = launders ? 1.25 : b.random() < 0.03 ? 1.2 : 0.8 + b.random() * 0.18;
  const factor = (STAGES[stage]?.yield ?? 1) * over;
  const weights = Array.from({ length: width(b) }, () => 0.2 + b.random());
  const sum = weights.reduce((a, v) => a + v, 0);
  const made = b.lotsOf[stage] ?? [];
  const outputs = weights.map((w, k) => {
    const id = lotId(stage, made.length + k);
    const kg = (inKg * factor * w) / sum;
    b.massOf.set(id, kg);
    return line(id, kg);
  });
  for (const o of outputs) made.push(o.epcClass);
  b.eventList.push({
    type: "TransformationEvent",
    eventID: uuid(b),
    eventTime: time(b, stage),
    eventTimeZoneOffset: "+00:00",
    bizStep: "commissioning",
    bizLocation: { id: location },
    inputQuantityList: [...inputs].map(([id, kg]) => line(id, kg)),
    outputQuantityList: outputs,
    ...(b.random() < 0.1 ? { ilmd: { "cbvmda:countryOfOrigin": pick(b, COUNTRY_CLAIMS) } } : {}),
  });
  return { outputs: outputs.map((o) => o.epcClass), edges: inputs.size * outputs.length };
}

export function storeGraph(
  edges: number,
  places: readonly StoreGraphPlace[],
  options: { seed?: number } = {},
): StoreGraph {
  const at = STAGES.map((s) => places.filter((p) => s.match.test(p.processingType ?? "")).map((p) => p.id));
  const empty = at.findIndex((ids) => ids.length === 0);
  if (empty >= 0) throw new Error(`no location for stage ${empty} (${STAGES[empty]?.match})`);
  const b: Builder = {
    random: createPrng(options.seed ?? 3).next,
    at,
    eventList: [],
    lotsOf: STAGES.map(() => []),
    massOf: new Map(),
    serial: 0,
    untraced: 0,
  };
  const perStage = Math.ceil(Math.max(4, Math.round(edges / 306)) / 4);
  // Enough seed cotton for every ginning input to draw from about two earlier lots.
  commission(b, Math.max(20, Math.round(perStage * 17.5 * 0.5)));
  let total = 0;
  const finalLots: string[] = [];
  for (let stage = 1; stage < STAGES.length; stage++)
    for (let t = 0; t < perStage; t++) {
      const made = transform(b, stage);
      total += made.edges;
      if (stage === STAGES.length - 1) finalLots.push(...made.outputs);
    }
  const document = {
    "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2025-01-01T00:00:00.000Z",
    epcisBody: { eventList: b.eventList },
  };
  return { text: JSON.stringify(document), events: b.eventList.length, edges: total, finalLots };
}
