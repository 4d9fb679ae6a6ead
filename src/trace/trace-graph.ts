import type { EventKind, LocationId } from "../model/index.ts";

/** Event kinds by their code in `TraceGraph.eventKind`. */
export const EVENT_KINDS: readonly EventKind[] = [
  "origin",
  "transform",
  "ship",
  "receive",
  "aggregate",
  "disaggregate",
  "destroy",
  "observe",
];
export const KIND_ORIGIN = 0;
export const KIND_TRANSFORM = 1;
export const KIND_SHIP = 2;
export const KIND_RECEIVE = 3;

/** Bits of `eventFlags` / `lotFlags`. */
export const FLAG_INPUT_UNCONVERTIBLE = 1;
export const FLAG_OUTPUT_UNCONVERTIBLE = 2;

/**
 * The lot/event graph in typed arrays (CSR). Lots, events and locations have dense integer ids
 * (indexes into `lotIds`, `eventIds`, `locationIds`). Edges run input lot → event → output lot.
 * Row `i` of a CSR relation is `start[i] .. start[i + 1]`.
 *
 * Weights: `inWeight` compares the inputs of one event (kg when any input is in a mass unit,
 * else the count in the event's first unit); `prodWeight` compares the producers of one lot the
 * same way. NaN marks a line that cannot be compared: the `unconvertible-quantity` gap.
 */
export interface TraceGraph {
  readonly lotIds: readonly string[];
  readonly lotIndex: ReadonlyMap<string, number>;
  readonly eventIds: readonly string[];
  readonly locationIds: readonly LocationId[];
  /** Distinct `cbvmda:countryOfOrigin` claims, indexed by `eventClaim`. */
  readonly claims: readonly string[];

  /** Per event. */
  readonly eventKind: Uint8Array;
  /** bizLocation, else readPoint; -1 when neither. */
  readonly eventLocation: Int32Array;
  /** Epoch milliseconds; NaN when unparsable. */
  readonly eventTime: Float64Array;
  /** 1 when the event cites a po, inv or bol business transaction. */
  readonly eventHasDocument: Uint8Array;
  readonly eventClaim: Int32Array;
  readonly eventFlags: Uint8Array;

  /** Inputs of each event (transformations only). */
  readonly inStart: Int32Array;
  readonly inLot: Int32Array;
  readonly inWeight: Float64Array;
  readonly inKg: Float64Array;
  /** Outputs of each event (origins and transformations). */
  readonly outStart: Int32Array;
  readonly outLot: Int32Array;
  readonly outKg: Float64Array;

  /** Per lot: the events that produce it, with comparable weights. */
  readonly prodStart: Int32Array;
  readonly prodEvent: Int32Array;
  readonly prodWeight: Float64Array;
  /** Index into the out* arrays of each producing line. */
  readonly prodEdge: Int32Array;
  /** Per lot: the transformations that consume it (`consEdge` indexes the in* arrays). */
  readonly consStart: Int32Array;
  readonly consEvent: Int32Array;
  readonly consEdge: Int32Array;
  /** Per lot: custody events (ship, receive, observe, (dis)aggregate, destroy) naming it. */
  readonly heldStart: Int32Array;
  readonly heldEvent: Int32Array;
  readonly heldKg: Float64Array;
  readonly lotFlags: Uint8Array;

  readonly stats: GraphStats;
  readonly topo: TopoOrder;
}

/** The graph before its topological order is known. */
export type GraphStructure = Omit<TraceGraph, "topo">;

/** What composition does at a node, by topological position (`TopoOrder.kind`). */
export const NODE_LOT = 0;
export const NODE_EVENT = 1;
export const NODE_UNTRACED = 2;
export const NODE_ORIGIN = 3;
export const NODE_FORCED = 4;

/**
 * The graph renumbered in topological order (Kahn's algorithm over lots and events, lots first),
 * so composition is one forward pass over flat arrays: every node pulls the mixes of its
 * predecessors, which sit at lower positions. Node `v` (lots as `l`, events as `lotCount + e`) sits
 * at position `rank[v]`. The order depends on the graph's structure
 * only, so it is computed once with the graph.
 *
 * Cycles in bad data: when the queue runs dry with nodes left, the cycle core (`findCycleCore`)
 * is queued as `NODE_FORCED` (its mix is unknown) so everything downstream still gets a position.
 */
export interface TopoOrder {
  readonly rank: Int32Array;
  /** The inverse of `rank`: the node at each position. */
  readonly order: Int32Array;
  readonly kind: Uint8Array;
  /** Per position: the event's location; for an untraced lot, the location it was last seen at; else -1. */
  readonly place: Int32Array;
  /** Per position: predecessors (producing events of a lot, input lots of an event) as positions. */
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predWeight: Float64Array;
  /** Lots on or between cycles. */
  readonly cycleLots: Int32Array;
}

export interface GraphStats {
  readonly eventsRead: number;
  readonly duplicates: number;
  readonly retracted: number;
  readonly events: number;
  readonly lots: number;
  readonly edges: number;
}

export function lotCount(graph: TraceGraph): number {
  return graph.lotIds.length;
}

export function eventCount(graph: TraceGraph): number {
  return graph.eventIds.length;
}
