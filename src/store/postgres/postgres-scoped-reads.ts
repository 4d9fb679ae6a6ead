import type { Pool } from "pg";
import type { ScopedReads } from "../../app/index.ts";
import type { DocumentRef, Location, Lot, Party, SupplyEvent } from "../../model/index.ts";
import {
  documentRefsQuery,
  eventsQuery,
  inScopeQuery,
  locationsQuery,
  lotsQuery,
  numbered,
  partiesQuery,
  type ScopedQuery,
} from "../shared/scoped-reads-sql.ts";
import { guarded } from "../shared/store-error.ts";
import { recordOf } from "../shared/stored-records.ts";

const DIALECT = { locationName: "locations.record->>'name'" };

/** Scoped listings, one parameterised statement each. */
export function postgresScopedReads(pool: Pool): ScopedReads {
  const records = async <T>(table: string, what: string, q: ScopedQuery): Promise<T[]> => {
    const { rows } = await guarded(`listing ${what}`, () => pool.query(numbered(q.text), [...q.params]));
    return rows.map((r) => recordOf<T>(table, r));
  };
  return {
    scopedParties: (scope, f) => records<Party>("parties", "parties", partiesQuery(scope, f)),
    scopedLocations: (scope, f) =>
      records<Location>("locations", "locations", locationsQuery(DIALECT, scope, f)),
    scopedLots: (scope, f) => records<Lot>("lots", "lots", lotsQuery(scope, f)),
    scopedEvents: (scope, f) => records<SupplyEvent>("events", "events", eventsQuery(scope, f)),
    scopedDocumentRefs: (scope, f) =>
      records<DocumentRef>("document_refs", "document references", documentRefsQuery(scope, f)),
    async inScope(scope, kind, id) {
      const q = inScopeQuery(scope, kind, id);
      const { rows } = await guarded(`reading a ${kind}`, () => pool.query(numbered(q.text), [...q.params]));
      return rows.length > 0;
    },
  };
}
