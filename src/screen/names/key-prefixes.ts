/**
 * The beginnings (or ends) of a table's keys, cut where `separator` falls in them ("" cuts
 * between any two characters). A lookup that grows a phrase word by word can stop as soon as the
 * phrase is not among them: no longer phrase can be a key either. Most words of a name start no
 * key at all, so most lookups end after one probe instead of one per phrase length.
 */
export function keyPrefixes(keys: Iterable<string>, separator: string): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    out.add(key);
    if (separator === "") for (let end = 1; end < key.length; end++) out.add(key.slice(0, end));
    else
      for (let at = key.indexOf(separator); at >= 0; at = key.indexOf(separator, at + 1))
        out.add(key.slice(0, at));
  }
  return out;
}

/** The ends of a table's keys, cut where `separator` falls in them; see `keyPrefixes`. */
export function keySuffixes(keys: Iterable<string>, separator: string): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    out.add(key);
    if (separator === "") for (let start = 1; start < key.length; start++) out.add(key.slice(start));
    else
      for (let at = key.indexOf(separator); at >= 0; at = key.indexOf(separator, at + 1))
        out.add(key.slice(at + separator.length));
  }
  return out;
}
