import { type ChainSpec, MAX_CLUSTER_EVENTS, streamClusters } from "./cluster-stream.ts";
import { EPCIS_DOCUMENT_TAIL, epcisDocumentHead, epcisEventJson } from "./epcis-json.ts";
import type { GeneratedFile } from "./generated-file.ts";

/** EPCIS documents hold at most this many events; larger chains are split. */
export const MAX_DOCUMENT_EVENTS = 250_000;
/** A document takes the clusters that start inside its window, so it never exceeds the maximum. */
const WINDOW = MAX_DOCUMENT_EVENTS - MAX_CLUSTER_EVENTS;
/** Fixed so that the same seed and size give the same bytes. */
const CREATION_DATE = "2026-01-05T00:00:00.000Z";

type Checkpoint = { readonly index: number; readonly offset: number };

/**
 * Where each document's first cluster is, learnt while earlier documents stream. Writing the
 * documents in order never rebuilds a cluster; reading one out of order rebuilds those before it.
 */
function locate(spec: ChainSpec, checkpoints: Map<number, Checkpoint>, doc: number): Checkpoint {
  const known = checkpoints.get(doc);
  if (known) return known;
  let from = 0;
  for (const key of checkpoints.keys()) if (key < doc && key > from) from = key;
  for (const { cluster, offset } of streamClusters(spec, checkpoints.get(from) ?? { index: 0, offset: 0 })) {
    const window = Math.floor(offset / WINDOW);
    if (!checkpoints.has(window)) checkpoints.set(window, { index: cluster.index, offset });
    if (window >= doc) break;
  }
  return checkpoints.get(doc) ?? { index: Number.MAX_SAFE_INTEGER, offset: spec.events };
}

function* documentChunks(spec: ChainSpec, checkpoints: Map<number, Checkpoint>, doc: number): Generator<string> {
  yield* epcisDocumentHead(CREATION_DATE, spec.pool.all);
  let first = true;
  for (const { cluster, offset } of streamClusters(spec, locate(spec, checkpoints, doc))) {
    if (offset >= (doc + 1) * WINDOW) {
      checkpoints.set(doc + 1, { index: cluster.index, offset });
      break;
    }
    const events = cluster.events.filter((event) => event.facility.channel === "epcis");
    if (events.length === 0) continue;
    yield (first ? "" : ",\n") + events.map(epcisEventJson).join(",\n");
    first = false;
  }
  yield EPCIS_DOCUMENT_TAIL;
}

/** One JSON-LD capture document, or several of at most 250 000 events each for large chains. */
export function epcisDocuments(spec: ChainSpec): GeneratedFile[] {
  const count = Math.max(1, Math.ceil(spec.events / WINDOW));
  const checkpoints = new Map<number, Checkpoint>([[0, { index: 0, offset: 0 }]]);
  return Array.from({ length: count }, (_, doc) => ({
    name: count === 1 ? "chain.epcis.jsonld" : `chain-${String(doc + 1).padStart(3, "0")}.epcis.jsonld`,
    chunks: { [Symbol.iterator]: () => documentChunks(spec, checkpoints, doc) },
  }));
}
