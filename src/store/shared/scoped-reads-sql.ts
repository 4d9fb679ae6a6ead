import type {
  DataScope,
  DocumentRefFilter,
  EventFilter,
  PageRequest,
  RecordFilter,
  ScopedKind,
} from "../../app/index.ts";
import { recordColumns } from "./stored-records.ts";

/** SQL text with `?` placeholders and its parameters in order; PostgreSQL numbers them. */
export interface ScopedQuery {
  readonly text: string;
  readonly params: readonly (string | number)[];
}

/** How each dialect reads a location's name out of its JSON record. */
export interface ScopedDialect {
  readonly locationName: string;
}

export type Part = readonly [sql: string, ...params: (string | number)[]];

/** The locations a party operates: named as operator, or linked by `operates`/`owns`. */
function scopeLocations(party: string): Part {
  return [
    `select id from locations where operator = ?
      union select to_id from links where from_id = ? and kind in ('operates', 'owns')`,
    party,
    party,
  ];
}

function eventsAtScope(alias: string, party: string): Part {
  const [locs, ...p] = scopeLocations(party);
  return [`(${alias}.biz_location in (${locs}) or ${alias}.read_point in (${locs}))`, ...p, ...p];
}

/**
 * How a condition reads the events at the scope. `set`: every such event once per statement (a
 * listing walks many rows); `row`: only the events of the row at hand, through its indexes (a read
 * of one or a few rows by id, where the set would cost a scan of the events table: ≈ 0.6 s at 1 M).
 */
export type ScopeReach = "set" | "row";

function lotsAtScope(party: string, reach: ScopeReach): Part {
  const [at, ...p] = eventsAtScope("se", party);
  const edges = `from event_lots sl join events se on se.key = sl.event_key where not se.retracted and ${at}`;
  return reach === "row"
    ? [`exists (select 1 ${edges} and sl.lot_key = lots.key)`, ...p]
    : [`lots.key in (select sl.lot_key ${edges})`, ...p];
}

function refsAtScope(party: string, reach: ScopeReach): Part {
  const [at, ...p] = eventsAtScope("se", party);
  return reach === "row"
    ? [`exists (select 1 from events se where ${at} and se.id = document_refs.event_id)`, ...p]
    : [`document_refs.event_id in (select se.id from events se where ${at})`, ...p];
}

/** The condition a row of `kind` must meet to be visible to `scope` (none for `all`). */
export function scopeCondition(
  kind: ScopedKind,
  scope: DataScope,
  reach: ScopeReach = "set",
): Part | undefined {
  if (scope.kind === "all") return undefined;
  const party = scope.partyId as string;
  switch (kind) {
    case "party":
      return ["parties.id = ?", party];
    case "location": {
      const [locs, ...p] = scopeLocations(party);
      return [`locations.id in (${locs})`, ...p];
    }
    case "lot":
      return lotsAtScope(party, reach);
    case "event":
      return eventsAtScope("events", party);
    case "document-ref":
      return refsAtScope(party, reach);
  }
}

const TABLE: Readonly<Record<ScopedKind, string>> = {
  party: "parties",
  location: "locations",
  lot: "lots",
  event: "events",
  "document-ref": "document_refs",
};

/** `like` pattern matching `q` anywhere, with the wildcards in `q` taken literally. */
function containing(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function build(
  kind: ScopedKind,
  scope: DataScope,
  page: PageRequest,
  filters: readonly Part[],
  reach: ScopeReach = "set",
): ScopedQuery {
  const table = TABLE[kind];
  const parts: Part[] = [[`${table}.id > ?`, page.after ?? ""], ...filters];
  const scoped = scopeCondition(kind, scope, reach);
  if (scoped) parts.push(scoped);
  if (kind === "lot") parts.push(["lots.record is not null"]);
  const where = parts.map(([sql]) => `(${sql})`).join(" and ");
  const params = parts.flatMap(([, ...p]) => p);
  return {
    text: `select ${recordColumns(table, true)} from ${table} where ${where} order by ${table}.id limit ?`,
    params: [...params, page.limit],
  };
}

export function partiesQuery(scope: DataScope, f: RecordFilter): ScopedQuery {
  const filters: Part[] = [];
  if (f.q) filters.push(["lower(parties.name) like ? escape '\\'", containing(f.q)]);
  if (f.country) filters.push(["parties.country = ?", f.country]);
  return build("party", scope, f, filters);
}

export function locationsQuery(dialect: ScopedDialect, scope: DataScope, f: RecordFilter): ScopedQuery {
  const filters: Part[] = [];
  if (f.q) {
    const name = `lower(coalesce(${dialect.locationName}, ''))`;
    filters.push([
      `${name} like ? escape '\\' or lower(locations.id) like ? escape '\\'`,
      containing(f.q),
      containing(f.q),
    ]);
  }
  if (f.country) filters.push(["locations.country = ?", f.country]);
  return build("location", scope, f, filters);
}

export function lotsQuery(scope: DataScope, f: PageRequest): ScopedQuery {
  return build("lot", scope, f, []);
}

export function eventsQuery(scope: DataScope, f: EventFilter): ScopedQuery {
  const filters: Part[] = [];
  if (!f.includeRetracted) filters.push(["not events.retracted"]);
  if (f.kind) filters.push(["events.kind = ?", f.kind]);
  if (f.location) filters.push(["events.biz_location = ? or events.read_point = ?", f.location, f.location]);
  if (f.lot)
    filters.push([
      "events.key in (select el.event_key from event_lots el join lots l on l.key = el.lot_key where l.id = ?)",
      f.lot,
    ]);
  return build("event", scope, f, filters);
}

export function documentRefsQuery(scope: DataScope, f: DocumentRefFilter): ScopedQuery {
  const filters: Part[] = f.event ? [["document_refs.event_id = ?", f.event]] : [];
  if (f.ids)
    filters.push(
      f.ids.length === 0 ? ["1 = 0"] : [`document_refs.id in (${f.ids.map(() => "?").join(", ")})`, ...f.ids],
    );
  // A few rows by id: each is checked against the scope on its own.
  return build("document-ref", scope, f, filters, f.ids ? "row" : "set");
}

export function inScopeQuery(scope: DataScope, kind: ScopedKind, id: string): ScopedQuery {
  const table = TABLE[kind];
  const parts: Part[] = [[`${table}.id = ?`, id]];
  const scoped = scopeCondition(kind, scope, "row");
  if (scoped) parts.push(scoped);
  if (kind === "lot") parts.push(["lots.record is not null"]);
  return {
    text: `select 1 as found from ${table} where ${parts.map(([sql]) => `(${sql})`).join(" and ")}`,
    params: parts.flatMap(([, ...p]) => p),
  };
}

/** `?` → `$1, $2…` for PostgreSQL (the texts above hold no other question mark). */
export function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}
