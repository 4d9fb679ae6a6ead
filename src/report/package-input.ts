import type { Provenance } from "../model/index.ts";
import type { CbpCategory } from "./cbp-category.ts";

/**
 * What `buildPackage` needs, as plain JSON-shaped data. The report layer does not import trace,
 * screen or store (they are sibling layers): the app layer fills these types from their results.
 * Ids are plain strings here, not branded, because this is a wire form (it mirrors the
 * `trace --json` and `check --json` contracts) and is also read from JSON fixtures.
 */
export interface PackageInput {
  readonly shipment: ShipmentInput;
  /** One trace result per shipped lot (issue 4's `trace --json`). */
  readonly traces: readonly TraceResultInput[];
  readonly chain: SupplyChainInput;
  readonly parties: readonly PartyInput[];
  readonly screening: readonly ScreeningInput[];
  /** The business transactions (po, inv, bol…) that link lots between two facilities. */
  readonly records: readonly BusinessRecordInput[];
  /** The document registry entries that concern this shipment (every file the package cites). */
  readonly documents: readonly DocumentInput[];
  readonly massBalance: readonly MassBalanceInput[];
  readonly labTests: readonly LabTestInput[];
}

export interface QuantityInput {
  readonly value: number;
  /** UN/CEFACT Rec 20 code (KGM, H87…) or a plain word. */
  readonly unit: string;
}

export interface BizTransactionInput {
  /** CBV type: po, inv, bol, desadv, prodorder, recadv… */
  readonly type: string;
  readonly id: string;
}

export interface ShipmentInput {
  /** The business-transaction id the package is about, e.g. `BOL-MAEU-5501`. */
  readonly id: string;
  readonly bizTransactions: readonly BizTransactionInput[];
  readonly lots: readonly string[];
  readonly goods: string;
  readonly hsCode?: string;
  readonly quantity: QuantityInput;
  /** Net cotton mass of the shipment in kg, when known (for the reconciliation). */
  readonly cottonKg?: number;
  /** Party id of the importer of record. */
  readonly importer: string;
  readonly exporter?: string;
  readonly entryNumber?: string;
  /** ISO dates (YYYY-MM-DD) as known: shipped, arrived, entry, detained. */
  readonly dates: Readonly<Partial<Record<ShipmentDateKind, string>>>;
  readonly provenance: Provenance;
}

export type ShipmentDateKind = "shipped" | "arrived" | "entry" | "detained";

/** Issue 4's `trace --json` for one lot, plus the prior used and the events the figures come from. */
export interface TraceResultInput {
  readonly lot: string;
  readonly quantity: QuantityInput;
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  readonly expectedXinjiangShare: number;
  /** The prior applied to the unknown share, e.g. `{ value: 0.65, basis: "Chinese yarn of undocumented origin" }`. */
  readonly prior?: { readonly value: number; readonly basis: string };
  readonly worstCaseXinjiangShare: number;
  readonly listedEntityInChain: boolean;
  readonly listedEntities: readonly ListedEntityInput[];
  readonly origins: readonly OriginInput[];
  readonly flags: readonly TraceFlagInput[];
  /** The events (file + line or eventID) the trace figures were computed from. */
  readonly provenance: readonly Provenance[];
}

export interface ListedEntityInput {
  readonly name: string;
  /** The list entry matched, e.g. "UFLPA Entity List 2(d)(2)(B)(v): …". */
  readonly listEntry: string;
  readonly location: string;
  /** Lots and events from the listed entity down to the shipped lot. */
  readonly path: readonly string[];
}

export interface OriginInput {
  readonly lot: string;
  readonly location: string;
  readonly country: string;
  readonly region?: string;
  readonly share: number;
}

export interface TraceFlagInput {
  readonly code: string;
  readonly location?: string;
  readonly lot?: string;
  readonly message: string;
}

/** The ancestry of the shipped lot(s) as facilities (nodes) and lot movements (edges). */
export interface SupplyChainInput {
  readonly nodes: readonly SupplyNodeInput[];
  readonly edges: readonly SupplyEdgeInput[];
}

export type SupplyRole =
  | "origin"
  | "gin"
  | "trader"
  | "spinner"
  | "fabric-mill"
  | "dyehouse"
  | "garment-factory"
  | "warehouse"
  | "importer";

export interface SupplyNodeInput {
  /** Location id. */
  readonly id: string;
  readonly name: string;
  /** Party id of the operator, when known. */
  readonly party?: string;
  readonly role: SupplyRole;
  readonly country: string;
  /** Province / prefecture or region, e.g. "Xinjiang (Aksu 652900)" or "Queensland". */
  readonly region?: string;
  readonly inputKg?: number;
  readonly outputKg?: number;
  readonly onShippedPath: boolean;
  readonly risks: readonly NodeRiskInput[];
  readonly provenance: Provenance;
}

export interface NodeRiskInput {
  /** listed-entity, xinjiang-region, untraced-input, origin-claim-contradicted, mass-balance-exceeded… */
  readonly code: string;
  readonly message: string;
}

export interface SupplyEdgeInput {
  readonly from: string;
  readonly to: string;
  readonly lot: string;
  readonly kg: number;
  /** Share of the shipped cotton that moved along this edge (0–1), when computed. */
  readonly share?: number;
  readonly onShippedPath: boolean;
  readonly event?: string;
  readonly provenance: Provenance;
}

export interface PartyInput {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Roles in this shipment: importer, exporter, seller, buyer, operator of a facility, carrier… */
  readonly roles: readonly string[];
  readonly country?: string;
  readonly address?: string;
  readonly identifiers: readonly { readonly scheme: string; readonly value: string }[];
  readonly provenance: Provenance;
}

/** Issue 3's screening result for one party or location, with the analyst's decisions. */
export interface ScreeningInput {
  readonly subject: { readonly kind: "party" | "location"; readonly id: string; readonly name: string };
  readonly results: readonly ScreeningHitInput[];
  readonly geography?: {
    readonly xinjiang: boolean;
    readonly division: { readonly code: string; readonly name: string } | null;
    readonly evidence: readonly string[];
  };
}

export interface ScreeningHitInput {
  readonly entity: {
    readonly id: string;
    readonly name: string;
    readonly list: string;
    readonly section?: string;
  };
  readonly score: number;
  readonly match: boolean;
  readonly threshold: number;
  readonly explanations: readonly string[];
  readonly review?: ReviewDecisionInput;
}

export interface ReviewDecisionInput {
  readonly decision: "confirmed" | "dismissed";
  readonly reason: string;
  readonly user: string;
  /** ISO timestamp. */
  readonly at: string;
}

/** A business transaction between two facilities (or within one, for production records). */
export interface BusinessRecordInput {
  readonly bizTransaction: BizTransactionInput;
  readonly category: CbpCategory;
  readonly from: string;
  readonly to: string;
  readonly lots: readonly string[];
  readonly event?: string;
  readonly date?: string;
  readonly provenance: Provenance;
}

export type DocumentLinkKind = "lot" | "event" | "location" | "party" | "biz-transaction" | "shipment";

export interface DocumentInput {
  /** Registry id (the SHA-256 is the content address; the id is how other records cite it). */
  readonly id: string;
  readonly category: CbpCategory;
  readonly sha256: string;
  readonly fileName: string;
  readonly date?: string;
  readonly title?: string;
  /** BCP 47 language of the document; anything but English needs a translation. */
  readonly language: string;
  /** For a translation: the id of the document it translates. */
  readonly translationOf?: string;
  readonly links: readonly { readonly kind: DocumentLinkKind; readonly id: string }[];
}

/** Issue 4's `balance --json` row for one location. */
export interface MassBalanceInput {
  readonly location: string;
  readonly name: string;
  readonly stage?: string;
  readonly maxYield?: number;
  readonly status: "ok" | "exceeded";
  readonly inputs: readonly { readonly lot: string; readonly kg: number; readonly origin?: string }[];
  readonly outputs: readonly { readonly lot: string; readonly kg: number }[];
  readonly claims: readonly MassBalanceClaimInput[];
  readonly provenance: readonly Provenance[];
}

export interface MassBalanceClaimInput {
  readonly origin: string;
  readonly claimedKg: number;
  readonly allowedKg: number;
}

export interface LabTestInput {
  readonly id: string;
  readonly lab: string;
  /** e.g. "ISO/IEC 17025 (A2LA 1234.01)"; missing accreditation is shown as a weakness. */
  readonly accreditation?: string;
  /** isotope, dna, … */
  readonly method: string;
  readonly sample: string;
  readonly date: string;
  readonly result: string;
  readonly consistentWithClaim: boolean;
  readonly document?: string;
}
