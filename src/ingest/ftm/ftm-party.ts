import { type Identifier, type Party, type Provenance, partyId } from "../../model/index.ts";
import { normaliseCountry, parseLei, parseUscc } from "../csv/index.ts";
import type { FtmEntity } from "./parse-ftm-line.ts";

/** FtM schemas that are companies or organisations: the parties we screen. */
export const PARTY_SCHEMAS = new Set(["Company", "Organization", "LegalEntity", "PublicBody"]);

/** Registry numbers that may hold a Chinese USCC (FtM has no USCC property of its own). */
const REGISTRY_PROPERTIES = ["registrationNumber", "taxNumber", "uniqueEntityId", "idNumber", "vatCode"];
/** Kept as attributes (joined by "; ") so screening and reports can show them. */
const ATTRIBUTE_PROPERTIES = [
  ...REGISTRY_PROPERTIES,
  ...["innCode", "ogrnCode", "kppCode", "okpoCode", "swiftBic", "legalForm", "status", "sector", "topics"],
  ...["incorporationDate", "dissolutionDate", "jurisdiction", "sourceUrl", "website"],
];
const ALIAS_PROPERTIES = ["alias", "previousName", "weakAlias"];

/** The party id an FtM entity id maps to, also for ownership edges to entities not in the file. */
export function ftmPartyId(entityId: string) {
  return partyId(`ftm:${entityId}`);
}

/**
 * A Company / Organization / LegalEntity / PublicBody as a Party. `addresses` are the full texts
 * of the entity's Address entities (addressEntity), joined after its own `address` values so
 * geography screening sees all of them.
 */
export function ftmParty(entity: FtmEntity, addresses: readonly string[], provenance: Provenance): Party {
  const p = entity.properties;
  const names = [...(p.name ?? [])];
  const name =
    entity.caption && names.includes(entity.caption)
      ? entity.caption
      : (names[0] ?? entity.caption ?? entity.id);
  const aliases = [...names, ...ALIAS_PROPERTIES.flatMap((k) => p[k] ?? [])].filter((n) => n !== name);
  const country = (p.country ?? p.jurisdiction ?? p.mainCountry ?? [])[0];
  const allAddresses = [...new Set([...(p.address ?? []), ...addresses])];
  return {
    typeName: "party",
    id: ftmPartyId(entity.id),
    name,
    aliases: [...new Set(aliases)],
    identifiers: ftmIdentifiers(entity),
    ...(country ? { country: normaliseCountry(country) ?? country } : {}),
    ...(allAddresses.length ? { address: allAddresses.join("; ") } : {}),
    attributes: ftmAttributes(entity),
    provenance,
  };
}

function ftmIdentifiers(entity: FtmEntity): Identifier[] {
  const p = entity.properties;
  const out: Identifier[] = [{ scheme: "ftm", value: entity.id }];
  for (const value of REGISTRY_PROPERTIES.flatMap((k) => p[k] ?? [])) {
    const uscc = parseUscc(value);
    if (uscc) out.push({ scheme: "uscc", value: uscc });
  }
  for (const value of p.leiCode ?? []) {
    const lei = parseLei(value);
    if (lei) out.push({ scheme: "lei", value: lei });
  }
  for (const value of p.dunsCode ?? []) out.push({ scheme: "duns", value });
  const seen = new Set<string>();
  return out.filter((i) => !seen.has(`${i.scheme}:${i.value}`) && seen.add(`${i.scheme}:${i.value}`));
}

function ftmAttributes(entity: FtmEntity): Record<string, string> {
  const out: Record<string, string> = { ftmSchema: entity.schema };
  for (const key of ATTRIBUTE_PROPERTIES) {
    const values = entity.properties[key];
    if (values?.length) out[key] = values.join("; ");
  }
  if (entity.datasets.length) out.datasets = entity.datasets.join("; ");
  return out;
}

/** The one-line text of an Address entity: its `full`, else its parts in postal order. */
export function ftmAddressText(entity: FtmEntity): string | undefined {
  const p = entity.properties;
  const full = p.full?.[0];
  if (full) return full;
  const parts = ["street", "street2", "city", "postalCode", "region", "country"].map((k) => p[k]?.[0]);
  const text = parts.filter(Boolean).join(", ");
  return text || entity.caption;
}
