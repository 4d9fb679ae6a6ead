import { compareText } from "./compare-text.ts";

interface Graph {
  readonly nodes: readonly { readonly id: string }[];
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

/**
 * Tier of each node = length of the longest edge path from any origin to it, so a trader between
 * gin and spinner gets its own column and the importer is always last. Cycles in bad data are
 * cut (an edge back to a node still being visited is ignored) rather than looped on.
 */
export function tierDepths(graph: Graph): ReadonlyMap<string, number> {
  const incoming = new Map<string, string[]>();
  for (const node of graph.nodes) incoming.set(node.id, []);
  for (const edge of graph.edges) incoming.get(edge.to)?.push(edge.from);
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id) || !incoming.has(id)) return -1;
    visiting.add(id);
    const parents = incoming.get(id) ?? [];
    const d = parents.reduce((max, p) => Math.max(max, visit(p) + 1), 0);
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const node of [...graph.nodes].sort((a, b) => compareText(a.id, b.id))) visit(node.id);
  pullSourcesForward(graph, incoming, depth);
  return depth;
}

/**
 * A source that feeds a later tier directly (an undocumented yarn trader selling to a spinner)
 * sits one column before its first buyer, not among the farms, so its edge stays short.
 */
function pullSourcesForward(
  graph: Graph,
  incoming: ReadonlyMap<string, string[]>,
  depth: Map<string, number>,
): void {
  for (const node of graph.nodes) {
    if ((incoming.get(node.id) ?? []).length > 0) continue;
    const buyers = graph.edges.filter((e) => e.from === node.id).map((e) => depth.get(e.to) ?? 1);
    if (buyers.length > 0) depth.set(node.id, Math.max(0, Math.min(...buyers) - 1));
  }
}
