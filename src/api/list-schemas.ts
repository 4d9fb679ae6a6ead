import { z } from "zod";
import { PageQuerySchema, pageOf } from "./common-schemas.ts";

/** `GET /api/lists`: the list version screening uses, how complete it is, and counts per list and section. */
export const ListsSummarySchema = z
  .object({
    current: z.number().int().describe("the list version screening uses (1: the bundled snapshot)"),
    asOf: z.string().optional().describe("the latest effective date the current version covers"),
    partial: z
      .boolean()
      .describe("the UFLPA entries are the bundled snapshot's, which misses entities DHS lists"),
    source: z.string().describe("where the current UFLPA entries come from"),
    lists: z.array(
      z.object({
        list: z.string().describe("uflpa or wro"),
        entityCount: z.number().int(),
        countsBySection: z.record(z.string(), z.number().int()),
      }),
    ),
    versions: z
      .array(
        z.object({
          version: z.number().int(),
          loadedAt: z.string(),
          source: z.string(),
          format: z.string(),
          sha256: z.string(),
          lists: z.array(z.string()).describe("the lists the load replaced"),
          asOf: z.string().optional(),
          entryCount: z.number().int(),
        }),
      )
      .describe("versions loaded with `lists update`, oldest first"),
  })
  .meta({ id: "ListsSummary" });

export const ListEntryQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .max(200)
    .optional()
    .describe("a name or part of one, any script (Chinese, pinyin, English); best matches first"),
  list: z.enum(["uflpa", "wro"]).optional(),
  section: z.string().max(100).optional().describe("a section of the list, as `GET /api/lists` counts them"),
});

export const ListEntryRowSchema = z
  .object({
    id: z.string().describe("use as `entry` in POST /api/reviews"),
    name: z.string(),
    aliases: z.array(z.string()),
    formerNames: z.array(z.string()),
    chineseNames: z.array(z.string()),
    list: z.string(),
    section: z.string().optional(),
    sections: z.array(z.string()),
    effectiveDate: z.string().optional().describe("ISO date the listing took effect"),
    address: z.string().optional(),
    parentId: z.string().optional().describe("the listed parent of a named subsidiary"),
    score: z.number().optional().describe("the matcher's score for `q` (0: found by text alone)"),
    matchedName: z.string().optional().describe("the name, alias or Chinese name `q` found"),
  })
  .meta({ id: "ListEntryRow" });

export const ListEntryPageSchema = pageOf(ListEntryRowSchema)
  .extend({ listVersion: z.number().int().describe("the list version searched") })
  .meta({ id: "ListEntryPage" });

export type ListsSummary = z.infer<typeof ListsSummarySchema>;
export type ListEntryRow = z.infer<typeof ListEntryRowSchema>;
export type ListEntryPage = z.infer<typeof ListEntryPageSchema>;
