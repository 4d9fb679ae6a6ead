import type { PoolClient } from "pg";
import type { DocumentRef, Link, Location, Lot, Party } from "../../model/index.ts";

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

export function insertParties(client: PoolClient, parties: readonly Party[]): Promise<number> {
  const columns = [
    ["id", "text"],
    ["name", "text"],
    ["country", "text"],
    ["record", "json"],
  ] as const;
  const rows = parties.map((p) => [p.id, p.name, p.country, JSON.stringify(p)]);
  return insertRows(client, "parties", columns, rows);
}

export function insertLocations(client: PoolClient, locations: readonly Location[]): Promise<number> {
  const columns = [
    ["id", "text"],
    ["country", "text"],
    ["operator", "text"],
    ["record", "json"],
  ] as const;
  const rows = locations.map((l) => [l.id, l.address.country, l.operator, JSON.stringify(l)]);
  return insertRows(client, "locations", columns, rows);
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
  const rows = documents.map((d) => [d.id, d.type, d.ref, d.event, JSON.stringify(d)]);
  return insertRows(client, "document_refs", columns, rows);
}
