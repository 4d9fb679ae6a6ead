import type { DataScope } from "../../app/index.ts";
import { REGISTRY_SQL } from "./registry-rows.ts";
import { type Part, type ScopedQuery, scopeCondition } from "./scoped-reads-sql.ts";

/**
 * The condition a `registry_links` row (alias `l`) meets when it names something the party may
 * see: the party itself, a location it operates, a lot or an event at one of those locations
 * (the same scope as every other scoped read). Business transactions, shipments and other
 * documents are never a supplier's: a link of those kinds is out of scope.
 */
function linkInScope(scope: DataScope & { kind: "party" }): Part {
  const parts: Part[] = [["l.kind = 'party' and l.ref = ?", scope.partyId as string]];
  const kinds = [
    ["location", "locations"],
    ["lot", "lots"],
    ["event", "events"],
  ] as const;
  for (const [kind, table] of kinds) {
    const [condition, ...params] = scopeCondition(kind, scope) ?? ["1 = 1"];
    parts.push([
      `l.kind = '${kind}' and l.ref in (select ${table}.id from ${table} where ${condition})`,
      ...params,
    ]);
  }
  return [parts.map(([sql]) => `(${sql})`).join(" or "), ...parts.flatMap(([, ...p]) => p)];
}

/**
 * The registered documents a scope may see, as the two registry reads restricted to them. For a
 * party: documents with at least one link whose every link is in its scope, so a document that
 * also names another party's lot stays hidden.
 */
export function scopedRegistrySql(scope: DataScope): { documents: ScopedQuery; links: ScopedQuery } {
  if (scope.kind === "all")
    return {
      documents: { text: REGISTRY_SQL.documents, params: [] },
      links: { text: REGISTRY_SQL.links, params: [] },
    };
  const [inScope, ...params] = linkInScope(scope);
  const visible = `sha256 in (select d.sha256 from registry_documents d
    where exists (select 1 from registry_links a where a.sha256 = d.sha256)
    and not exists (select 1 from registry_links l where l.sha256 = d.sha256 and not (${inScope})))`;
  return {
    documents: { text: REGISTRY_SQL.documents.replace("order by", `where ${visible} order by`), params },
    links: { text: REGISTRY_SQL.links.replace("order by", `where ${visible} order by`), params },
  };
}
