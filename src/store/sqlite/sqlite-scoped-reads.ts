import type { Database } from "better-sqlite3";
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
import { statementCache } from "./statement-cache.ts";

const DIALECT = { locationName: "json_extract(locations.record, '$.name')" };

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
