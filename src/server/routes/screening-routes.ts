import { createRoute } from "@hono/zod-openapi";
import {
  DecisionHistorySchema,
  DecisionRequestSchema,
  DecisionSchema,
  HitKeyParamSchema,
  HitListQuerySchema,
  HitPageSchema,
  MAX_MATCH_QUERIES,
  MatchRequestSchema,
  MatchResponseSchema,
  PairDecisionRequestSchema,
} from "../../api/index.ts";
import { decideHitAs, decidePairAs, hitDecisions, listHits, matchBatch } from "../../app/index.ts";
import { requireRole } from "../auth/index.ts";
import { errorResponses, json } from "../error-responses.ts";
import { decodeCursor, encodeCursor } from "../pagination.ts";
import { DECIDERS, principalOf, STAFF } from "../request-context.ts";
import type { RouteModule } from "../server-app.ts";
import { defined, wire } from "../wire.ts";

const match = createRoute({
  method: "post",
  path: "/api/match",
  tags: ["screening"],
  summary: "Screen a batch of names against the UFLPA Entity List and CBP WRO list (yente-style)",
  description: `Each query is keyed by the caller; the response uses the same keys. At most ${MAX_MATCH_QUERIES} queries per request. Each result has a score, a match flag against the threshold, the list entry and per-feature explanations; \`geography\` says whether the name and address point into Xinjiang.`,
  middleware: [requireRole(...DECIDERS)] as const,
  request: { body: { content: json(MatchRequestSchema), required: true } },
  responses: {
    200: { description: "results per query key", content: json(MatchResponseSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const hits = createRoute({
  method: "get",
  path: "/api/hits",
  tags: ["screening"],
  summary: "Screening hits of the store's parties and locations: the review queue",
  description: "status=open (default: new and re-opened), confirmed, dismissed or all. Ordered by hit key.",
  middleware: [requireRole(...STAFF)] as const,
  request: { query: HitListQuerySchema },
  responses: {
    200: { description: "a page of hits", content: json(HitPageSchema) },
    ...errorResponses(400, 401, 403),
  },
});

const decide = createRoute({
  method: "post",
  path: "/api/hits/{key}/decision",
  tags: ["screening"],
  summary: "Confirm or dismiss a hit, with a reason (recorded with the signed-in user and time)",
  description:
    "A dismissed hit leaves every later screen and trace; a confirmed one stays. The decision re-opens when the list entry changes.",
  middleware: [requireRole(...DECIDERS)] as const,
  request: { params: HitKeyParamSchema, body: { content: json(DecisionRequestSchema), required: true } },
  responses: {
    200: { description: "the decision as stored", content: json(DecisionSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const decidePairRoute = createRoute({
  method: "post",
  path: "/api/reviews",
  tags: ["screening"],
  summary:
    "Confirm or dismiss a party or location against a list entry, hit or not (recorded with the signed-in user)",
  description:
    "For a pair the screening does not produce (a below-threshold candidate, what a registry shows): the decision is keyed as the hit's would be, so every later screen reuses it, and a changed list entry re-opens it. Give `party` or `location`, and `entry`. Unknown ids: 404 naming the field.",
  middleware: [requireRole(...DECIDERS)] as const,
  request: { body: { content: json(PairDecisionRequestSchema), required: true } },
  responses: {
    200: { description: "the decision as stored", content: json(DecisionSchema) },
    ...errorResponses(400, 401, 403, 404),
  },
});

const decisions = createRoute({
  method: "get",
  path: "/api/hits/{key}/decisions",
  tags: ["screening"],
  summary: "Every decision on a hit, oldest first: who decided what, when, why, and which is current",
  description:
    "A re-decision supersedes, never overwrites. `reopened` marks a current decision whose list entry has changed since. A hit never decided has none.",
  middleware: [requireRole(...STAFF)] as const,
  request: { params: HitKeyParamSchema },
  responses: {
    200: { description: "the hit's decisions", content: json(DecisionHistorySchema) },
    ...errorResponses(400, 401, 403),
  },
});

export const screeningRoutes: RouteModule = (app) => {
  app.openapi(match, async (c) => {
    const { queries } = c.req.valid("json");
    const result = await matchBatch(
      c.var.readModel,
      Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, defined(q)])),
    );
    const responses = Object.fromEntries(
      Object.entries(queries).map(([key, query]) => {
        const r = result.responses[key];
        const results = (r?.results ?? []).map((m) => ({
          id: m.entity.id,
          score: m.score,
          match: m.match,
          entry: m.entity,
          matchedName: m.matchedName,
          explanations: m.explanations,
        }));
        const geography = r?.geography ?? { xinjiang: false, division: null, evidence: [] };
        return [key, { query, total: results.length, geography, results }];
      }),
    );
    return c.json(wire({ threshold: result.threshold, listVersion: result.listVersion, responses }), 200);
  });
  app.openapi(hits, async (c) => {
    const { cursor, ...query } = c.req.valid("query");
    const page = await listHits(c.var.readModel, defined({ ...query, after: decodeCursor(cursor) }));
    return c.json(
      wire({ items: [...page.items], nextCursor: encodeCursor(page.next), counts: page.counts }),
      200,
    );
  });
  app.openapi(decide, async (c) => {
    const { status, reason } = c.req.valid("json");
    const decision = await decideHitAs(c.var.store, c.var.readModel, {
      hit: c.req.valid("param").key,
      status,
      reason,
      user: principalOf(c).username,
      actor: principalOf(c),
    });
    return c.json(wire(decision), 200);
  });
  app.openapi(decidePairRoute, async (c) => {
    const { party, location, entry, status, reason } = c.req.valid("json");
    const subject =
      party !== undefined
        ? { kind: "party" as const, id: party }
        : { kind: "location" as const, id: location ?? "" };
    const decision = await decidePairAs(c.var.store, c.var.readModel, {
      subject,
      entryId: entry,
      status,
      reason,
      user: principalOf(c).username,
      actor: principalOf(c),
    });
    return c.json(wire(decision), 200);
  });
  app.openapi(decisions, async (c) => {
    const items = await hitDecisions(c.var.store, c.req.valid("param").key);
    return c.json(wire({ items }), 200);
  });
};
