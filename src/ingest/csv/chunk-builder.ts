import type {
  DocumentRef,
  Issue,
  Link,
  Location,
  Lot,
  ParsedChunk,
  Party,
  SupplyEvent,
} from "../../model/index.ts";
import { CHUNK_RECORDS } from "../importer.ts";

/** Collects records and issues until a chunk is full; importers then hand it out with `take`. */
export class ChunkBuilder {
  parties: Party[] = [];
  locations: Location[] = [];
  lots: Lot[] = [];
  events: SupplyEvent[] = [];
  links: Link[] = [];
  documents: DocumentRef[] = [];
  issues: Issue[] = [];

  size(): number {
    return (
      this.parties.length +
      this.locations.length +
      this.lots.length +
      this.events.length +
      this.links.length +
      this.documents.length
    );
  }

  /** Full enough to hand out (issues count too, so a file of bad rows still streams). */
  isFull(): boolean {
    return this.size() + this.issues.length >= CHUNK_RECORDS;
  }

  isEmpty(): boolean {
    return this.size() === 0 && this.issues.length === 0;
  }

  take(): ParsedChunk {
    const chunk: ParsedChunk = {
      records: {
        parties: this.parties,
        locations: this.locations,
        lots: this.lots,
        events: this.events,
        links: this.links,
        documents: this.documents,
      },
      issues: this.issues,
    };
    this.parties = [];
    this.locations = [];
    this.lots = [];
    this.events = [];
    this.links = [];
    this.documents = [];
    this.issues = [];
    return chunk;
  }
}
