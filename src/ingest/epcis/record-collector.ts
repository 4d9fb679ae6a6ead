import type {
  DocumentRef,
  Issue,
  Location,
  Lot,
  LotId,
  ParsedChunk,
  QuantityLine,
  SupplyEvent,
} from "../../model/index.ts";
import { documentRefId, issue, provenance } from "../../model/index.ts";
import { CHUNK_RECORDS } from "../importer.ts";
import { type EventContext, eventLocator } from "./event-context.ts";
import type { MappedEvent } from "./event-from-json.ts";
import { computeEventId } from "./event-hash.ts";

/**
 * Gathers the records and issues of one file and cuts them into chunks of at most CHUNK_RECORDS
 * records. Remembers the lots recently emitted (one Lot per epcClass, not one per mention), and
 * forgets them past RECENT_LOTS_LIMIT so memory stays flat on huge files: a lot emitted again
 * changes nothing, the store keeps a lot's first record.
 */
export interface RecordCollector {
  addEvent(mapped: MappedEvent, ctx: EventContext): void;
  addLocation(location: Location): void;
  addIssue(i: Issue): void;
  /** Chunks that are full; with `all`, everything left (possibly one empty chunk, never none at the end). */
  take(all: boolean): ParsedChunk[];
}

const RECENT_LOTS_LIMIT = 100_000;

function productOf(lot: string): string | undefined {
  const m = /^urn:epc:class:lgtin:([^.]+)\.([^.]+)\./.exec(lot);
  return m ? `urn:epc:idpat:sgtin:${m[1]}.${m[2]}.*` : undefined;
}

export function createRecordCollector(source: string): RecordCollector {
  const seenLots = new Set<LotId>();
  let events: SupplyEvent[] = [];
  let lots: Lot[] = [];
  let documents: DocumentRef[] = [];
  let locations: Location[] = [];
  let issues: Issue[] = [];
  let emitted = 0;
  const ready: ParsedChunk[] = [];
  const size = () => events.length + lots.length + documents.length + locations.length;
  /** Cuts before a record group that would overflow the chunk, so no chunk exceeds CHUNK_RECORDS. */
  const makeRoom = (incoming: number) => {
    if (size() > 0 && size() + incoming > CHUNK_RECORDS) ready.push(cut());
  };

  function addLots(lines: readonly QuantityLine[], locator: string): void {
    for (const q of lines) {
      if (seenLots.has(q.lot)) continue;
      if (seenLots.size >= RECENT_LOTS_LIMIT) seenLots.clear();
      seenLots.add(q.lot);
      const product = productOf(q.lot);
      lots.push({
        typeName: "lot",
        id: q.lot,
        ...(product ? { product } : {}),
        ...(q.uom ? { unit: q.uom } : {}),
        provenance: provenance(source, locator),
      });
    }
  }

  function addEvent(mapped: MappedEvent, ctx: EventContext): void {
    issues.push(...mapped.issues.list);
    const parsed = mapped.event;
    if (!parsed) return;
    const id = computeEventId(parsed);
    makeRoom(
      1 +
        parsed.bizTransactions.length +
        parsed.quantities.length +
        parsed.inputs.length +
        parsed.outputs.length,
    );
    const p = provenance(source, eventLocator(ctx, parsed.declaredId ?? id));
    // Completed in place rather than copied (the mapped event is this collector's alone): the
    // same keys in the same order as `{ ...parsed, id, provenance: p }`, without copying ~25 fields.
    events.push(Object.assign(parsed, { id, provenance: p }));
    addLots(parsed.quantities, p.locator);
    addLots(parsed.inputs, p.locator);
    addLots(parsed.outputs, p.locator);
    for (const bt of parsed.bizTransactions) {
      documents.push({
        typeName: "document-ref",
        id: documentRefId(bt.type || "bt", bt.id),
        type: bt.type,
        ref: bt.id,
        event: id,
        provenance: p,
      });
    }
  }

  function cut(): ParsedChunk {
    const chunk: ParsedChunk = {
      records: { parties: [], links: [], events, lots, documents, locations },
      issues,
    };
    events = [];
    lots = [];
    documents = [];
    locations = [];
    issues = [];
    emitted++;
    return chunk;
  }

  return {
    addEvent,
    addLocation: (l) => {
      makeRoom(1);
      locations.push(l);
    },
    addIssue: (i) => {
      issues.push(i);
    },
    take(all) {
      const out = ready.splice(0);
      if (all && (size() > 0 || issues.length > 0 || emitted === 0)) out.push(cut());
      return out;
    },
  };
}

/** An issue about the document as a whole (no event to name). */
export function documentIssue(source: string, path: string, message: string, code = "epcis.document"): Issue {
  return issue(code, provenance(source, "document"), path, message);
}
