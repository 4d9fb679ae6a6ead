import type { Location, LocationId, SupplyEvent } from "../model/index.ts";
import { resolveRegion } from "../screen/index.ts";
import {
  buildTraceGraph,
  type Composition,
  computeComposition,
  type ListedHits,
  type RegionInfo,
  type StageOf,
  stageFromProcessingType,
  type TraceGraph,
} from "../trace/index.ts";
import { type ListMatch, listedHitsOf } from "./screener.ts";
import {
  confirmedOnly,
  dismissedIn,
  loadScreeningContext,
  type ScreeningContext,
  screenedPartyHits,
  withoutDismissed,
} from "./screening-context.ts";
import type { Store } from "./store.ts";

/** Everything a trace or balance needs, built once per command from the store. */
export interface TraceContext {
  readonly graph: TraceGraph;
  readonly composition: Composition;
  readonly locations: ReadonlyMap<string, Location>;
  readonly events: readonly SupplyEvent[];
  readonly stageOf: StageOf;
  readonly listedHits: ListedHits;
  /** Screening hits per party id (own names, XPCC markers, owners' hits), less dismissed ones. */
  readonly partyHits: ReadonlyMap<string, readonly ListMatch[]>;
  /** The same with dismissed hits kept, for reports that show every decision. */
  readonly screenedPartyHits: ReadonlyMap<string, readonly ListMatch[]>;
  /** The list version and reviewers' decisions the hits were judged on. */
  readonly screening: ScreeningContext;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The geography resolver's verdict on a location, as the tracer wants it (region = province). */
export function regionOfLocation(location: Location | undefined): RegionInfo | undefined {
  if (!location) return undefined;
  const region = resolveRegion(location.address);
  const country = region.country ?? location.address.country;
  if (!country) return undefined;
  const province = region.xinjiang ? "Xinjiang" : region.province?.pinyin;
  return {
    country,
    ...(province === undefined ? {} : { region: province }),
    xinjiang: region.xinjiang,
  };
}

/**
 * Loads the graph and screens every party and location against the store's latest list version,
 * so a trace knows which locations a listed entity operated, owned or was named at. Hits a
 * reviewer dismissed leave the chain; confirmed and undecided ones stay.
 */
export async function loadTraceContext(store: Store): Promise<TraceContext> {
  const locationList = await collect(store.locations());
  const locations = new Map(locationList.map((l) => [l.id as string, l]));
  const screening = await loadScreeningContext(store);
  const screened = screenedPartyHits(screening, await collect(store.parties()), await collect(store.links()));
  const partyHits = withoutDismissed(screening, screened);
  const listedHits: ListedHits = listedHitsOf(
    screening.screener,
    locationList,
    partyHits,
    dismissedIn(screening, "location"),
    confirmedOnly("location", screening),
  );
  // Retracted events are needed too: the graph matches retractions to originals itself.
  const events = await collect(store.events({ includeRetracted: true }));
  const graph = buildTraceGraph(events);
  const regions = new Map<string, RegionInfo | undefined>();
  const regionOf = (id: LocationId) => {
    if (!regions.has(id)) regions.set(id, regionOfLocation(locations.get(id)));
    return regions.get(id);
  };
  const stageOf: StageOf = (id) => stageFromProcessingType(locations.get(id)?.processingType);
  const composition = computeComposition(graph, regionOf, { stageOf });
  return {
    graph,
    composition,
    locations,
    events,
    stageOf,
    listedHits,
    partyHits,
    screenedPartyHits: screened,
    screening,
  };
}
