import type { ImportLogEntry, StoreStats, WriteCounts } from "../../app/index.ts";
import type { EventKind } from "../../model/index.ts";

/** Record columns arrive as text from SQLite and already parsed from PostgreSQL's `json`. */
export function decodeRecord<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** Statements shared verbatim by both dialects (`retracted` is a truth value on both). */
export const STATS_SQL = {
  counts: `select
    (select count(*) from parties) as parties,
    (select count(*) from locations) as locations,
    (select count(*) from lots where record is not null) as lots,
    (select count(*) from events) as events,
    (select count(*) from events where retracted) as retracted,
    (select count(*) from links) as links,
    (select count(*) from document_refs) as documents,
    (select count(*) from imports) as imports`,
  byKind: "select kind, count(*) as n from events group by kind order by kind",
  byCountry:
    "select country, count(*) as n from locations where country is not null group by country order by country",
  importLog: `select id, source, sha256, format, started_at, finished_at, added, skipped_issues
    from imports order by id`,
} as const;

type Row = Readonly<Record<string, unknown>>;

/** PostgreSQL returns `count(*)` as a string (bigint); SQLite as a number. */
function n(value: unknown): number {
  return Number(value ?? 0);
}

export function toStats(counts: Row, byKind: readonly Row[], byCountry: readonly Row[]): StoreStats {
  const eventsByKind: Partial<Record<EventKind, number>> = {};
  for (const r of byKind) eventsByKind[r.kind as EventKind] = n(r.n);
  const locationsByCountry: Record<string, number> = {};
  for (const r of byCountry) locationsByCountry[String(r.country)] = n(r.n);
  return {
    parties: n(counts.parties),
    locations: n(counts.locations),
    lots: n(counts.lots),
    events: n(counts.events),
    retractedEvents: n(counts.retracted),
    links: n(counts.links),
    documents: n(counts.documents),
    imports: n(counts.imports),
    eventsByKind,
    locationsByCountry,
  };
}

export function toImportLogEntry(r: Row): ImportLogEntry {
  return {
    id: n(r.id),
    source: String(r.source),
    sha256: String(r.sha256),
    format: String(r.format),
    startedAt: String(r.started_at),
    finishedAt: String(r.finished_at),
    added: decodeRecord<WriteCounts>(r.added),
    skippedIssues: n(r.skipped_issues),
  };
}
