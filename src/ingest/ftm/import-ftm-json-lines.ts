import { issue, type ParsedChunk, type Provenance, provenance } from "../../model/index.ts";
import { ChunkBuilder } from "../csv/index.ts";
import type { ImportInput } from "../importer.ts";
import { decodeText, splitLines } from "../text/index.ts";
import { ftmOwnershipLinks } from "./ftm-ownership-links.ts";
import { ftmAddressText, ftmParty, PARTY_SCHEMAS } from "./ftm-party.ts";
import { type FtmEntity, parseFtmLine } from "./parse-ftm-line.ts";

/**
 * Schemas about individuals. threadproof holds no data on people (data minimisation: screening is
 * of companies, and the UFLPA list names none), so these are counted and dropped without a warning.
 */
const PEOPLE_SCHEMAS = new Set(["Person", "Directorship", "Family", "Associate", "Employment", "Passport"]);

/** What an FtM import read, for the caller's summary. Pass an object to fill; it is mutated. */
export interface FtmImportCounts {
  parties: number;
  links: number;
  addresses: number;
  /** Person, Directorship, Family… entities skipped on purpose. */
  people: number;
  /** Entities of other schemas (Sanction, Payment…), by schema. */
  ignored: Record<string, number>;
  /** Delta `DEL` lines, which an import cannot apply. */
  deletions: number;
}

export function emptyFtmCounts(): FtmImportCounts {
  return { parties: 0, links: 0, addresses: 0, people: 0, ignored: {}, deletions: 0 };
}

/**
 * FollowTheMoney JSON lines (plain entities or `{op, entity}` deltas) → Parties and `owns` Links.
 * A party whose Address entities come later in the file waits for them (or for the end).
 */
export async function* importFtmJsonLines(
  input: ImportInput,
  counts: FtmImportCounts = emptyFtmCounts(),
): AsyncGenerator<ParsedChunk> {
  const state = new FtmState(counts);
  for await (const { line, text } of splitLines(decodeText(input.bytes).chunks)) {
    const parsed = parseFtmLine(text);
    const prov = provenance(input.source, `line ${line}`);
    if (parsed.kind === "bad")
      state.out.issues.push(issue("ftm.bad-line", prov, parsed.path, parsed.message));
    else if (parsed.kind === "delete") state.deleted(parsed.id, prov);
    else if (parsed.kind === "entity") {
      const entityProv = provenance(input.source, `line ${line} (entity ${parsed.entity.id})`);
      state.accept(parsed.entity, entityProv);
    }
    if (state.out.isFull()) yield state.out.take();
  }
  state.flushPending();
  if (!state.out.isEmpty()) yield state.out.take();
}

interface PendingParty {
  readonly entity: FtmEntity;
  readonly provenance: Provenance;
}

class FtmState {
  readonly out = new ChunkBuilder();
  private readonly addresses = new Map<string, string>();
  private readonly pending = new Map<string, PendingParty>();
  private readonly waiting = new Map<string, Set<string>>();

  constructor(private readonly counts: FtmImportCounts) {}

  accept(entity: FtmEntity, prov: Provenance): void {
    if (PARTY_SCHEMAS.has(entity.schema)) this.party(entity, prov);
    else if (entity.schema === "Ownership") this.ownership(entity, prov);
    else if (entity.schema === "Address") this.address(entity);
    else if (PEOPLE_SCHEMAS.has(entity.schema)) this.counts.people += 1;
    else this.counts.ignored[entity.schema] = (this.counts.ignored[entity.schema] ?? 0) + 1;
  }

  deleted(id: string, prov: Provenance): void {
    this.counts.deletions += 1;
    const message = `entity ${id} is deleted by this delta; an import only adds and updates, so remove it from the store separately`;
    this.out.issues.push(issue("ftm.delete-not-applied", prov, "op", message, "warning"));
  }

  /** Emits parties still waiting for addresses the file never held. */
  flushPending(): void {
    for (const p of this.pending.values()) this.emitParty(p.entity, p.provenance);
    this.pending.clear();
    this.waiting.clear();
  }

  private party(entity: FtmEntity, prov: Provenance): void {
    const missing = (entity.properties.addressEntity ?? []).filter((id) => !this.addresses.has(id));
    if (!missing.length) {
      this.emitParty(entity, prov);
      return;
    }
    this.pending.set(entity.id, { entity, provenance: prov });
    for (const id of missing) {
      const set = this.waiting.get(id) ?? new Set<string>();
      set.add(entity.id);
      this.waiting.set(id, set);
    }
  }

  private address(entity: FtmEntity): void {
    this.counts.addresses += 1;
    const text = ftmAddressText(entity);
    if (text) this.addresses.set(entity.id, text);
    const parties = this.waiting.get(entity.id);
    this.waiting.delete(entity.id);
    for (const partyEntityId of parties ?? []) {
      const p = this.pending.get(partyEntityId);
      const stillMissing = p?.entity.properties.addressEntity?.some((id) =>
        this.waiting.get(id)?.has(partyEntityId),
      );
      if (!p || stillMissing) continue;
      this.pending.delete(partyEntityId);
      this.emitParty(p.entity, p.provenance);
    }
  }

  private emitParty(entity: FtmEntity, prov: Provenance): void {
    const addresses = (entity.properties.addressEntity ?? []).flatMap((id) => this.addresses.get(id) ?? []);
    this.out.parties.push(ftmParty(entity, addresses, prov));
    this.counts.parties += 1;
  }

  private ownership(entity: FtmEntity, prov: Provenance): void {
    const { links, issues } = ftmOwnershipLinks(entity, prov);
    this.out.links.push(...links);
    this.out.issues.push(...issues);
    this.counts.links += links.length;
  }
}
