import type { Pool, PoolClient } from "pg";
import { AppError, type AuditEntry, type ImportLogEntry, type WriteCounts } from "../../app/index.ts";
import type { DocumentRef, RecordBatch, SupplyEvent } from "../../model/index.ts";
import type { SessionDriver } from "../shared/import-session.ts";
import { zeroCounts } from "../shared/write-counts.ts";
import { appendPostgresAudit } from "./postgres-account-records.ts";
import { applyRetraction, applyStoredRetractions, insertEvents } from "./postgres-event-writes.ts";
import {
  insertDocuments,
  insertLinks,
  insertLocations,
  insertLots,
  insertParties,
} from "./postgres-record-writes.ts";

/** Arbitrary but fixed: the advisory lock that makes imports exclusive across processes. */
const IMPORT_LOCK = "7526913408817150001";
/** Events per statement: large enough to amortise round trips, small enough to keep statements modest. */
const EVENT_CHUNK = 5000;
/** Document ids remembered per session; cleared when large so memory stays bounded. */
const DOCUMENT_CACHE_LIMIT = 200_000;

async function writeEvents(
  client: PoolClient,
  events: readonly SupplyEvent[],
  state: { anyRetracted: boolean },
): Promise<{ events: number; retracted: number }> {
  let added = 0;
  let retracted = 0;
  // Originals first, so a retraction later in the same batch finds what it retracts.
  const originals = events.filter((e) => !e.retracted);
  for (let i = 0; i < originals.length; i += EVENT_CHUNK) {
    let chunk = originals.slice(i, i + EVENT_CHUNK);
    if (state.anyRetracted) chunk = await applyStoredRetractions(client, chunk);
    added += await insertEvents(client, chunk);
  }
  for (const e of events) {
    if (!e.retracted) continue;
    const [stored, marked] = await applyRetraction(client, e);
    added += stored;
    retracted += marked;
    state.anyRetracted = true;
  }
  return { events: added, retracted };
}

async function lockImports(client: PoolClient, location: string): Promise<boolean> {
  await client.query("begin");
  const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_xact_lock($1::bigint) as ok", [
    IMPORT_LOCK,
  ]);
  if (rows[0]?.ok === true) return true;
  await client.query("rollback");
  throw new AppError("conflict", `another process is importing into ${location}`);
}

/** One pooled connection holds the import's transaction from `begin` to `commit`/`rollback`. */
export async function beginPostgresSession(pool: Pool, location: string): Promise<SessionDriver> {
  const client = await pool.connect();
  // A checked-out client that loses its connection emits 'error'; the next query then fails.
  let lost: Error | undefined;
  client.on("error", (e) => {
    lost = e;
  });
  try {
    await lockImports(client, location);
  } catch (e) {
    client.release();
    throw e;
  }
  const { rows } = await client.query<{ any: boolean }>(
    "select exists (select 1 from events where retracted) as any",
  );
  const state = { anyRetracted: rows[0]?.any === true };
  // Document reference ids this session has sent: a shipment and its receipt name the same
  // documents, and a repeat would only be the conflict's no-op on the server.
  const documentIds = new Set<string>();
  const newDocuments = (documents: readonly DocumentRef[]): DocumentRef[] => {
    const fresh: DocumentRef[] = [];
    for (const d of documents) {
      if (documentIds.has(d.id)) continue;
      if (documentIds.size >= DOCUMENT_CACHE_LIMIT) documentIds.clear();
      documentIds.add(d.id);
      fresh.push(d);
    }
    return fresh;
  };
  const end = async (statement: "commit" | "rollback") => {
    try {
      await client.query(statement);
    } finally {
      client.release(lost);
    }
  };
  return {
    async write(batch: RecordBatch): Promise<WriteCounts> {
      if (lost) throw lost;
      const c = zeroCounts();
      c.parties = await insertParties(client, batch.parties);
      c.locations = await insertLocations(client, batch.locations);
      c.lots = await insertLots(client, batch.lots);
      Object.assign(c, await writeEvents(client, batch.events, state));
      c.links = await insertLinks(client, batch.links);
      c.documents = await insertDocuments(client, newDocuments(batch.documents));
      return c;
    },
    async commit(entry: Omit<ImportLogEntry, "id">, audit?: (id: number) => AuditEntry): Promise<number> {
      const { rows: logged } = await client.query<{ id: string }>(
        `insert into imports (source, sha256, format, started_at, finished_at, added, skipped_issues)
         values ($1, $2, $3, $4, $5, $6::json, $7) returning id`,
        [
          entry.source,
          entry.sha256,
          entry.format,
          entry.startedAt,
          entry.finishedAt,
          JSON.stringify(entry.added),
          entry.skippedIssues,
        ],
      );
      const id = Number(logged[0]?.id);
      if (audit) await appendPostgresAudit(client, audit(id));
      await end("commit");
      return id;
    },
    rollback: () => end("rollback"),
  };
}
