import type { Pool } from "pg";
import type { ScopedReads } from "../../app/index.ts";
import type { DocumentRef, Location, Lot, Party, SupplyEvent } from "../../model/index.ts";
import { decodeRecord } from "../shared/read-rows.ts";
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

const DIALECT = { locationName: "locations.record->>'name'" };

/** Scoped listings, one parameterised statement each. */
export function postgresScopedReads(pool: Pool): ScopedReads {
  const records = async <T>(what: string, q: ScopedQuery): Promise<T[]> => {
    const { rows } = await guarded(`listing ${what}`, () =>
      pool.query<{ record: unknown }>(numbered(q.text), [...q.params]),
    );
    return rows.map((r) => decodeRecord<T>(r.record));
  };
  return {
    scopedParties: (scope, f) => records<Party>("parties", partiesQuery(scope, f)),
    scopedLocations: (scope, f) => records<Location>("locations", locationsQuery(DIALECT, scope, f)),
    scopedLots: (scope, f) => records<Lot>("lots", lotsQuery(scope, f)),
    scopedEvents: (scope, f) => records<SupplyEvent>("events", eventsQuery(scope, f)),
    scopedDocumentRefs: (scope, f) =>
      records<DocumentRef>("document references", documentRefsQuery(scope, f)),
    async inScope(scope, kind, id) {
      const q = inScopeQuery(scope, kind, id);
      const { rows } = await guarded(`reading a ${kind}`, () => pool.query(numbered(q.text), [...q.params]));
      return rows.length > 0;
    },
  };
}
