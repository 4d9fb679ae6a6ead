import type { PoolClient } from "pg";
import {
  type DocumentRef,
  type Link,
  type Location,
  type Lot,
  mergeLocation,
  mergeParty,
  type Party,
} from "../../model/index.ts";
import { leanDocumentJson } from "../shared/stored-records.ts";

/**
 * Multi-row inserts as one statement per table and batch: every column travels as one array
 * parameter and `unnest` turns the arrays back into rows, so a batch of any size is one round trip
 * and never meets PostgreSQL's 65535-parameter limit.
 */
export async function insertRows(
  client: PoolClient,
  table: string,
  columns: readonly (readonly [name: string, type: string])[],
  rows: readonly (readonly unknown[])[],
  onConflict = "on conflict (id) do nothing",
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map(([name]) => name).join(", ");
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
  const values = columns.map((_, i) => rows.map((r) => r[i] ?? null));
  const result = await client.query(
    `insert into ${table} (${names}) select * from unnest(${arrays}) ${onConflict}`,
    values,
  );
  return result.rowCount ?? 0;
}

interface MergeSpec<T extends Party | Location> {
  readonly table: "parties" | "locations";
  readonly columns: readonly (readonly [name: string, type: string])[];
  readonly row: (record: T) => readonly unknown[];
  readonly merge: (existing: T, incoming: T) => T | undefined;
}

/**
 * A record seen before is completed from the new source (the model's merge rules), never
 * overwritten: one read of the batch's stored ids, inserts for new ones, one upsert for the changed.
 */
async function writeMerged<T extends Party | Location>(
  client: PoolClient,
  spec: MergeSpec<T>,
  records: readonly T[],
): Promise<number> {
  if (records.length === 0) return 0;
  const byId = new Map<string, T>();
  for (const r of records) {
    const seen = byId.get(r.id);
    byId.set(r.id, seen ? (spec.merge(seen, r) ?? seen) : r);
  }
  const { rows } = await client.query<{ id: string; record: T }>(
    `select id, record from ${spec.table} where id = any($1::text[])`,
    [[...byId.keys()]],
  );
  const stored = new Map(rows.map((r) => [r.id, r.record]));
  const fresh = [...byId.values()].filter((r) => !stored.has(r.id));
  const changed = [...byId.values()].flatMap((r) => {
    const existing = stored.get(r.id);
    const merged = existing ? spec.merge(existing, r) : undefined;
    return merged ? [merged] : [];
  });
  const update = spec.columns.map(([name]) => `${name} = excluded.${name}`).join(", ");
  await insertRows(
    client,
    spec.table,
    spec.columns,
    changed.map(spec.row),
    `on conflict (id) do update set ${update}`,
  );
  return insertRows(client, spec.table, spec.columns, fresh.map(spec.row));
}

const PARTIES: MergeSpec<Party> = {
  table: "parties",
  columns: [
    ["id", "text"],
    ["name", "text"],
    ["country", "text"],
    ["record", "json"],
  ],
  row: (p) => [p.id, p.name, p.country, JSON.stringify(p)],
  merge: mergeParty,
};

const LOCATIONS: MergeSpec<Location> = {
  table: "locations",
  columns: [
    ["id", "text"],
    ["country", "text"],
    ["operator", "text"],
    ["record", "json"],
  ],
  row: (l) => [l.id, l.address.country, l.operator, JSON.stringify(l)],
  merge: mergeLocation,
};

export function insertParties(client: PoolClient, parties: readonly Party[]): Promise<number> {
  return writeMerged(client, PARTIES, parties);
}

export function insertLocations(client: PoolClient, locations: readonly Location[]): Promise<number> {
  return writeMerged(client, LOCATIONS, locations);
}

export function insertLots(client: PoolClient, lots: readonly Lot[]): Promise<number> {
  // One row per id: an upsert may not touch the same row twice in one statement.
  const firstWins = new Map<string, Lot>();
  for (const l of lots) if (!firstWins.has(l.id)) firstWins.set(l.id, l);
  const rows = [...firstWins.values()].map((l) => [l.id, JSON.stringify(l)]);
  return insertRows(
    client,
    "lots",
    [
      ["id", "text"],
      ["record", "json"],
    ],
    rows,
    "on conflict (id) do update set record = excluded.record where lots.record is null",
  );
}

export function insertLinks(client: PoolClient, links: readonly Link[]): Promise<number> {
  const columns = [
    ["id", "text"],
    ["kind", "text"],
    ["from_id", "text"],
    ["to_id", "text"],
    ["record", "json"],
  ] as const;
  const rows = links.map((l) => [l.id, l.kind, l.from, l.to, JSON.stringify(l)]);
  return insertRows(client, "links", columns, rows);
}

export function insertDocuments(client: PoolClient, documents: readonly DocumentRef[]): Promise<number> {
  const columns = [
    ["id", "text"],
    ["type", "text"],
    ["ref", "text"],
    ["event_id", "text"],
    ["record", "json"],
  ] as const;
  const rows = documents.map((d) => [d.id, d.type, d.ref, d.event, leanDocumentJson(d)]);
  return insertRows(client, "document_refs", columns, rows);
}
