import type { ShardGraph } from "../../src/app/index.ts";
import { createPrng } from "../../src/generate/prng.ts";

/**
 * A seeded layered lot → lot graph the size of a large store (`edges` about as asked), for the
 * sharded tests and `bench:scale`: origin lots with one origin bucket each, lots with 1–5 inputs
 * from earlier layers (weights normalised per lot), untraced lots (unknown) scattered in every
 * layer, and node ids spread over a wide range so the hash, not the order, places them.
 */
export interface SyntheticGraph extends ShardGraph {
  readonly buckets: number;
}

const ID_STRIDE = 7919;

export function syntheticGraph(
  edges: number,
  options: { seed?: number; layers?: number; buckets?: number } = {},
): SyntheticGraph {
  const random = createPrng(options.seed ?? 1).next;
  const layers = options.layers ?? 8;
  const buckets = options.buckets ?? 6;
  // Lots past the first layer average 3 inputs, 2 % of them untraced: edges per lot on average.
  const count = Math.max(layers * 4, Math.round(edges / (3 * (1 - 1 / layers) * 0.98)));
  const perLayer = Math.ceil(count / layers);
  const nodes: number[] = [];
  const edgeSrc: number[] = [];
  const edgeDst: number[] = [];
  const edgeEvent: number[] = [];
  const edgeFrac: number[] = [];
  const seedNode: number[] = [];
  const seedBucket: number[] = [];
  const seedShare: number[] = [];
  const id = (i: number) => i * ID_STRIDE + 11;
  for (let i = 0; i < count; i++) {
    nodes.push(id(i));
    const layer = Math.floor(i / perLayer);
    if (layer === 0 || random() < 0.02) {
      seedNode.push(id(i));
      // bucket 0 is unknown: an untraced lot; the rest are origins.
      seedBucket.push(layer === 0 ? 1 + Math.floor(random() * (buckets - 1)) : 0);
      seedShare.push(1);
      continue;
    }
    const inputs = 1 + Math.floor(random() * 5);
    const weights = Array.from({ length: inputs }, () => 0.1 + random());
    const total = weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < inputs; k++) {
      // Mostly from the layer before, sometimes from any earlier one.
      const from = random() < 0.8 ? layer - 1 : Math.floor(random() * layer);
      const src = Math.min(count - 1, from * perLayer + Math.floor(random() * perLayer));
      edgeSrc.push(id(src));
      edgeDst.push(id(i));
      edgeEvent.push(edgeEvent.length);
      edgeFrac.push(weights[k]! / total);
    }
  }
  return { nodes, edgeSrc, edgeDst, edgeEvent, edgeFrac, seedNode, seedBucket, seedShare, buckets };
}

/**
 * The reference: every node's mix in memory, edges in the order written (each edge goes to a later
 * layer, and the edges of a lot are written after those of every earlier lot).
 */
export function referenceMixes(graph: SyntheticGraph): Map<number, Float64Array> {
  const b = graph.buckets;
  const index = new Map<number, number>();
  for (let i = 0; i < graph.nodes.length; i++) index.set(graph.nodes[i]!, i);
  const mix = new Float64Array(graph.nodes.length * b);
  for (let s = 0; s < graph.seedNode.length; s++)
    mix[index.get(graph.seedNode[s]!)! * b + graph.seedBucket[s]!]! += graph.seedShare[s]!;
  // `syntheticGraph` writes the edges in the order of their destination's layer: no sort needed.
  for (let e = 0; e < graph.edgeSrc.length; e++) {
    const src = index.get(graph.edgeSrc[e]!)!;
    const dst = index.get(graph.edgeDst[e]!)!;
    for (let k = 0; k < b; k++) mix[dst * b + k]! += graph.edgeFrac[e]! * mix[src * b + k]!;
  }
  const out = new Map<number, Float64Array>();
  for (let i = 0; i < graph.nodes.length; i++) out.set(graph.nodes[i]!, mix.subarray(i * b, (i + 1) * b));
  return out;
}

/** Each node's inputs (dst → src list) and its depth: the longest path from a seed or input-less lot. */
export function upstreamIndex(graph: SyntheticGraph): {
  inputs: Map<number, number[]>;
  depth: Map<number, number>;
} {
  const inputs = new Map<number, number[]>();
  const depth = new Map<number, number>();
  // Edges come in their destination's layer order, so a source's depth is final before it is read.
  for (let e = 0; e < graph.edgeSrc.length; e++) {
    const [src, dst] = [graph.edgeSrc[e]!, graph.edgeDst[e]!];
    inputs.set(dst, [...(inputs.get(dst) ?? []), src]);
    depth.set(dst, Math.max(depth.get(dst) ?? 0, (depth.get(src) ?? 0) + 1));
  }
  return { inputs, depth };
}

/** Every node upstream of `node`, sorted. */
export function referenceAncestors(inputs: ReadonlyMap<number, readonly number[]>, node: number): number[] {
  const seen = new Set<number>();
  const stack = [node];
  while (stack.length > 0)
    for (const src of inputs.get(stack.pop()!) ?? [])
      if (!seen.has(src)) {
        seen.add(src);
        stack.push(src);
      }
  return [...seen].sort((a, b) => a - b);
}
