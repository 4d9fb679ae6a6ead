/**
 * Chooses the separator from the header line: `,` unless `;` or tab is more frequent outside quotes
 * (European Excel saves `;`, Excel's "Unicode text" saves tabs). Lists inside cells also use `;`, but
 * header cells never hold lists, so the header is a safe judge.
 */
export function detectDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  const comma = counts[","] ?? 0;
  const semicolon = counts[";"] ?? 0;
  const tab = counts["\t"] ?? 0;
  if (tab > comma && tab >= semicolon) return "\t";
  if (semicolon > comma) return ";";
  return ",";
}
