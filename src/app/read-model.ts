import { assessShipments, type ShipmentAssessment } from "./assess-shipments.ts";
import type { MatchPool } from "./match-pool.ts";
import { type OpenHit, openHits } from "./review-hits.ts";
import { type StoreScreening, screenStore } from "./screen-store.ts";
import { loadScreeningContext, type ScreeningContext } from "./screening-context.ts";
import type { Store } from "./store.ts";
import { loadTraceContext, type TraceContext } from "./trace-context.ts";

/**
 * What a long-running reader (the HTTP server) computes once and reuses: the screener, every
 * record's screening, the trace graph and the shipment assessments. Each is built on first use
 * and rebuilt after the data changes: `invalidate()` after a write through the same process, and
 * a cheap fingerprint (imports, list versions, review decisions) at most every `recheckMs` notices
 * writes by other processes (a CLI import into the same store).
 */
export interface ReadModel {
  screener(): Promise<ScreeningContext>;
  screening(): Promise<StoreScreening>;
  /** Every hit the current screening produces, decided or not. */
  hits(): Promise<readonly OpenHit[]>;
  traceContext(): Promise<TraceContext>;
  assessments(): Promise<readonly ShipmentAssessment[]>;
  /** Worker threads `/api/match` batches run in; absent, they run on the calling thread. */
  readonly matchPool?: MatchPool;
  invalidate(): void;
}

export function createReadModel(
  store: Store,
  options: {
    readonly recheckMs?: number;
    readonly matchPool?: MatchPool;
    /** Told when a part (`"trace"`, `"screening"`…) starts to be (re)built, before the work. */
    readonly onBuild?: (part: string) => void;
  } = {},
): ReadModel {
  const recheckMs = options.recheckMs ?? 1000;
  let cache = new Map<string, Promise<unknown>>();
  let fingerprint: Promise<string> | undefined;
  let checkedAt = 0;

  async function fresh(): Promise<void> {
    const now = Date.now();
    if (fingerprint && now - checkedAt < recheckMs) return;
    checkedAt = now;
    const previous = fingerprint;
    fingerprint = store.changeMark();
    const [before, after] = await Promise.all([previous, fingerprint]);
    if (before !== undefined && before !== after) cache = new Map();
  }

  function memo<T>(key: string, build: () => Promise<T>): () => Promise<T> {
    return async () => {
      await fresh();
      let hit = cache.get(key) as Promise<T> | undefined;
      if (!hit) {
        options.onBuild?.(key);
        hit = build();
        cache.set(key, hit);
        // A failed build (store down) must not stay cached.
        hit.catch(() => cache.get(key) === hit && cache.delete(key));
      }
      return hit;
    };
  }

  const traceContext = memo("trace", () => loadTraceContext(store));
  return {
    screener: memo("screener", () => loadScreeningContext(store)),
    screening: memo("screening", () => screenStore(store)),
    hits: memo("hits", () => openHits(store, { all: true })),
    traceContext,
    assessments: memo("assessments", async () => assessShipments(await traceContext())),
    ...(options.matchPool ? { matchPool: options.matchPool } : {}),
    invalidate() {
      cache = new Map();
      fingerprint = undefined;
    },
  };
}
