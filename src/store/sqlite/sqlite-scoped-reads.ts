import type { Database, Statement } from "better-sqlite3";
import type { ScopedReads } from "../../app/index.ts";
import type { DocumentRef, Location, Lot, Party, SupplyEvent } from "../../model/index.ts";
import {
  documentRefsQuery,
  eventsQuery,
  inScopeQuery,
  locationsQuery,
  lotsQuery,
  partiesQuery,
  type ScopedQuery,
} from "../shared/scoped-reads-sql.ts";
import { guarded } from "../shared/store-error.ts";
import { recordOf } from "../shared/stored-records.ts";

const DIALECT = { locationName: "json_extract(locations.record, '$.name')" };

/**
 * Statements by SQL text, prepared once per connection. A listing's text depends only on which
 * filters are set and on the scope's kind (the values are parameters), so there are a few dozen at
 * most; preparing one per request cost the server's event loop more than running it (profiled
 * under bench:server). Bounded all the same, the oldest dropped first.
 */
export function statementCache(db: Database, max = 256): (text: string) => Statement {
  const kept = new Map<string, Statement>();
  return (text) => {
    const known = kept.get(text);
    if (known) return known;
    const statement = db.prepare(text);
    if (kept.size >= max) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    kept.set(text, statement);
    return statement;
  };
}

/** Scoped listings on the read-only connection (committed data only). */
export function sqliteScopedReads(db: Database): ScopedReads {
  const prepared = statementCache(db);
  // `all` and `get` run to the end before returning, so one statement serves every request.
  const records = <T>(table: string, what: string, q: ScopedQuery): Promise<T[]> =>
    guarded(`listing ${what}`, () =>
      (prepared(q.text).all(...q.params) as Record<string, unknown>[]).map((r) => recordOf<T>(table, r)),
    );
  return {
    scopedParties: (scope, f) => records<Party>("parties", "parties", partiesQuery(scope, f)),
    scopedLocations: (scope, f) =>
      records<Location>("locations", "locations", locationsQuery(DIALECT, scope, f)),
    scopedLots: (scope, f) => records<Lot>("lots", "lots", lotsQuery(scope, f)),
    scopedEvents: (scope, f) => records<SupplyEvent>("events", "events", eventsQuery(scope, f)),
    scopedDocumentRefs: (scope, f) =>
      records<DocumentRef>("document_refs", "document references", documentRefsQuery(scope, f)),
    inScope: (scope, kind, id) =>
      guarded(`reading a ${kind}`, () => {
        const q = inScopeQuery(scope, kind, id);
        return prepared(q.text).get(...q.params) !== undefined;
      }),
  };
}
