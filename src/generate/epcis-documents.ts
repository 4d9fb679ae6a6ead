import { type ChainSpec, MAX_CLUSTER_EVENTS, streamClusters } from "./cluster-stream.ts";
import { EPCIS_DOCUMENT_TAIL, epcisDocumentHead, epcisEventJson } from "./epcis-json.ts";
import type { GeneratedFile } from "./generated-file.ts";

/** EPCIS documents hold at most this many events; larger chains are split. */
export const MAX_DOCUMENT_EVENTS = 250_000;
/** Fixed so that the same seed and size give the same bytes. */
const CREATION_DATE = "2026-01-05T00:00:00.000Z";

type Checkpoint = { readonly index: number; readonly offset: number };

/**
 * Where each document's first cluster is, learnt while earlier documents stream. Writing the
 * documents in order never rebuilds a cluster; reading one out of order rebuilds those before it.
 */
function locate(
  spec: ChainSpec,
  window: number,
  checkpoints: Map<number, Checkpoint>,
  doc: number,
): Checkpoint {
  const known = checkpoints.get(doc);
  if (known) return known;
  let from = 0;
  for (const key of checkpoints.keys()) if (key < doc && key > from) from = key;
  for (const { cluster, offset } of streamClusters(spec, checkpoints.get(from) ?? { index: 0, offset: 0 })) {
    const at = Math.floor(offset / window);
    if (!checkpoints.has(at)) checkpoints.set(at, { index: cluster.index, offset });
    if (at >= doc) break;
  }
  return checkpoints.get(doc) ?? { index: Number.MAX_SAFE_INTEGER, offset: spec.events };
}

function* documentChunks(
  spec: ChainSpec,
  window: number,
  checkpoints: Map<number, Checkpoint>,
  doc: number,
): Generator<string> {
  yield* epcisDocumentHead(CREATION_DATE, spec.pool.all);
  let first = true;
  for (const { cluster, offset } of streamClusters(spec, locate(spec, window, checkpoints, doc))) {
    if (offset >= (doc + 1) * window) {
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

/**
 * One JSON-LD capture document, or several of at most `maxEvents` events each for large chains.
 * A document takes the clusters that start inside its window of `maxEvents - MAX_CLUSTER_EVENTS`
 * events, so it never exceeds the maximum and never splits a cluster (a retraction stays beside
 * the event it retracts).
 */
export function epcisDocuments(spec: ChainSpec, maxEvents = MAX_DOCUMENT_EVENTS): GeneratedFile[] {
  if (maxEvents <= MAX_CLUSTER_EVENTS)
    throw new RangeError(`maxDocumentEvents must exceed ${MAX_CLUSTER_EVENTS}`);
  const window = maxEvents - MAX_CLUSTER_EVENTS;
  const count = Math.max(1, Math.ceil(spec.events / window));
  const checkpoints = new Map<number, Checkpoint>([[0, { index: 0, offset: 0 }]]);
  return Array.from({ length: count }, (_, doc) => ({
    name: count === 1 ? "chain.epcis.jsonld" : `chain-${String(doc + 1).padStart(3, "0")}.epcis.jsonld`,
    chunks: { [Symbol.iterator]: () => documentChunks(spec, window, checkpoints, doc) },
  }));
}
