/**
 * `Store.changeMark`: one row of a few index lookups (counts of the small tables, the highest key
 * of the append-only ones), the same text in both dialects. The review decision history gets a row
 * for every decision, a re-decision too, so its highest `seq` moves on each one; reading every
 * decision instead (as the read model did each second) grew with the number of decisions.
 */
export const CHANGE_MARK_SQL = `select
  (select count(*) from imports) as imports,
  (select max(id) from imports) as last_import,
  (select count(*) from list_versions) as list_versions,
  (select max(version) from list_versions) as last_list_version,
  (select max(seq) from review_decision_history) as last_decision`;

/** The row as the text callers compare (null keys, of empty tables, as 0). */
export function changeMarkOf(row: Record<string, unknown> | undefined): string {
  const at = (key: string) => String(row?.[key] ?? 0);
  return `${at("imports")}:${at("last_import")}|${at("list_versions")}:${at("last_list_version")}|${at("last_decision")}`;
}
