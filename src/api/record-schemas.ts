import { z } from "zod";
import { PageQuerySchema, ProvenanceSchema, pageOf } from "./common-schemas.ts";

const IdentifierSchema = z.object({ scheme: z.string(), value: z.string() });

export const HitCountsSchema = z
  .object({
    open: z.number().int().describe("hits awaiting a decision (new or re-opened)"),
    confirmed: z.number().int(),
    dismissed: z.number().int(),
  })
  .meta({ id: "HitCounts" });

export const HitStatusFilterSchema = z
  .enum(["open", "confirmed", "dismissed", "any", "none"])
  .describe("`any`: at least one list hit; `none`: no hit at all; else at least one hit in that state");

export const PartySchema = z
  .object({
    typeName: z.literal("party"),
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    identifiers: z.array(IdentifierSchema),
    country: z.string().optional(),
    address: z.string().optional(),
    attributes: z.record(z.string(), z.string()),
    provenance: ProvenanceSchema,
  })
  .meta({ id: "Party" });

/** A party as listed: the record plus its screening hits by review state. */
export const PartyRowSchema = z
  .object({ party: PartySchema, hits: HitCountsSchema })
  .meta({ id: "PartyRow" });

export const AddressSchema = z.object({
  lines: z.array(z.string()),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});

export const LocationSchema = z
  .object({
    typeName: z.literal("location"),
    id: z.string(),
    name: z.string().optional(),
    address: AddressSchema,
    latitude: z.number().optional(),
    longitude: z.number().optional(),
    facilityType: z.string().optional(),
    processingType: z.string().optional(),
    sector: z.string().optional(),
    operator: z.string().optional(),
    identifiers: z.array(IdentifierSchema),
    attributes: z.record(z.string(), z.string()),
    provenance: ProvenanceSchema,
  })
  .meta({ id: "Location" });

/** What the map and search show about a facility's risk. */
export const LocationRiskSchema = z
  .object({
    xinjiang: z.boolean().describe("the address resolves to Xinjiang"),
    country: z.string().nullable(),
    region: z.string().nullable().describe("province (pinyin) or Xinjiang, when resolved"),
    hits: HitCountsSchema.describe("list hits of the location's own name and of its operator"),
    level: z
      .enum(["high", "medium", "low"])
      .describe("high: in Xinjiang or a confirmed hit; medium: an open hit; low: neither"),
  })
  .meta({ id: "LocationRisk" });

export const LocationRowSchema = z
  .object({
    location: LocationSchema,
    operator: z.object({ id: z.string(), name: z.string() }).nullable(),
    risk: LocationRiskSchema,
  })
  .meta({ id: "LocationRow" });

export const LotSchema = z
  .object({
    typeName: z.literal("lot"),
    id: z.string(),
    product: z.string().optional(),
    unit: z.string().optional(),
    provenance: ProvenanceSchema,
  })
  .meta({ id: "Lot" });

const QuantityLineSchema = z.object({
  lot: z.string(),
  quantity: z.number().optional(),
  uom: z.string().optional(),
  kg: z.number().optional(),
});
const TypedRefSchema = z.object({ type: z.string(), id: z.string() });
export const EventKindSchema = z.enum([
  "origin",
  "transform",
  "ship",
  "receive",
  "aggregate",
  "disaggregate",
  "destroy",
  "observe",
]);

export const EventSchema = z
  .object({
    typeName: z.literal("event"),
    id: z.string().describe("GS1 canonical event hash"),
    declaredId: z.string().optional(),
    epcisType: z.string(),
    kind: EventKindSchema,
    action: z.string().optional(),
    eventTime: z.string(),
    eventTimeZoneOffset: z.string(),
    bizStep: z.string().optional(),
    disposition: z.string().optional(),
    readPoint: z.string().optional(),
    bizLocation: z.string().optional(),
    epcs: z.array(z.string()),
    quantities: z.array(QuantityLineSchema),
    inputs: z.array(QuantityLineSchema),
    outputs: z.array(QuantityLineSchema),
    bizTransactions: z.array(TypedRefSchema),
    sources: z.array(TypedRefSchema),
    destinations: z.array(TypedRefSchema),
    recordTime: z.string().optional(),
    parentId: z.string().optional(),
    inputEpcs: z.array(z.string()),
    outputEpcs: z.array(z.string()),
    transformationId: z.string().optional(),
    ilmd: z.record(z.string(), z.unknown()),
    extra: z.record(z.string(), z.unknown()),
    errorDeclaration: z
      .object({
        declarationTime: z.string(),
        reason: z.string().optional(),
        correctiveEventIds: z.array(z.string()),
      })
      .optional(),
    retracted: z.boolean(),
    provenance: ProvenanceSchema,
  })
  .meta({ id: "Event" });

export const DocumentRefSchema = z
  .object({
    typeName: z.literal("document-ref"),
    id: z.string(),
    type: z.string().describe("CBV business-transaction type: po, inv, bol…"),
    ref: z.string(),
    event: z.string().optional(),
    provenance: ProvenanceSchema,
  })
  .meta({ id: "DocumentRef" });

/** A registered evidence file (`threadproof docs`), linked to the lot. */
export const RegisteredDocumentSummarySchema = z
  .object({
    sha256: z.string(),
    category: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    size: z.number().int(),
    language: z.string(),
    date: z.string().optional(),
    addedAt: z.string(),
    note: z.string().optional(),
    links: z.array(z.object({ kind: z.string(), ref: z.string() })),
  })
  .meta({ id: "RegisteredDocumentSummary" });

export const PartyListQuerySchema = PageQuerySchema.extend({
  q: z.string().max(200).optional().describe("part of the name, any case"),
  country: z.string().max(64).optional().describe("ISO 3166-1 alpha-2, e.g. CN"),
  hits: HitStatusFilterSchema.optional(),
});

export const LocationListQuerySchema = PartyListQuerySchema.extend({
  region: z.string().max(100).optional().describe("province (pinyin) or Xinjiang, any case"),
  risk: z.enum(["high", "medium", "low"]).optional(),
});

export const EventListQuerySchema = PageQuerySchema.extend({
  lot: z.string().max(1024).optional(),
  location: z.string().max(1024).optional(),
  kind: EventKindSchema.optional(),
});

export const PartyPageSchema = pageOf(PartyRowSchema).meta({ id: "PartyPage" });
export const LocationPageSchema = pageOf(LocationRowSchema).meta({ id: "LocationPage" });
export const LotPageSchema = pageOf(LotSchema).meta({ id: "LotPage" });
export const EventPageSchema = pageOf(EventSchema).meta({ id: "EventPage" });

export const PartyDetailSchema = z
  .object({
    party: PartySchema,
    hits: HitCountsSchema,
    locations: z.array(LocationSchema).describe("locations this party operates (within your scope)"),
  })
  .meta({ id: "PartyDetail" });

export const LotDetailSchema = z
  .object({
    lot: LotSchema,
    events: z.array(EventSchema).describe("every event naming the lot, oldest first"),
    documentRefs: z.array(DocumentRefSchema).describe("business documents those events cite"),
    documents: z.array(RegisteredDocumentSummarySchema).describe("registered files linked to the lot"),
  })
  .meta({ id: "LotDetail" });

export type Party = z.infer<typeof PartySchema>;
export type PartyRow = z.infer<typeof PartyRowSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type LocationRow = z.infer<typeof LocationRowSchema>;
export type LocationRisk = z.infer<typeof LocationRiskSchema>;
export type Lot = z.infer<typeof LotSchema>;
export type Event = z.infer<typeof EventSchema>;
export type DocumentRef = z.infer<typeof DocumentRefSchema>;
export type HitCounts = z.infer<typeof HitCountsSchema>;
export type PartyDetail = z.infer<typeof PartyDetailSchema>;
export type LotDetail = z.infer<typeof LotDetailSchema>;
export type PartyListQuery = z.input<typeof PartyListQuerySchema>;
export type LocationListQuery = z.input<typeof LocationListQuerySchema>;
export type EventListQuery = z.input<typeof EventListQuerySchema>;
