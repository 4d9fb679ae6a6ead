import { createRoute } from "@hono/zod-openapi";
import { ListEntryPageSchema, ListEntryQuerySchema, ListsSummarySchema } from "../../api/index.ts";
import { type FoundListEntry, searchListEntries, summariseLists } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { decodeCursor, encodeCursor } from "../pagination.ts";
import { STAFF } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, wire } from "../wire.ts";

const lists = createRoute({
  method: "get",
  path: "/api/lists",
  tags: ["screening"],
  summary: "The list version screening uses: its date, whether it is partial, counts per list and section",
  description:
    "`partial` is true while the UFLPA entries are the bundled snapshot's (it misses entities DHS lists); `lists update` loads a complete one. Suppliers: 403, as for hits.",
  middleware: [requireRole(...STAFF)] as const,
  responses: {
    200: { description: "the lists", content: json(ListsSummarySchema) },
    ...errorResponses(401, 403),
  },
});

const entries = createRoute({
  method: "get",
  path: "/api/lists/entries",
  tags: ["screening"],
  summary: "Find list entries by name or alias in any script, best matches first (to decide a pair)",
  description:
    "With `q`: a name equal to it first, then names containing it (folded: case, accents, punctuation), then what only the matcher finds (pinyin, Traditional characters, word order), each by the matcher's score. Without `q`: every entry in id order. `id` is the `entry` of POST /api/reviews.",
  middleware: [requireRole(...STAFF)] as const,
  request: { query: ListEntryQuerySchema },
  responses: {
    200: { description: "a page of list entries", content: json(ListEntryPageSchema) },
    ...errorResponses(400, 401, 403),
  },
});

/** The entry as the listing gives it, without the parser's bookkeeping (provenance, notes). */
function rowOf({ entry, score, matchedName }: FoundListEntry) {
  const {
    typeName: _t,
    provenance: _p,
    notes: _n,
    subsidiaries: _s,
    includesSubordinates: _i,
    ...row
  } = entry;
  return {
    ...row,
    ...(score === undefined ? {} : { score }),
    ...(matchedName === undefined ? {} : { matchedName }),
  };
}

export const listRoutes: RouteModule = (app) => {
  app.openapi(lists, async (c) => {
    const { screener, version } = await c.var.readModel.screener();
    const summary = await summariseLists(c.var.store, { version, entries: screener.entries.values() });
    return c.json(wire(summary), 200);
  });
  app.openapi(entries, async (c) => {
    const { cursor, ...query } = c.req.valid("query");
    const { screener, version } = await c.var.readModel.screener();
    const page = searchListEntries(screener, defined({ ...query, after: decodeCursor(cursor) }));
    const items = page.items.map(rowOf);
    return c.json(wire({ items, nextCursor: encodeCursor(page.next), listVersion: version }), 200);
  });
};
