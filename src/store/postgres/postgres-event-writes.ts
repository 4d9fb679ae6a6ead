import type { PoolClient } from "pg";
import { storedEventJson } from "../../app/index.ts";
import type { SupplyEvent } from "../../model/index.ts";
import { eventEdges, eventRow, matchKeys, retractedRecord } from "../shared/event-row.ts";
import { recordColumns, storedEvent } from "../shared/stored-records.ts";
import { insertRows } from "./postgres-record-writes.ts";

interface StoredEvent {
  readonly key: string;
  readonly id: string;
  readonly declared_id: string | null;
  readonly retracted: boolean;
  readonly record: unknown;
  readonly [column: string]: unknown;
}

/** Keys (bigint) travel as strings: they only go back into the database. */
async function lotKeys(client: PoolClient, ids: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await client.query<{ key: string; id: string }>(
    // `= any($1)` rather than a join on the unnested list: the planner then probes the unique
    // index instead of hashing the whole table on every batch.
    `with added as (insert into lots (id) select unnest($1::text[]) on conflict (id) do nothing returning key, id)
     select key, id from added
     union all select key, id from lots where id = any($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.key]));
}

async function insertEdges(
  client: PoolClient,
  inserted: readonly [key: string, e: SupplyEvent][],
): Promise<void> {
  const edges = inserted.flatMap(([key, e]) => eventEdges(e).map((edge) => ({ key, edge })));
  if (edges.length === 0) return;
  const keys = await lotKeys(client, [...new Set(edges.map((x) => x.edge.lot))]);
  const columns = [
    ["event_key", "bigint"],
    ["role", "text"],
    ["position", "integer"],
    ["lot_key", "bigint"],
    ["quantity", "float8"],
    ["uom", "text"],
    ["kg", "float8"],
  ] as const;
  const rows = edges.map(({ key, edge: g }) => [
    key,
    g.role,
    g.position,
    keys.get(g.lot),
    g.quantity,
    g.uom,
    g.kg,
  ]);
  await insertRows(client, "event_lots", columns, rows, "");
}

/** Inserts events not yet stored (by id), with their edges; returns how many were new. */
export async function insertEvents(client: PoolClient, events: readonly SupplyEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map(eventRow);
  const { rows: added } = await client.query<{ key: string; id: string }>(
    `insert into events (id, declared_id, epcis_type, kind, action, event_time, biz_step, read_point,
       biz_location, retracted, record)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::text[], $10::boolean[], $11::json[])
     on conflict (id) do nothing returning key, id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.declaredId),
      rows.map((r) => r.epcisType),
      rows.map((r) => r.kind),
      rows.map((r) => r.action),
      rows.map((r) => r.eventTime),
      rows.map((r) => r.bizStep),
      rows.map((r) => r.readPoint),
      rows.map((r) => r.bizLocation),
      rows.map((r) => r.retracted),
      rows.map((r) => r.record),
    ],
  );
  // With a repeated id the first occurrence is the row that went in.
  const byId = new Map<string, SupplyEvent>();
  for (const e of events) if (!byId.has(e.id)) byId.set(e.id, e);
  await insertEdges(
    client,
    added.map((r) => [r.key, byId.get(r.id) as SupplyEvent]),
  );
  return added.length;
}

/** Stored events whose id or declared id is one of `keys`. */
export async function findStoredEvents(
  client: PoolClient,
  keys: readonly string[],
  onlyRetracted = false,
): Promise<StoredEvent[]> {
  const { rows } = await client.query<StoredEvent>(
    `select key, ${recordColumns("events")} from events
     where (id = any($1::text[]) or declared_id = any($1::text[])) ${onlyRetracted ? "and retracted" : ""}
     order by key`,
    [keys],
  );
  return rows;
}

/** Originals whose retraction is already stored go in already retracted. */
export async function applyStoredRetractions(
  client: PoolClient,
  originals: readonly SupplyEvent[],
): Promise<SupplyEvent[]> {
  const stored = await findStoredEvents(client, originals.flatMap(matchKeys), true);
  if (stored.length === 0) return [...originals];
  const byKey = new Map<string, StoredEvent>();
  for (const s of stored) {
    byKey.set(s.id, s);
    if (s.declared_id !== null) byKey.set(s.declared_id, s);
  }
  return originals.map((e) => {
    const retraction = matchKeys(e)
      .map((k) => byKey.get(k))
      .find((s) => s !== undefined);
    return retraction === undefined ? e : retractedRecord(e, storedEvent(retraction));
  });
}

/** Marks the stored events a retraction names; returns [stored as new, stored events retracted]. */
export async function applyRetraction(client: PoolClient, e: SupplyEvent): Promise<[number, number]> {
  const matches = await findStoredEvents(client, matchKeys(e));
  if (matches.length === 0) return [await insertEvents(client, [e]), 0];
  let retracted = 0;
  for (const m of matches) {
    if (m.retracted) continue;
    await client.query("update events set retracted = true, record = $1::json where key = $2", [
      storedEventJson(retractedRecord(storedEvent(m), e)),
      m.key,
    ]);
    retracted += 1;
  }
  return [0, retracted];
}
