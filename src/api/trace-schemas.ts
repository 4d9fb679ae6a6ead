import { z } from "zod";
import { EventKindSchema, HitCountsSchema } from "./record-schemas.ts";

export const PathStepSchema = z
  .object({
    lot: z.string(),
    event: z.string().nullable(),
    kind: EventKindSchema.nullable(),
    location: z.string().nullable(),
  })
  .meta({ id: "PathStep" });

export const TraceFlagSchema = z
  .object({
    code: z.string(),
    location: z.string().optional(),
    lot: z.string().optional(),
    event: z.string().optional(),
    lots: z.array(z.string()).optional(),
    message: z.string(),
  })
  .meta({ id: "TraceFlag" });

const QuantitySchema = z.object({ value: z.number(), unit: z.string() }).nullable();

export const TraceTargetSchema = z.object({
  id: z.string(),
  kind: z.enum(["lot", "shipment", "event"]),
  lots: z.array(z.object({ lot: z.string(), kg: z.number().optional() })),
});

export const OriginShareSchema = z.object({
  lot: z.string(),
  location: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  bucket: z.string(),
  xinjiang: z.boolean(),
  traced: z.boolean(),
  share: z.number(),
  path: z.array(PathStepSchema),
});

export const ListedEntityInChainSchema = z.object({
  name: z.string(),
  listEntry: z.string(),
  location: z.string(),
  path: z.array(PathStepSchema),
});

/** `threadproof trace ID --json` (docs/tracing.md): backward to the origins. */
export const LotTraceSchema = z
  .object({
    direction: z.literal("up"),
    lot: z.string(),
    quantity: QuantitySchema,
    xinjiangShare: z.number(),
    unknownShare: z.number(),
    expectedXinjiangShare: z.number(),
    worstCaseXinjiangShare: z.number(),
    listedEntityInChain: z.boolean(),
    listedEntities: z.array(ListedEntityInChainSchema),
    origins: z.array(OriginShareSchema),
    priors: z.array(
      z.object({
        bucket: z.string(),
        country: z.string().nullable(),
        stage: z.string().nullable(),
        prior: z.number().nullable(),
        share: z.number(),
      }),
    ),
    flags: z.array(TraceFlagSchema),
    target: TraceTargetSchema,
  })
  .meta({ id: "LotTrace" });

/** `threadproof trace ID --down --json`: where the lot went (recall). */
export const LotRecallSchema = z
  .object({
    direction: z.literal("down"),
    lot: z.string(),
    quantity: QuantitySchema,
    descendants: z.array(
      z.object({
        lot: z.string(),
        share: z.number(),
        quantity: QuantitySchema,
        path: z.array(PathStepSchema),
      }),
    ),
    flags: z.array(TraceFlagSchema),
    target: TraceTargetSchema,
  })
  .meta({ id: "LotRecall" });

export const TraceResultSchema = z.union([LotTraceSchema, LotRecallSchema]).meta({ id: "TraceResult" });

export const TraceQuerySchema = z.object({
  direction: z
    .enum(["up", "down"])
    .default("up")
    .describe("up (default): back to the origins; down: where the lot went (recall)"),
});

export const VerdictSchema = z.enum(["admissible", "inadmissible", "insufficient-evidence"]);

export const ShipmentAssessmentSchema = z
  .object({
    shipment: z.object({
      id: z.string().describe("bill of lading as printed, e.g. BOL-MAEU-5501"),
      bizTransaction: z.string(),
      receivedAt: z.string(),
      location: z.string().optional(),
      event: z.string(),
    }),
    verdict: VerdictSchema,
    trace: LotTraceSchema.omit({ target: true }),
  })
  .meta({ id: "ShipmentAssessment" });

export const ShipmentListQuerySchema = z.object({
  verdict: VerdictSchema.optional(),
  atRisk: z
    .enum(["true", "false"])
    .optional()
    .describe("true: only inadmissible and insufficient-evidence (what the main job packages)"),
});

export const ShipmentListSchema = z
  .object({
    items: z.array(ShipmentAssessmentSchema).describe("oldest receipt first"),
    counts: z.object({
      admissible: z.number(),
      inadmissible: z.number(),
      "insufficient-evidence": z.number(),
    }),
  })
  .meta({ id: "ShipmentList" });

export const LocationBalanceSchema = z
  .object({
    location: z.string(),
    name: z.string().nullable(),
    period: z.string().nullable(),
    stage: z.string().nullable(),
    maxYield: z.number(),
    status: z.enum(["ok", "exceeded"]),
    inputKg: z.number(),
    outputKg: z.number(),
    limitKg: z.number(),
    claims: z.array(
      z.object({
        origin: z.string(),
        claimedKg: z.number(),
        inputKg: z.number(),
        maxYield: z.number(),
        limitKg: z.number(),
        status: z.enum(["ok", "exceeded"]),
      }),
    ),
    inputs: z.array(z.object({ origin: z.string(), kg: z.number() })),
    outputs: z.array(z.object({ origin: z.string(), kg: z.number() })),
    flags: z.array(TraceFlagSchema),
  })
  .meta({ id: "LocationBalance" });

export const BalanceQuerySchema = z.object({
  period: z.enum(["month", "quarter", "year"]).optional(),
  status: z.enum(["ok", "exceeded"]).optional(),
  location: z.string().max(1024).optional(),
});

export const BalanceSchema = z.object({ locations: z.array(LocationBalanceSchema) }).meta({ id: "Balance" });

export const StatsSchema = z
  .object({
    store: z.object({ kind: z.enum(["sqlite", "postgres"]) }),
    counts: z.object({
      parties: z.number(),
      locations: z.number(),
      lots: z.number(),
      events: z.number(),
      retractedEvents: z.number(),
      links: z.number(),
      documents: z.number(),
      imports: z.number(),
    }),
    eventsByKind: z.partialRecord(EventKindSchema, z.number()),
    locationsByCountry: z.record(z.string(), z.number()),
    hits: HitCountsSchema,
    shipments: z.object({
      admissible: z.number(),
      inadmissible: z.number(),
      "insufficient-evidence": z.number(),
    }),
    locationsWithGaps: z
      .array(
        z.object({
          location: z.string(),
          name: z.string().nullable(),
          operator: z.string().nullable(),
          flags: z.record(z.string(), z.number()).describe("flag code → shipments concerned"),
        }),
      )
      .describe(
        "locations named by a shipment's flags (untraced inputs, balance exceeded…), most shipments first",
      ),
  })
  .meta({ id: "Stats" });

export type TraceResult = z.infer<typeof TraceResultSchema>;
export type LotTrace = z.infer<typeof LotTraceSchema>;
export type LotRecall = z.infer<typeof LotRecallSchema>;
export type ShipmentAssessment = z.infer<typeof ShipmentAssessmentSchema>;
export type ShipmentList = z.infer<typeof ShipmentListSchema>;
export type LocationBalance = z.infer<typeof LocationBalanceSchema>;
export type Balance = z.infer<typeof BalanceSchema>;
export type Stats = z.infer<typeof StatsSchema>;
export type Verdict = z.infer<typeof VerdictSchema>;
