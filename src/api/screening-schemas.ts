import { z } from "zod";
import { PageQuerySchema, pageOf } from "./common-schemas.ts";
import { HitCountsSchema } from "./record-schemas.ts";

export const MAX_MATCH_QUERIES = 100;

export const MatchQuerySchema = z
  .object({
    name: z.string().min(1).max(500),
    country: z.string().max(64).optional().describe("ISO 3166-1 alpha-2 or a country name"),
    address: z.string().max(1000).optional(),
    schema: z
      .enum(["Company", "Organization", "LegalEntity"])
      .optional()
      .describe("FtM schema of the thing named (all are matched as companies today)"),
  })
  .meta({ id: "MatchQuery" });

/** yente-style: the caller keys each query; the response uses the same keys. */
export const MatchRequestSchema = z
  .object({
    queries: z
      .record(z.string().min(1).max(200), MatchQuerySchema)
      .refine((q) => Object.keys(q).length >= 1, "give at least one query")
      .refine(
        (q) => Object.keys(q).length <= MAX_MATCH_QUERIES,
        `at most ${MAX_MATCH_QUERIES} queries per request`,
      ),
  })
  .meta({ id: "MatchRequest" });

export const ListEntitySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    list: z.string().describe("uflpa or wro"),
    section: z.string().optional(),
  })
  .meta({ id: "ListEntity" });

/** A hit's list entry with what a reviewer compares: its other names and where the listing places it. */
export const ListEntryDetailSchema = ListEntitySchema.extend({
  aliases: z.array(z.string()).describe("other Latin-script names the listing gives"),
  formerNames: z.array(z.string()),
  chineseNames: z.array(z.string()).describe("names in Chinese characters (the UI shows pinyin beside them)"),
  address: z
    .string()
    .optional()
    .describe("where the listing places the entity, as the source writes it (a province, a street address)"),
}).meta({ id: "ListEntryDetail" });

export const MatchResultSchema = z
  .object({
    id: z.string().describe("the list entry's id"),
    score: z.number(),
    match: z.boolean().describe("score ≥ threshold"),
    entry: ListEntitySchema,
    matchedName: z.string().describe("the list name (or alias) that scored"),
    explanations: z.array(z.string()),
  })
  .meta({ id: "MatchResult" });

export const GeographySchema = z
  .object({
    xinjiang: z.boolean(),
    division: z.object({ code: z.string(), name: z.string() }).nullable(),
    evidence: z.array(z.string()),
  })
  .meta({ id: "Geography" });

export const MatchResponseSchema = z
  .object({
    threshold: z.number(),
    listVersion: z.number().int(),
    responses: z.record(
      z.string(),
      z.object({
        query: MatchQuerySchema,
        results: z.array(MatchResultSchema),
        total: z.number().int(),
        geography: GeographySchema,
      }),
    ),
  })
  .meta({ id: "MatchResponse" });

export const HitStateSchema = z.enum(["open", "reopened", "confirmed", "dismissed"]);

export const DecisionSchema = z
  .object({
    hitKey: z.string(),
    subject: z.object({ kind: z.enum(["party", "location"]), id: z.string() }),
    entryId: z.string(),
    status: z.enum(["confirmed", "dismissed"]),
    score: z.number().optional(),
    reason: z.string(),
    user: z.string(),
    decidedAt: z.string(),
    fingerprint: z.string(),
    listVersion: z.number().int().optional().describe("the list version the reviewer decided against"),
    decidedOn: z
      .enum(["hit", "pair"])
      .optional()
      .describe("`pair`: the reviewer named the subject and entry (`review confirm --party … --entry …`)"),
  })
  .meta({ id: "Decision" });

export const DecisionHistoryItemSchema = DecisionSchema.extend({
  hit: z.string().describe("short id (`hit-…`)"),
  current: z.boolean().describe("no later decision on the same hit superseded it"),
  supersededAt: z.string().optional().describe("when the decision that superseded it was made"),
  reopened: z.literal(true).optional().describe("current, but its list entry changed since: decide again"),
  subjectName: z
    .string()
    .optional()
    .describe("the party's or location's name as stored (absent for a location without one)"),
  entryName: z.string().optional().describe("the list entry's name in the current list version"),
}).meta({ id: "DecisionHistoryItem" });

export const DecisionHistorySchema = z
  .object({ items: z.array(DecisionHistoryItemSchema).describe("every decision on the hit, oldest first") })
  .meta({ id: "DecisionHistory" });

export const HitSchema = z
  .object({
    hit: z.string().describe("short id (`hit-…`), as `threadproof review` prints it"),
    hitKey: z.string().describe("full key: `party:ID|ENTRY-ID`; use in POST /api/hits/{key}/decision"),
    subject: z.object({ kind: z.enum(["party", "location"]), id: z.string(), name: z.string() }),
    entity: ListEntryDetailSchema,
    score: z.number(),
    match: z.boolean(),
    via: z.enum(["name", "owner", "xpcc-marker", "review"]),
    explanations: z.array(z.string()),
    review: z.object({ state: HitStateSchema, decision: DecisionSchema.optional() }),
  })
  .meta({ id: "Hit" });

export const HitListQuerySchema = PageQuerySchema.extend({
  status: z
    .enum(["open", "confirmed", "dismissed", "all"])
    .default("open")
    .describe("open (default) includes re-opened hits"),
  subject: z.enum(["party", "location"]).optional(),
  q: z.string().max(200).optional().describe("part of the subject's or the list entry's name"),
  list: z.string().max(20).optional().describe("uflpa or wro"),
});

export const HitPageSchema = pageOf(HitSchema)
  .extend({ counts: HitCountsSchema.describe("all hits by state, before filters") })
  .meta({ id: "HitPage" });

export const DecisionRequestSchema = z
  .object({
    status: z.enum(["confirmed", "dismissed"]),
    reason: z.string().trim().min(1).max(2000),
  })
  .meta({ id: "DecisionRequest" });

/** `POST /api/reviews`: a subject–entry pair decided whether or not the screening produces it as a hit. */
export const PairDecisionRequestSchema = z
  .object({
    party: z.string().min(1).max(2048).optional().describe("the party's id (give party or location)"),
    location: z.string().min(1).max(2048).optional().describe("the location's id (give party or location)"),
    entry: z
      .string()
      .min(1)
      .max(500)
      .describe("the list entry's id, as `/api/match` and `lists show` give it"),
    status: z.enum(["confirmed", "dismissed"]),
    reason: z.string().trim().min(1).max(2000),
  })
  .refine((b) => (b.party === undefined) !== (b.location === undefined), {
    message: "give party or location, not both",
    path: ["party"],
  })
  .meta({ id: "PairDecisionRequest" });

export const HitKeyParamSchema = z.object({
  key: z.string().min(1).max(2048).describe("the hit's `hitKey` or short `hit` id, percent-encoded"),
});

export type MatchQuery = z.infer<typeof MatchQuerySchema>;
export type MatchRequest = z.infer<typeof MatchRequestSchema>;
export type MatchResponse = z.infer<typeof MatchResponseSchema>;
export type MatchResult = z.infer<typeof MatchResultSchema>;
export type Hit = z.infer<typeof HitSchema>;
export type ListEntryDetail = z.infer<typeof ListEntryDetailSchema>;
export type HitPage = z.infer<typeof HitPageSchema>;
export type HitListQuery = z.input<typeof HitListQuerySchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionRequest = z.infer<typeof DecisionRequestSchema>;
export type PairDecisionRequest = z.infer<typeof PairDecisionRequestSchema>;
export type DecisionHistory = z.infer<typeof DecisionHistorySchema>;
