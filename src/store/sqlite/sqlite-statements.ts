import type { Database, Statement } from "better-sqlite3";
import { recordColumns } from "../shared/stored-records.ts";

/** The write path's prepared statements: prepared once per store, run once per record. */
export interface SqliteStatements {
  readonly insertParty: Statement;
  readonly insertLocation: Statement;
  readonly partyRecord: Statement;
  readonly locationRecord: Statement;
  readonly updateParty: Statement;
  readonly updateLocation: Statement;
  readonly insertLot: Statement;
  readonly insertLotRef: Statement;
  readonly lotKey: Statement;
  readonly insertEvent: Statement;
  readonly insertEdge: Statement;
  readonly insertLink: Statement;
  readonly insertDocument: Statement;
  readonly findEvents: Statement;
  readonly markRetracted: Statement;
  readonly retractedKeys: Statement;
  readonly insertImport: Statement;
}

export function prepareSqliteStatements(db: Database): SqliteStatements {
  const p = (text: string) => db.prepare(text);
  return {
    insertParty: p(
      "insert into parties (id, name, country, record) values (?, ?, ?, ?) on conflict (id) do nothing",
    ),
    insertLocation: p(
      "insert into locations (id, country, operator, record) values (?, ?, ?, ?) on conflict (id) do nothing",
    ),
    partyRecord: p("select record from parties where id = ?").pluck(),
    locationRecord: p("select record from locations where id = ?").pluck(),
    updateParty: p("update parties set name = ?, country = ?, record = ? where id = ?"),
    updateLocation: p("update locations set country = ?, operator = ?, record = ? where id = ?"),
    // A lot first seen in an event has a row without a record; its master data fills it in. The
    // key comes back (no row when nothing changed), so the session's events need not look it up.
    insertLot: p(
      `insert into lots (id, record) values (?, ?)
       on conflict (id) do update set record = excluded.record where lots.record is null
       returning key`,
    ).pluck(),
    insertLotRef: p("insert into lots (id) values (?) on conflict (id) do nothing"),
    lotKey: p("select key from lots where id = ?").pluck(),
    insertEvent: p(
      `insert into events (id, declared_id, epcis_type, kind, action, event_time, biz_step, read_point,
         biz_location, retracted, record)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing`,
    ),
    insertEdge: p(
      `insert into event_lots (event_key, role, position, lot_key, quantity, uom, kg)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertLink: p(
      "insert into links (id, kind, from_id, to_id, record) values (?, ?, ?, ?, ?) on conflict (id) do nothing",
    ),
    insertDocument: p(
      `insert into document_refs (id, type, ref, event_id, record) values (?, ?, ?, ?, ?)
       on conflict (id) do nothing`,
    ),
    findEvents: p(
      `select key, ${recordColumns("events")} from events
       where id in (?, ?) or declared_id in (?, ?) order by key`,
    ),
    markRetracted: p("update events set retracted = 1, record = ? where key = ?"),
    // Through the partial index on retracted events (few): the ids an original could match.
    retractedKeys: p("select id, declared_id from events where retracted"),
    insertImport: p(
      `insert into imports (source, sha256, format, started_at, finished_at, added, skipped_issues)
       values (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}
