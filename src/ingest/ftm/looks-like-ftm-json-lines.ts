/**
 * True when the first line is an FtM entity (`{"id":…, "schema":…, "properties":…}`) or a delta
 * (`{"op":…, "entity":…}`). Judged by the keys present, so a line cut off in `head` still counts.
 */
export function looksLikeFtmJsonLines(head: string): boolean {
  const first =
    head
      .replace(/^\ufeff/, "")
      .trimStart()
      .split("\n", 1)[0] ?? "";
  if (!first.startsWith("{")) return false;
  const has = (key: string) => new RegExp(`"${key}"\\s*:`).test(first);
  return (has("schema") && (has("properties") || has("id"))) || (has("op") && has("entity"));
}
