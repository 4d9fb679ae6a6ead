import type { Database, Statement } from "better-sqlite3";

/**
 * Statements by SQL text, prepared once per connection. A text depends only on which filters are
 * set and on the scope's kind (the values are parameters), so there are a few dozen at most;
 * preparing one per request cost the server's event loop more than running it (profiled under
 * bench:server). Bounded all the same, the oldest dropped first.
 */
export function statementCache(db: Database, max = 256): (text: string) => Statement {
  const kept = new Map<string, Statement>();
  return (text) => {
    const known = kept.get(text);
    if (known) return known;
    const statement = db.prepare(text);
    if (kept.size >= max) {
      const oldest = kept.keys().next().value;
      if (oldest !== undefined) kept.delete(oldest);
    }
    kept.set(text, statement);
    return statement;
  };
}
