import type { SupplyEvent } from "../model/index.ts";
import { offsetsFromCounts } from "./column.ts";
import type { GraphCollector } from "./graph-collector.ts";
import { collectEvent, createCollector, ROLE_HELD, ROLE_IN, ROLE_OUT } from "./graph-collector.ts";
import { topologicalOrder } from "./topological-order.ts";
import type { GraphStructure, TraceGraph } from "./trace-graph.ts";
import { FLAG_INPUT_UNCONVERTIBLE, FLAG_OUTPUT_UNCONVERTIBLE } from "./trace-graph.ts";
import type { LineColumns } from "./weigh-lines.ts";
import { weighLines } from "./weigh-lines.ts";

/**
 * Builds the lot/event graph in one streaming pass plus a few passes over flat arrays. Duplicate
 * events (same id: re-imports) count once; retracted events (any copy carrying an
 * errorDeclaration, matched by id or declared eventID) leave the graph entirely.
 */
export function buildTraceGraph(events: Iterable<SupplyEvent>): TraceGraph {
  const c = createCollector();
  for (const e of events) collectEvent(c, e);
  const graph = finishGraph(c);
  return { ...graph, topo: topologicalOrder(graph) };
}

interface Rows {
  readonly start: Int32Array;
  readonly lot: Int32Array;
  readonly line: Int32Array;
}

interface Transposed {
  readonly start: Int32Array;
  readonly event: Int32Array;
  readonly edge: Int32Array;
}

function finishGraph(c: GraphCollector): GraphStructure {
  const { keep, eventIds } = liveEvents(c);
  const live = eventIds.length;
  const nLots = c.lotIds.length;
  const lines: LineColumns = {
    kg: c.lineKg.data,
    quantity: c.lineQuantity.data,
    uom: c.lineUom.data,
  };
  const [inputs, outputs, held] = eventRows(c, keep, live);
  const [inWeight, eventFlags] = weighRows(lines, inputs.line, inputs.start, FLAG_INPUT_UNCONVERTIBLE);
  const prod = transpose(outputs, nLots);
  const prodLine = prod.edge.map((k) => outputs.line[k]!);
  const [prodWeight, lotFlags] = weighRows(lines, prodLine, prod.start, FLAG_OUTPUT_UNCONVERTIBLE);
  const cons = transpose(inputs, nLots);
  const custody = transpose(held, nLots);
  return {
    lotIds: c.lotIds,
    lotIndex: c.lotIndex,
    eventIds,
    locationIds: c.locationIds,
    claims: c.claims,
    eventKind: compact(c.kind.data, keep, new Uint8Array(live)),
    eventLocation: compact(c.location.data, keep, new Int32Array(live)),
    eventTime: compact(c.time.data, keep, new Float64Array(live)),
    eventHasDocument: compact(c.document.data, keep, new Uint8Array(live)),
    eventClaim: compact(c.claim.data, keep, new Int32Array(live)),
    eventFlags,
    inStart: inputs.start,
    inLot: inputs.lot,
    inWeight,
    inKg: Float64Array.from(inputs.line, (k) => lines.kg[k]!),
    outStart: outputs.start,
    outLot: outputs.lot,
    outKg: Float64Array.from(outputs.line, (k) => lines.kg[k]!),
    prodStart: prod.start,
    prodEvent: prod.event,
    prodWeight,
    prodEdge: prod.edge,
    consStart: cons.start,
    consEvent: cons.event,
    consEdge: cons.edge,
    heldStart: custody.start,
    heldEvent: custody.event,
    heldKg: Float64Array.from(custody.edge, (k) => lines.kg[held.line[k]!]!),
    lotFlags,
    stats: {
      eventsRead: c.eventsRead,
      duplicates: c.duplicates,
      retracted: c.eventIds.length - live,
      events: live,
      lots: nLots,
      edges: inputs.lot.length + outputs.lot.length,
    },
  };
}

function liveEvents(c: GraphCollector): { keep: Int32Array; eventIds: string[] } {
  const keep = new Int32Array(c.eventIds.length).fill(-1);
  const eventIds: string[] = [];
  const anyRetracted = c.retracted.size > 0;
  for (let j = 0; j < c.eventIds.length; j++) {
    const id = c.eventIds[j]!;
    if (anyRetracted && isRetracted(c, j, id)) continue;
    keep[j] = eventIds.length;
    eventIds.push(id);
  }
  return { keep, eventIds };
}

function isRetracted(c: GraphCollector, j: number, id: string): boolean {
  const declared = c.declaredIds.get(j);
  return c.retracted.has(id) || (declared !== undefined && c.retracted.has(declared));
}

function compact<T extends Uint8Array | Int32Array | Float64Array>(source: T, keep: Int32Array, into: T): T {
  for (let j = 0; j < keep.length; j++) {
    const e = keep[j]!;
    if (e >= 0) into[e] = source[j]!;
  }
  return into;
}

/** Splits the collected lines of live events into input, output and custody rows per event. */
function eventRows(c: GraphCollector, keep: Int32Array, live: number): [Rows, Rows, Rows] {
  const total = c.lineLot.length;
  const role = c.lineRole.data;
  const sizes = [0, 0, 0];
  for (let k = 0; k < total; k++) sizes[role[k]!]!++;
  const rows = sizes.map((size) => ({
    start: new Int32Array(live + 1),
    lot: new Int32Array(size),
    line: new Int32Array(size),
  }));
  const fill = [0, 0, 0];
  const lineStart = c.lineStart.data;
  for (let j = 0; j < keep.length; j++) {
    const e = keep[j]!;
    if (e < 0) continue;
    const end = j + 1 < keep.length ? lineStart[j + 1]! : total;
    for (let k = lineStart[j]!; k < end; k++) {
      const r = role[k]!;
      const p = fill[r]!++;
      rows[r]!.lot[p] = c.lineLot.data[k]!;
      rows[r]!.line[p] = k;
    }
    for (let r = 0; r < 3; r++) rows[r]!.start[e + 1] = fill[r]!;
  }
  for (let r = 0; r < 3; r++) rows[r] = { ...rows[r]!, lot: rows[r]!.lot.subarray(0, fill[r]) };
  for (let r = 0; r < 3; r++) rows[r] = { ...rows[r]!, line: rows[r]!.line.subarray(0, fill[r]) };
  return [rows[ROLE_IN]!, rows[ROLE_OUT]!, rows[ROLE_HELD]!];
}

/** Event → lot rows turned into lot → event rows (counting sort, stable in event order). */
function transpose(rows: Rows, nLots: number): Transposed {
  const counts = new Int32Array(nLots);
  for (let k = 0; k < rows.lot.length; k++) counts[rows.lot[k]!]!++;
  const start = offsetsFromCounts(counts);
  const cursor = start.slice(0, nLots);
  const event = new Int32Array(rows.lot.length);
  const edge = new Int32Array(rows.lot.length);
  for (let e = 0; e + 1 < rows.start.length; e++) {
    for (let k = rows.start[e]!; k < rows.start[e + 1]!; k++) {
      const p = cursor[rows.lot[k]!]!++;
      event[p] = e;
      edge[p] = k;
    }
  }
  return { start: start, event, edge };
}

/** Comparable weights for every row of a CSR relation, and a flag per row that had a gap. */
function weighRows(
  lines: LineColumns,
  lineIndex: Int32Array,
  start: Int32Array,
  flag: number,
): [Float64Array, Uint8Array] {
  const rows = start.length - 1;
  const weight = new Float64Array(lineIndex.length);
  const flags = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    if (weighLines(lines, lineIndex, start[r]!, start[r + 1]!, weight)) flags[r] = flag;
  }
  return [weight, flags];
}
