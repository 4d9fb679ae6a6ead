import type { Party, PartyId, QuantityLine, SupplyEvent, TypedRef } from "../model/index.ts";
import type {
  BusinessRecordInput,
  CbpCategory,
  MassBalanceInput,
  NodeRiskInput,
  PackageInput,
  PartyInput,
  ReviewDecisionInput,
  ScreeningInput,
  ShipmentInput,
  SupplyEdgeInput,
  SupplyNodeInput,
  SupplyRole,
  TraceResultInput,
} from "../report/index.ts";
import { DEFAULT_THRESHOLD } from "../screen/index.ts";
import { ancestorLocations, computeMassBalance, type LotTrace, type MassBalance } from "../trace/index.ts";
import type { ShipmentAssessment } from "./assess-shipments.ts";
import { AppError } from "./errors.ts";
import { shortTransactionId } from "./list-shipments.ts";
import { packageDocuments } from "./package-documents.ts";
import type { ListMatch } from "./screener.ts";
import { reviewHit } from "./screening-context.ts";
import type { Store } from "./store.ts";
import { regionOfLocation, type TraceContext } from "./trace-context.ts";

// Over 300 lines: one adapter from the app's results to the report's input (ancestry, chain, records,
// parties, screening, balance), kept in one file so each field's mapping reads top to bottom.

const ROLES: readonly (readonly [RegExp, SupplyRole])[] = [
  [/farm/i, "origin"],
  [/gin/i, "gin"],
  [/trad/i, "trader"],
  [/spin/i, "spinner"],
  [/weav|knit/i, "fabric-mill"],
  [/dye/i, "dyehouse"],
  [/cut|sew/i, "garment-factory"],
  [/import/i, "importer"],
];

const CATEGORIES: Readonly<Record<string, CbpCategory>> = {
  po: "purchase-order",
  inv: "commercial-invoice",
  bol: "bill-of-lading",
  desadv: "packing-list",
  prodorder: "production-record",
  recadv: "inventory-warehouse-receipt",
};

function roleOf(processingType: string | undefined): SupplyRole {
  return ROLES.find(([pattern]) => pattern.test(processingType ?? ""))?.[1] ?? "warehouse";
}

const lineKg = (l: QuantityLine): number => l.kg ?? 0;
const day = (time: string): string => time.slice(0, 10);
const sumKg = (lines: readonly QuantityLine[]): number => lines.reduce((s, l) => s + lineKg(l), 0);

/** Lots an event brings into being: a transformation's outputs, a commissioning's quantities. */
function producedLines(e: SupplyEvent): readonly QuantityLine[] {
  if (e.kind === "transform") return e.outputs;
  if (e.kind === "origin") return [...e.outputs, ...e.quantities];
  return [];
}

function senderOf(e: SupplyEvent): string | undefined {
  return e.sources.find((s: TypedRef) => /location$/.test(s.type))?.id;
}

/** The producing and custody events of the shipped lots' ancestry, read from the live events. */
interface Ancestry {
  readonly lots: ReadonlySet<string>;
  /** The first event that made each lot (a lot may be made by several events at one place). */
  readonly producers: ReadonlyMap<string, SupplyEvent>;
  readonly events: readonly SupplyEvent[];
  readonly receipts: readonly SupplyEvent[];
  /** The first receipt of each lot at each place, by `receiptKey`: looked up once per input. */
  readonly receivedAt: ReadonlyMap<string, SupplyEvent>;
}

const receiptKey = (location: string, lot: string): string => `${location}\u0000${lot}`;

function producersByLot(live: readonly SupplyEvent[]): Map<string, SupplyEvent[]> {
  const producedBy = new Map<string, SupplyEvent[]>();
  for (const e of live)
    for (const l of producedLines(e)) {
      const made = producedBy.get(l.lot);
      if (made) made.push(e);
      else producedBy.set(l.lot, [e]);
    }
  return producedBy;
}

/** Every lot and producing event upstream of the shipped lots, breadth first. */
function walkUpstream(producedBy: ReadonlyMap<string, readonly SupplyEvent[]>, shipped: readonly string[]) {
  const lots = new Set(shipped);
  const events = new Set<SupplyEvent>();
  const queue = [...shipped];
  // An index walks the queue: shift() would make a 10,000-lot ancestry quadratic.
  for (let next = 0, lot = queue[0]; lot !== undefined; lot = queue[++next]) {
    for (const producer of producedBy.get(lot) ?? []) {
      if (events.has(producer)) continue;
      events.add(producer);
      for (const input of producer.inputs.filter((i) => !lots.has(i.lot))) {
        lots.add(input.lot);
        queue.push(input.lot);
      }
    }
  }
  return { lots, events };
}

function firstReceipts(receipts: readonly SupplyEvent[]): Map<string, SupplyEvent> {
  const receivedAt = new Map<string, SupplyEvent>();
  for (const r of receipts)
    for (const q of r.quantities) {
      const key = receiptKey(r.bizLocation ?? "", q.lot);
      if (!receivedAt.has(key)) receivedAt.set(key, r);
    }
  return receivedAt;
}

function ancestryOf(ctx: TraceContext, shipped: readonly string[]): Ancestry {
  const live = ctx.events.filter((e) => !e.retracted);
  const producedBy = producersByLot(live);
  const { lots, events } = walkUpstream(producedBy, shipped);
  const producers = new Map([...producedBy].map(([lot, made]) => [lot, made[0] as SupplyEvent]));
  const receipts = live.filter((e) => e.kind === "receive" && e.quantities.some((q) => lots.has(q.lot)));
  return { lots, producers, events: [...events], receipts, receivedAt: firstReceipts(receipts) };
}

interface ChainBuild {
  readonly edges: SupplyEdgeInput[];
  readonly records: BusinessRecordInput[];
  /** Where each (from, to, lot) edge and each (document, from, to) record already is. */
  readonly edgeAt: Map<string, number>;
  readonly recordKeys: Set<string>;
}

function addRecords(build: ChainBuild, e: SupplyEvent, from: string, to: string, lots: string[]) {
  for (const b of e.bizTransactions) {
    const category = CATEGORIES[b.type];
    if (!category) continue;
    const id = shortTransactionId(b.id);
    const key = `${id}\u0000${from}\u0000${to}`;
    if (build.recordKeys.has(key)) continue;
    build.recordKeys.add(key);
    build.records.push({
      bizTransaction: { type: b.type, id },
      category,
      from,
      to,
      lots,
      event: e.id,
      date: day(e.eventTime),
      provenance: e.provenance,
    });
  }
}

/** One lot's move into `to`: from the sender on its receipt there, else from where it was made. */
function moveInto(
  ancestry: Ancestry,
  build: ChainBuild,
  line: QuantityLine,
  to: string,
  receipt: SupplyEvent | undefined,
): void {
  const producedAt = ancestry.producers.get(line.lot)?.bizLocation;
  const from = (receipt && senderOf(receipt)) ?? producedAt;
  if (!from || from === to) return;
  const via = receipt ?? ancestry.producers.get(line.lot);
  if (producedAt && producedAt !== from && producedAt !== to) {
    // Held by a trader or warehouse in between without being transformed there.
    const held = ancestry.receivedAt.get(receiptKey(from, line.lot));
    pushEdge(build, producedAt, from, line.lot, lineKg(line), held);
    if (held) addRecords(build, held, producedAt, from, [line.lot]);
  }
  pushEdge(build, from, to, line.lot, lineKg(line), via);
  if (receipt) addRecords(build, receipt, from, to, [line.lot]);
}

function pushEdge(
  build: ChainBuild,
  from: string,
  to: string,
  lot: string,
  kg: number,
  e?: SupplyEvent,
): void {
  // The same lot consumed by several events at one place moves once per consumption: add them up.
  const key = `${from}\u0000${to}\u0000${lot}`;
  const known = build.edgeAt.get(key);
  const before = known === undefined ? undefined : build.edges[known];
  if (known !== undefined && before) {
    build.edges[known] = { ...before, kg: before.kg + kg };
    return;
  }
  build.edgeAt.set(key, build.edges.length);
  build.edges.push({
    from,
    to,
    lot,
    kg,
    onShippedPath: true,
    ...(e ? { event: e.id } : {}),
    provenance: e?.provenance ?? { source: "trace", locator: lot },
  });
}

function buildChain(ancestry: Ancestry, receipt: SupplyEvent, importer: string): ChainBuild {
  const build: ChainBuild = { edges: [], records: [], edgeAt: new Map(), recordKeys: new Set() };
  for (const e of ancestry.events) {
    const at = e.bizLocation;
    if (!at) continue;
    for (const input of e.inputs)
      moveInto(ancestry, build, input, at, ancestry.receivedAt.get(receiptKey(at, input.lot)));
    addRecords(
      build,
      e,
      at,
      at,
      producedLines(e).map((l) => l.lot),
    );
  }
  for (const line of receipt.quantities) moveInto(ancestry, build, line, importer, receipt);
  return build;
}

function regionLabel(region: string | undefined, city: string | undefined): { region?: string } {
  const label = [region, city].filter(Boolean).join(" — ");
  return label ? { region: label } : {};
}

/** The listed location's own name, with the route (owner, XPCC marker) when the hit is not on it. */
function listedName(ctx: TraceContext, location: string, hitName: string): string {
  const name = ctx.locations.get(location)?.name;
  if (!name || name === hitName) return hitName;
  return `${name} (${hitName.replace(/, which matches .*$/, "").replace(/\.$/, "")})`;
}

function nodeRisks(ctx: TraceContext, id: string, trace: LotTrace, balance: MassBalance): NodeRiskInput[] {
  const risks: NodeRiskInput[] = (ctx.listedHits.get(id as never) ?? []).map((h) => ({
    code: "listed-entity",
    message: `${h.name} matches ${h.listEntry}`,
  }));
  if (regionOfLocation(ctx.locations.get(id))?.xinjiang)
    risks.push({ code: "xinjiang-region", message: "Located in Xinjiang: region-wide UFLPA presumption" });
  for (const b of balance.locations.filter((l) => l.location === id && l.status === "exceeded"))
    for (const f of b.flags) risks.push({ code: f.code, message: f.message });
  for (const f of trace.flags.filter((x) => x.location === id && x.code !== "mass-balance-exceeded"))
    risks.push({ code: f.code, message: f.message });
  return risks;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** What a place used and made by its own events, else what it received and sent on. */
function flowKg(
  here: readonly SupplyEvent[] = [],
  received: readonly SupplyEdgeInput[] = [],
  sent: readonly SupplyEdgeInput[] = [],
): { inputKg: number; outputKg: number } {
  if (here.length === 0)
    return { inputKg: received.reduce((s, e) => s + e.kg, 0), outputKg: sent.reduce((s, e) => s + e.kg, 0) };
  return {
    inputKg: here.reduce((s, e) => s + sumKg(e.inputs), 0),
    outputKg: here.reduce((s, e) => s + sumKg(producedLines(e)), 0),
  };
}

function buildNodes(
  ctx: TraceContext,
  ids: readonly string[],
  ancestry: Ancestry,
  build: ChainBuild,
  assessment: ShipmentAssessment,
  balance: MassBalance,
): SupplyNodeInput[] {
  const eventsAt = groupBy(ancestry.events, (e) => e.bizLocation ?? "");
  const edgesTo = groupBy(build.edges, (e) => e.to);
  const edgesFrom = groupBy(build.edges, (e) => e.from);
  return ids.map((id) => {
    const l = ctx.locations.get(id);
    const region = regionOfLocation(l);
    const { inputKg, outputKg } = flowKg(eventsAt.get(id), edgesTo.get(id), edgesFrom.get(id));
    const role = roleOf(l?.processingType);
    return {
      id,
      name: l?.name ?? id,
      ...(l?.operator ? { party: l.operator } : {}),
      role,
      country: region?.country ?? l?.address.country ?? "unknown",
      ...regionLabel(region?.region ?? l?.address.state, l?.address.city),
      ...(inputKg > 0 ? { inputKg } : {}),
      ...(outputKg > 0 && role !== "importer" ? { outputKg } : {}),
      onShippedPath: true,
      risks: nodeRisks(ctx, id, assessment.trace, balance),
      provenance: l?.provenance ?? { source: "events", locator: id },
    };
  });
}

function traceInput(
  ctx: TraceContext,
  trace: LotTrace,
  shipment: ShipmentInput,
  provenance: PackageInput["traces"][number]["provenance"],
): TraceResultInput {
  const prior = trace.priors.find((p) => p.prior !== null);
  return {
    lot: trace.lot,
    quantity: trace.quantity ?? shipment.quantity,
    xinjiangShare: trace.xinjiangShare,
    unknownShare: trace.unknownShare,
    expectedXinjiangShare: trace.expectedXinjiangShare,
    ...(prior?.prior != null
      ? {
          prior: {
            value: prior.prior,
            basis: `${prior.stage ?? "material"} from ${prior.country ?? "an unknown country"} of undocumented origin`,
          },
        }
      : {}),
    worstCaseXinjiangShare: trace.worstCaseXinjiangShare,
    listedEntityInChain: trace.listedEntityInChain,
    listedEntities: trace.listedEntities.map((e) => ({
      name: listedName(ctx, e.location, e.name),
      listEntry: e.listEntry,
      location: e.location,
      path: e.path.map((s) => s.lot).toReversed(),
    })),
    origins: trace.origins.map((o) => ({
      lot: o.lot,
      location: o.location ?? "unknown",
      country: o.country ?? "unknown",
      ...(o.region ? { region: o.region } : {}),
      share: o.share,
    })),
    flags: trace.flags.map((f) => ({
      code: f.code,
      ...(f.location ? { location: f.location } : {}),
      ...(f.lot ? { lot: f.lot } : {}),
      message: f.message,
    })),
    provenance,
  };
}

function partyInput(p: Party, roles: string[]): PartyInput {
  return {
    id: p.id,
    name: p.name,
    aliases: [...p.aliases],
    roles,
    ...(p.country ? { country: p.country } : {}),
    ...(p.address ? { address: p.address } : {}),
    identifiers: p.identifiers.map((i) => ({ scheme: i.scheme.toUpperCase(), value: i.value })),
    provenance: p.provenance,
  };
}

/** A reviewer's decision on a hit, when it still applies (a re-opened hit shows as undecided). */
function decisionOf(ctx: TraceContext, partyId: string, hit: ListMatch): { review?: ReviewDecisionInput } {
  const { state, decision } = reviewHit(ctx.screening, { kind: "party", id: partyId }, hit);
  if (!decision || (state !== "confirmed" && state !== "dismissed")) return {};
  return {
    review: { decision: state, reason: decision.reason, user: decision.user, at: decision.decidedAt },
  };
}

function screeningOf(ctx: TraceContext, parties: readonly PartyInput[]): ScreeningInput[] {
  return parties.flatMap((p) => {
    const hits = ctx.screenedPartyHits.get(p.id) ?? [];
    if (hits.length === 0) return [];
    const results = hits.map((h) => ({
      entity: { ...h.entity },
      score: h.score,
      match: h.match,
      threshold: DEFAULT_THRESHOLD,
      explanations: [...h.explanations],
      ...decisionOf(ctx, p.id, h),
    }));
    return [{ subject: { kind: "party" as const, id: p.id, name: p.name }, results }];
  });
}

function stageLabel(stage: string | null | undefined): { stage?: string } {
  return stage ? { stage } : {};
}

function balanceRows(ctx: TraceContext, balance: MassBalance, ids: ReadonlySet<string>): MassBalanceInput[] {
  return balance.locations
    .filter((b) => ids.has(b.location))
    .map((b) => ({
      location: b.location,
      name: ctx.locations.get(b.location)?.name ?? b.location,
      ...stageLabel(b.stage ?? ctx.locations.get(b.location)?.processingType),
      maxYield: b.maxYield,
      status: b.status,
      inputs: b.inputs.map((i) => ({ lot: `all inputs of origin ${i.origin}`, kg: i.kg, origin: i.origin })),
      outputs: b.outputs.map((o) => ({ lot: `all outputs of origin ${o.origin}`, kg: o.kg })),
      claims: b.claims.map((c) => ({ origin: c.origin, claimedKg: c.claimedKg, allowedKg: c.limitKg })),
      provenance: [{ source: "events", locator: `transformation events at ${b.location}` }],
    }));
}

async function shipmentInput(
  ctx: TraceContext,
  store: Store,
  assessment: ShipmentAssessment,
  receipt: SupplyEvent,
  importer: string,
  exporter: string | undefined,
): Promise<ShipmentInput> {
  const { shipment } = assessment;
  const lots = [...new Set(receipt.quantities.map((q) => q.lot as string))];
  const products = await Promise.all(lots.map(async (l) => (await store.getLot(l as never))?.product));
  const goods = [...new Set(products.filter((p): p is string => Boolean(p)))].join(", ");
  const shipped = ctx.events.find(
    (e) =>
      !e.retracted && e.kind === "ship" && e.bizTransactions.some((b) => b.id === shipment.bizTransaction),
  );
  const kg = sumKg(receipt.quantities);
  return {
    id: shipment.id,
    bizTransactions: receipt.bizTransactions.map((b) => ({ type: b.type, id: shortTransactionId(b.id) })),
    lots,
    goods: goods || "goods (product not recorded)",
    quantity: kg > 0 ? { value: kg, unit: "KGM" } : (assessment.trace.quantity ?? { value: 0, unit: "KGM" }),
    importer,
    ...(exporter ? { exporter } : {}),
    dates: { ...(shipped ? { shipped: day(shipped.eventTime) } : {}), arrived: day(receipt.eventTime) },
    provenance: receipt.provenance,
  };
}

async function partiesOf(
  store: Store,
  nodes: readonly SupplyNodeInput[],
  importerParty?: string,
  exporterParty?: string,
) {
  const roles = new Map<string, string[]>();
  for (const n of nodes) {
    if (!n.party) continue;
    const role = n.party === importerParty ? "importer of record" : `operator of ${n.name} (${n.role})`;
    roles.set(n.party, [...(roles.get(n.party) ?? []), role]);
  }
  if (exporterParty) roles.get(exporterParty)?.push("exporter");
  const out: PartyInput[] = [];
  for (const [id, r] of roles) {
    const p = await store.getParty(id as PartyId);
    if (p) out.push(partyInput(p, r));
  }
  return out;
}

/** The report's input for one assessed import shipment, filled from the store and the trace. */
export async function buildPackageInput(
  ctx: TraceContext,
  store: Store,
  assessment: ShipmentAssessment,
): Promise<PackageInput> {
  const receipt = ctx.events.find((e) => e.id === assessment.shipment.event);
  if (!receipt)
    throw new AppError("internal", `receiving event ${assessment.shipment.event} is not in the store`);
  const importerLocation = assessment.shipment.location ?? receipt.bizLocation ?? "unknown importer";
  const shippedLots = receipt.quantities.map((q) => q.lot as string);
  const ancestry = ancestryOf(ctx, shippedLots);
  const build = buildChain(ancestry, receipt, importerLocation);
  const ids = new Set([...shippedLots.flatMap((l) => ancestorLocations(ctx.graph, l)), importerLocation]);
  for (const e of build.edges) ids.add(e.from).add(e.to);
  const balance = computeMassBalance(ctx.graph, ctx.composition, { stageOf: ctx.stageOf });
  const nodes = buildNodes(ctx, [...ids].sort(), ancestry, build, assessment, balance);
  const importerParty = ctx.locations.get(importerLocation)?.operator;
  const sender = senderOf(receipt);
  const exporterParty = sender ? ctx.locations.get(sender)?.operator : undefined;
  const shipment = await shipmentInput(
    ctx,
    store,
    assessment,
    receipt,
    importerParty ?? importerLocation,
    exporterParty,
  );
  const parties = await partiesOf(store, nodes, importerParty, exporterParty);
  const provenance = [...new Map([...ancestry.events, receipt].map((e) => [e.id, e.provenance])).values()];
  const input = {
    shipment,
    traces: [traceInput(ctx, assessment.trace, shipment, provenance)],
    chain: { nodes, edges: build.edges },
    parties,
    screening: screeningOf(ctx, parties),
    records: build.records,
    massBalance: balanceRows(ctx, balance, ids),
    labTests: [],
  };
  return { ...input, documents: await packageDocuments(store, ctx.events, input) };
}
