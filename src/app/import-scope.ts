import type { ImportFormat } from "../ingest/index.ts";
import {
  batchSize,
  type DocumentRef,
  type Issue,
  issue,
  type Link,
  type Location,
  type Party,
  type RecordBatch,
  type SupplyEvent,
  type TypedRef,
} from "../model/index.ts";
import type { ImportSource } from "./import-file.ts";
import { parseChunks } from "./parse-in-worker.ts";
import { ALL_DATA, type DataScope } from "./principal.ts";
import type { Store } from "./store.ts";

/** The issue code of a record a supplier may not write. */
export const OUT_OF_SCOPE = "out-of-scope";

type PartyScope = Extract<DataScope, { kind: "party" }>;

/** What the store says about a location before the import: the supplier's, someone else's, or new. */
type Standing = "own" | "foreign" | "absent";

/** A location named before the file declared it: fine if declared later, an issue otherwise. */
interface Pending {
  readonly location: string;
  readonly issue: Issue;
}

export interface ScopeCheck {
  /** Every out-of-scope record, with file, line or eventID, and field. */
  readonly issues: readonly Issue[];
  readonly recordsRead: number;
}

/**
 * The rules a supplier's import must follow (docs/accounts.md, "Supplier imports"). P is the
 * supplier's party; "its locations" are those the store already scopes to P (operator P, or an
 * `operates`/`owns` link from P) plus new locations the same file declares with operator P.
 * - party records: only P itself;
 * - location records: one of P's locations; a new one must name P as operator, an existing one
 *   may not name another operator; someone else's location is refused;
 * - links: from P only; `operates`/`owns` only to P's locations (or P), `supplies` to anyone;
 * - events: at least one of readPoint/bizLocation, each one P's; a `ship` event's source side and a
 *   `receive` event's destination side (location, owning or possessing party) are P's, the other
 *   side (the counterparty) is free; lots it creates (origin quantities, transformation outputs)
 *   were not already created at another party's location; no error declarations (retractions
 *   match events by eventID, so one could retract another supplier's event; an analyst does them);
 * - document references: cite an event of the same file or one in P's scope;
 * - lot records are allowed: the store only fills in a lot's missing master data, never changes it.
 */
class ScopeChecker {
  private readonly standing = new Map<string, Promise<Standing>>();
  private readonly producedElsewhere = new Map<string, Promise<boolean>>();
  private readonly declared = new Set<string>();
  private readonly fileEvents = new Set<string>();
  private readonly pending: Pending[] = [];
  readonly issues: Issue[] = [];

  constructor(
    private readonly store: Store,
    private readonly scope: PartyScope,
  ) {}

  private get party(): string {
    return this.scope.partyId;
  }

  private standingOf(location: string): Promise<Standing> {
    let known = this.standing.get(location);
    if (!known) {
      known = (async (): Promise<Standing> => {
        if (await this.store.inScope(this.scope, "location", location)) return "own";
        return (await this.store.inScope(ALL_DATA, "location", location)) ? "foreign" : "absent";
      })();
      this.standing.set(location, known);
    }
    return known;
  }

  private refuse(record: { provenance: Issue["provenance"] }, path: string, message: string): Issue {
    const found = issue(OUT_OF_SCOPE, record.provenance, path, message);
    this.issues.push(found);
    return found;
  }

  /** A location the supplier may act at: P's, declared in this file, or declared later (pending). */
  private async requireOwnLocation(
    record: { provenance: Issue["provenance"] },
    path: string,
    location: string,
  ): Promise<void> {
    if (this.declared.has(location)) return;
    const standing = await this.standingOf(location);
    if (standing === "own") return;
    const message =
      standing === "foreign"
        ? `location ${location} is not one of your party's locations (${this.party})`
        : `location ${location} is unknown: declare it in a location record with operator ${this.party}`;
    const found = issue(OUT_OF_SCOPE, record.provenance, path, message);
    if (standing === "absent") this.pending.push({ location, issue: found });
    else this.issues.push(found);
  }

  private party_(p: Party): void {
    if (p.id !== this.party)
      this.refuse(
        p,
        "id",
        `party ${p.id} is not your party (${this.party}); suppliers may only describe their own`,
      );
  }

  private async location(l: Location): Promise<void> {
    const standing = await this.standingOf(l.id);
    if (standing === "foreign") {
      this.refuse(l, "id", `location ${l.id} is another party's; you may only describe your own locations`);
    } else if (l.operator !== undefined && l.operator !== this.party) {
      this.refuse(l, "operator", `operator ${l.operator} is not your party (${this.party})`);
    } else if (standing === "absent") {
      if (l.operator === undefined)
        this.refuse(l, "operator", `a new location must name your party (${this.party}) as its operator`);
      else this.declared.add(l.id);
    }
  }

  private async link(k: Link): Promise<void> {
    if (k.from !== this.party) {
      this.refuse(k, "from", `link from ${k.from}: suppliers may only state their own party's relationships`);
      return;
    }
    if (k.kind === "supplies" || k.to === this.party) return;
    await this.requireOwnLocation(k, "to", k.to);
  }

  private async side(e: SupplyEvent, path: string, refs: readonly TypedRef[]): Promise<void> {
    for (const [i, ref] of refs.entries()) {
      const type = ref.type.slice(ref.type.lastIndexOf(":") + 1);
      if (type === "location") await this.requireOwnLocation(e, `${path}[${i}]`, ref.id);
      else if (type.endsWith("_party") && ref.id !== this.party)
        this.refuse(e, `${path}[${i}]`, `${type} ${ref.id} is not your party (${this.party})`);
    }
  }

  /** Whether the store already has `lot` created (origin or transformation output) at a location not P's. */
  private createdElsewhere(lot: string): Promise<boolean> {
    let known = this.producedElsewhere.get(lot);
    if (!known) {
      known = this.scanCreators(lot);
      this.producedElsewhere.set(lot, known);
    }
    return known;
  }

  private async scanCreators(lot: string): Promise<boolean> {
    const limit = 200;
    let after: string | undefined;
    for (;;) {
      const page = await this.store.scopedEvents(ALL_DATA, { lot, limit, ...(after ? { after } : {}) });
      for (const e of page) if (await this.createdByOther(e, lot)) return true;
      if (page.length < limit) return false;
      after = page[page.length - 1]?.id;
    }
  }

  private async createdByOther(e: SupplyEvent, lot: string): Promise<boolean> {
    if (e.retracted || !createdLots(e).includes(lot)) return false;
    const at = [e.bizLocation, e.readPoint].filter((x) => x !== undefined);
    const standings = await Promise.all(at.map((l) => this.standingOf(l)));
    return !standings.includes("own");
  }

  private async event(e: SupplyEvent): Promise<void> {
    this.fileEvents.add(e.id);
    if (e.errorDeclaration !== undefined)
      this.refuse(
        e,
        "errorDeclaration",
        "suppliers cannot retract events; ask an analyst to record the correction",
      );
    if (e.readPoint === undefined && e.bizLocation === undefined)
      this.refuse(
        e,
        "bizLocation",
        "the event names no location (readPoint or bizLocation); name one of yours",
      );
    if (e.bizLocation !== undefined) await this.requireOwnLocation(e, "bizLocation", e.bizLocation);
    if (e.readPoint !== undefined) await this.requireOwnLocation(e, "readPoint", e.readPoint);
    if (e.kind === "ship") await this.side(e, "sources", e.sources);
    if (e.kind === "receive") await this.side(e, "destinations", e.destinations);
    for (const lot of new Set(createdLots(e))) {
      if (await this.createdElsewhere(lot))
        this.refuse(
          e,
          "lot",
          `lot ${lot} was already created at another party's location; you cannot create it again`,
        );
    }
  }

  private async document(d: DocumentRef): Promise<void> {
    if (d.event === undefined || this.fileEvents.has(d.event)) return;
    if (!(await this.store.inScope(this.scope, "event", d.event)))
      this.refuse(d, "event", `document reference cites event ${d.event}, which is not one of yours`);
  }

  async batch(b: RecordBatch): Promise<void> {
    for (const p of b.parties) this.party_(p);
    for (const l of b.locations) await this.location(l);
    for (const k of b.links) await this.link(k);
    for (const e of b.events) await this.event(e);
    for (const d of b.documents) await this.document(d);
  }

  /** The references to locations never declared. */
  finish(): readonly Issue[] {
    for (const p of this.pending) if (!this.declared.has(p.location)) this.issues.push(p.issue);
    return this.issues;
  }
}

/** The lots an event brings into being: an origin's quantities, a transformation's outputs. */
function createdLots(e: SupplyEvent): string[] {
  if (e.kind === "origin") return [...e.quantities, ...e.outputs].map((q) => q.lot);
  if (e.kind === "transform") return e.outputs.map((q) => q.lot);
  return [];
}

/**
 * Reads `source` once, without writing, and lists every record outside the supplier's scope (see
 * ScopeChecker). Parse errors are left to the import that follows (it names them the same way).
 * Run before the import, so a refused file never opens a write transaction.
 */
export async function checkImportScope(
  store: Store,
  scope: DataScope,
  source: ImportSource,
  format: ImportFormat,
): Promise<ScopeCheck> {
  if (scope.kind !== "party") return { issues: [], recordsRead: 0 };
  const checker = new ScopeChecker(store, scope);
  let recordsRead = 0;
  for await (const chunk of parseChunks(format, source.name, source.open(), source.size)) {
    await checker.batch(chunk.records);
    recordsRead += batchSize(chunk.records);
  }
  return { issues: checker.finish(), recordsRead };
}
