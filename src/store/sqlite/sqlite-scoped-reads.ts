import type { Database } from "better-sqlite3";
import type { ScopedReads } from "../../app/index.ts";
import type { DocumentRef, Location, Lot, Party, SupplyEvent } from "../../model/index.ts";
import { decodeRecord } from "../shared/read-rows.ts";
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

const DIALECT = { locationName: "json_extract(locations.record, '$.name')" };

/** Scoped listings on the read-only connection (committed data only). */
export function sqliteScopedReads(db: Database): ScopedReads {
  const records = <T>(what: string, q: ScopedQuery): Promise<T[]> =>
    guarded(`listing ${what}`, () =>
      (db.prepare(q.text).all(...q.params) as { record: string }[]).map((r) => decodeRecord<T>(r.record)),
    );
  return {
    scopedParties: (scope, f) => records<Party>("parties", partiesQuery(scope, f)),
    scopedLocations: (scope, f) => records<Location>("locations", locationsQuery(DIALECT, scope, f)),
    scopedLots: (scope, f) => records<Lot>("lots", lotsQuery(scope, f)),
    scopedEvents: (scope, f) => records<SupplyEvent>("events", eventsQuery(scope, f)),
    scopedDocumentRefs: (scope, f) =>
      records<DocumentRef>("document references", documentRefsQuery(scope, f)),
    inScope: (scope, kind, id) =>
      guarded(`reading a ${kind}`, () => {
        const q = inScopeQuery(scope, kind, id);
        return db.prepare(q.text).get(...q.params) !== undefined;
      }),
  };
}
