import { issue, provenance } from "../../model/index.ts";
import {
  type Issue,
  type ListEntry,
  type ListName,
  type ListParseResult,
  listEntry,
  parseUflpaSection,
} from "./list-entry.ts";

interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly properties: Readonly<Record<string, readonly string[] | undefined>>;
  readonly first_seen?: string;
}

const PARTY_SCHEMATA = new Set(["Company", "Organization", "LegalEntity", "Person", "PublicBody"]);
const HAN = /\p{Script=Han}/u;

function props(e: FtmEntity, ...names: string[]): string[] {
  return names.flatMap((n) => e.properties[n] ?? []).filter((v) => typeof v === "string" && v.trim() !== "");
}

function readLines(text: string, source: string, issues: Issue[]): FtmEntity[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      const e = JSON.parse(line) as FtmEntity;
      if (typeof e.id === "string" && typeof e.schema === "string" && e.properties) return [e];
      issues.push(
        issue(
          "ftm-list/not-entity",
          provenance(source, `line ${i + 1}`),
          "",
          "line is JSON but not an FtM entity",
        ),
      );
    } catch (err) {
      issues.push(
        issue(
          "ftm-list/bad-json",
          provenance(source, `line ${i + 1}`),
          "",
          `not JSON: ${(err as Error).message}`,
        ),
      );
    }
    return [];
  });
}

/** Sections from the program / reason text of the entity and of Sanction entities pointing at it. */
function sectionsOf(e: FtmEntity, sanctions: readonly FtmEntity[]): string[] {
  const texts = [e, ...sanctions].flatMap((x) =>
    props(x, "program", "reason", "summary", "notes", "provisions"),
  );
  return [
    ...new Set(
      texts
        .map((t) => (/2\s*\(d\)/i.test(t) ? parseUflpaSection(t) : undefined))
        .filter((s): s is NonNullable<typeof s> => s !== undefined),
    ),
  ];
}

function dateOf(e: FtmEntity, sanctions: readonly FtmEntity[]): string | undefined {
  const dates = [
    ...sanctions.flatMap((s) => props(s, "startDate", "listingDate")),
    ...props(e, "createdAt", "startDate"),
  ];
  return dates.map((d) => d.slice(0, 10)).sort()[0];
}

function toEntry(
  e: FtmEntity,
  list: ListName,
  source: string,
  sanctions: readonly FtmEntity[],
): ListEntry | undefined {
  const names = props(e, "name");
  const latin = names.filter((n) => !HAN.test(n));
  const primary = latin[0] ?? names[0];
  if (!primary) return undefined;
  const aliases = [...names.filter((n) => n !== primary), ...props(e, "alias", "weakAlias")];
  const effectiveDate = dateOf(e, sanctions);
  const address = props(e, "address")[0] ?? props(e, "country", "jurisdiction")[0];
  return listEntry(list, primary, provenance(source, `entity ${e.id}`), {
    id: `${list}:${e.id}`,
    aliases: aliases.filter((a) => !HAN.test(a)),
    formerNames: props(e, "previousName"),
    chineseNames: [...new Set([...names, ...aliases].filter((n) => HAN.test(n)))],
    sections: sectionsOf(e, sanctions),
    ...(effectiveDate ? { effectiveDate } : {}),
    ...(address ? { address } : {}),
    notes: props(e, "notes", "topics").slice(0, 5),
  });
}

/** Owner → assets: each asset gets `parentId`, each owner the asset names as `subsidiaries`. */
function applyOwnership(entries: ListEntry[], ownerships: readonly FtmEntity[], list: ListName): ListEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const o of ownerships) {
    for (const owner of props(o, "owner")) {
      for (const asset of props(o, "asset")) {
        const parent = byId.get(`${list}:${owner}`);
        const child = byId.get(`${list}:${asset}`);
        if (!parent || !child) continue;
        byId.set(child.id, { ...child, parentId: parent.id });
        byId.set(parent.id, { ...parent, subsidiaries: [...new Set([...parent.subsidiaries, child.name])] });
      }
    }
  }
  return entries.map((e) => byId.get(e.id) ?? e);
}

/**
 * FollowTheMoney JSON lines (OpenSanctions' `us_dhs_uflpa` export and the like): Company,
 * Organization and LegalEntity records become entries (name, alias, previousName, Chinese names
 * apart), Sanction records give section and date, Ownership records link subsidiaries.
 */
export function parseFtmList(
  text: string,
  source = "entities.ftm.json",
  list: ListName = "uflpa",
): ListParseResult {
  const issues: Issue[] = [];
  const all = readLines(text, source, issues);
  const sanctionsOf = new Map<string, FtmEntity[]>();
  for (const s of all.filter((x) => x.schema === "Sanction"))
    for (const target of props(s, "entity")) sanctionsOf.set(target, [...(sanctionsOf.get(target) ?? []), s]);
  const entries = all
    .filter((e) => PARTY_SCHEMATA.has(e.schema))
    .flatMap((e) => {
      const entry = toEntry(e, list, source, sanctionsOf.get(e.id) ?? []);
      if (!entry)
        issues.push(
          issue("ftm-list/no-name", provenance(source, `entity ${e.id}`), "name", "entity without a name"),
        );
      return entry ?? [];
    });
  return {
    entries: applyOwnership(
      entries,
      all.filter((e) => e.schema === "Ownership"),
      list,
    ),
    issues,
  };
}
