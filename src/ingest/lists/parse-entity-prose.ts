/** What DHS writes in one name cell, taken apart. */
export interface EntityProse {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly formerNames: readonly string[];
  readonly subsidiaries: readonly string[];
  readonly includesSubordinates: boolean;
}

const NUMBER = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)";
const SUBORDINATES = /,?\s*(?:and|including)\s+its\s+subordinate\s+and\s+affiliated\s+entities\.?/i;
/** "and its eight subsidiaries, which include A; B; and C" / "and its eight Zhuhai-based subsidiaries: …". */
const SUBSIDIARIES = new RegExp(
  `,?\\s*(?:and|including)\\s+its\\s+(?:${NUMBER}\\s+)?(?:[\\w-]+\\s+)?subsidiar(?:y|ies)(?:,?\\s*(?:which|that)\\s+includes?|,?\\s*including|\\s*:)?:?\\s*([\\s\\S]*)$`,
  "i",
);
const ALIAS_MARKER = new RegExp(
  `(?:(?:and|including|with)\\s+)?${NUMBER}\\s+alias(?:es)?\\s*:|\\balso\\s+known\\s+as\\b|\\ba\\.?k\\.?a\\.?(?=\\s)|(?:,?\\s*and\\s+)?formerly\\s+known\\s+as\\b|\\bf\\.?k\\.?a\\.?(?=\\s)`,
  "gi",
);
/** A parenthetical with at most one level of nesting: "(and one alias: Hongyuan New Materials (Baotou))". */
const PARENTHETICAL = /\s*\(((?:[^()]|\([^()]*\))*)\)/g;

/** "A; B; and C" → [A, B, C]. Items keep their commas ("Co., Ltd."): DHS separates with semicolons. */
export function splitProseList(list: string): string[] {
  return list
    .split(/\s*;\s*/)
    .map((s) =>
      s
        .replace(/^\s*and\s+/i, "")
        .replace(/[\s,;]+$/, "")
        .trim(),
    )
    .filter(Boolean);
}

function readParenthetical(content: string): { aliases: string[]; former: string[] } | undefined {
  const markers = [...content.matchAll(ALIAS_MARKER)];
  if (markers.length === 0)
    return /^[A-Z][A-Z0-9&-]{1,9}$/.test(content.trim())
      ? { aliases: [content.trim()], former: [] }
      : undefined;
  const aliases: string[] = [];
  const former: string[] = [];
  markers.forEach((m, i) => {
    const end = markers[i + 1]?.index ?? content.length;
    const items = splitProseList(content.slice(m.index + m[0].length, end).replace(/^[\s:,]+|[\s,]+$/g, ""));
    (/formerly|f\.?k\.?a/i.test(m[0]) ? former : aliases).push(...items);
  });
  return { aliases, former };
}

/**
 * Parses the prose DHS puts in a name cell: "(and one alias: X)", "(including three aliases: A;
 * B; and C)", "(formerly known as X)", "(also known as X)", an acronym "(XPCC)", "and its
 * subordinate and affiliated entities", "and its eight subsidiaries, which include A; B; and C".
 * Parentheticals that are part of the name ("Hoshine Silicon Industry (Shanshan) Co., Ltd") stay.
 */
export function parseEntityProse(cell: string): EntityProse {
  let text = cell.replace(/\s+/g, " ").trim();
  const includesSubordinates = SUBORDINATES.test(text);
  text = text.replace(SUBORDINATES, "");
  const sub = SUBSIDIARIES.exec(text);
  const subsidiaries = sub ? splitProseList(sub[1] ?? "").map((s) => parseEntityProse(s).name) : [];
  if (sub) text = text.slice(0, sub.index);
  const aliases: string[] = [];
  const formerNames: string[] = [];
  const name = text.replace(PARENTHETICAL, (whole, content: string) => {
    const parsed = readParenthetical(content);
    if (!parsed) return whole;
    aliases.push(...parsed.aliases);
    formerNames.push(...parsed.former);
    return "";
  });
  return {
    name: name.replace(/[\s,;]+$/, "").trim(),
    aliases,
    formerNames,
    subsidiaries,
    includesSubordinates,
  };
}
