import type { Provenance } from "../model/index.ts";
import type { CbpCategory } from "./cbp-category.ts";
import type {
  BizTransactionInput,
  ListedEntityInput,
  OriginInput,
  QuantityInput,
  ShipmentDateKind,
  SupplyRole,
} from "./package-input.ts";

/** Bumped on any change of shape; `docs/package-schema.md` describes each version. */
export const PACKAGE_SCHEMA_VERSION = 1;

/**
 * The evidence package as data: what the PDF shows and `package.json` stores. Deterministic for
 * the same input except `generatedAt`.
 */
export interface EvidencePackage {
  readonly kind: "threadproof.evidence-package";
  readonly version: typeof PACKAGE_SCHEMA_VERSION;
  readonly generatedAt: string;
  readonly shipment: ShipmentSection;
  readonly summary: ExecutiveSummary;
  readonly flowChart: FlowChart;
  readonly parties: readonly PartyRow[];
  readonly screening: readonly ScreeningRow[];
  readonly tiers: readonly TierSection[];
  readonly reconciliation: Reconciliation;
  readonly checklist: Checklist;
  readonly labTests: readonly LabTestRow[];
  readonly documents: readonly DocumentIndexRow[];
  readonly provenance: readonly FigureProvenance[];
  readonly flags: readonly FlagRow[];
}

export interface ShipmentSection {
  readonly id: string;
  readonly bizTransactions: readonly BizTransactionInput[];
  readonly lots: readonly string[];
  readonly goods: string;
  readonly hsCode: string | null;
  readonly quantity: QuantityInput;
  readonly importer: { readonly id: string; readonly name: string };
  readonly exporter: { readonly id: string; readonly name: string } | null;
  readonly entryNumber: string | null;
  readonly dates: Readonly<Partial<Record<ShipmentDateKind, string>>>;
}

export type VerdictKind = "likely-to-succeed" | "at-risk" | "fails";

export interface ExecutiveSummary {
  /** One line a customs officer reads first. */
  readonly headline: string;
  /** The same answer, one sentence per fact. */
  readonly sentences: readonly string[];
  readonly figures: SummaryFigures;
  readonly verdict: {
    readonly kind: VerdictKind;
    readonly title: string;
    readonly reasons: readonly string[];
  };
}

export interface SummaryFigures {
  readonly xinjiangShare: number;
  readonly unknownShare: number;
  readonly expectedXinjiangShare: number;
  readonly priors: readonly { readonly value: number; readonly basis: string }[];
  readonly worstCaseXinjiangShare: number;
  readonly listedEntityInChain: boolean;
  readonly listedEntities: readonly ListedEntityInput[];
  readonly origins: readonly OriginInput[];
  readonly openFlags: number;
  readonly missingDocuments: number;
}

export interface FlowChart {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

export interface FlowNode {
  readonly id: string;
  readonly name: string;
  readonly role: SupplyRole;
  readonly country: string;
  readonly region: string | null;
  readonly inputKg: number | null;
  readonly outputKg: number | null;
  readonly onShippedPath: boolean;
  readonly risky: boolean;
  readonly risks: readonly { readonly code: string; readonly message: string }[];
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly lot: string;
  readonly kg: number;
  readonly share: number | null;
  readonly onShippedPath: boolean;
}

export interface PartyRow {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly roles: readonly string[];
  readonly country: string | null;
  readonly address: string | null;
  readonly identifiers: readonly string[];
  readonly facilities: readonly string[];
}

export type ScreeningStatus = "clear" | "open" | "confirmed" | "dismissed";

export interface ScreeningRow {
  readonly subject: { readonly kind: "party" | "location"; readonly id: string; readonly name: string };
  /** The worst of its hits: confirmed > open > dismissed > clear. */
  readonly status: ScreeningStatus;
  readonly xinjiang: { readonly division: string | null; readonly evidence: readonly string[] } | null;
  readonly hits: readonly ScreeningHitRow[];
}

export interface ScreeningHitRow {
  readonly entity: string;
  readonly list: string;
  readonly score: number;
  readonly threshold: number;
  readonly match: boolean;
  readonly status: ScreeningStatus;
  readonly explanations: readonly string[];
  readonly review: string | null;
}

export interface TierSection {
  readonly tier: number;
  readonly roles: readonly SupplyRole[];
  readonly nodes: readonly { readonly id: string; readonly name: string }[];
  readonly records: readonly RecordRow[];
}

export interface RecordRow {
  readonly bizTransaction: BizTransactionInput;
  readonly category: CbpCategory;
  readonly from: string;
  readonly to: string;
  readonly lots: readonly string[];
  readonly date: string | null;
  readonly documents: readonly DocumentCitation[];
  readonly status: "present" | "missing";
}

export interface DocumentCitation {
  readonly id: string;
  readonly category: CbpCategory;
  readonly fileName: string;
  readonly sha256: string;
  readonly date: string | null;
}

export interface Reconciliation {
  readonly locations: readonly MassBalanceRow[];
  /** Shipped cotton against what the last production tier put out. */
  readonly shipment: {
    readonly shippedKg: number | null;
    readonly producedKg: number | null;
    readonly status: "ok" | "exceeded" | "unknown";
  };
}

export interface MassBalanceRow {
  readonly location: string;
  readonly name: string;
  readonly stage: string | null;
  readonly inputKg: number;
  readonly outputKg: number;
  readonly yield: number | null;
  readonly maxYield: number | null;
  readonly status: "ok" | "exceeded";
  readonly claims: readonly {
    readonly origin: string;
    readonly claimedKg: number;
    readonly allowedKg: number;
  }[];
}

export type ChecklistScope =
  | { readonly kind: "shipment"; readonly label: string }
  | { readonly kind: "node"; readonly node: string; readonly label: string }
  | { readonly kind: "transfer"; readonly from: string; readonly to: string; readonly label: string };

export interface ChecklistItem {
  readonly category: CbpCategory;
  readonly scope: ChecklistScope;
  readonly requirement: "required" | "supporting";
  readonly status: "present" | "missing";
  readonly documents: readonly string[];
}

export interface Checklist {
  readonly byCategory: readonly ChecklistCategoryRow[];
  readonly items: readonly ChecklistItem[];
  /** Exactly the required items with no document. */
  readonly missing: readonly ChecklistItem[];
}

export interface ChecklistCategoryRow {
  readonly category: CbpCategory;
  readonly label: string;
  readonly present: number;
  readonly missing: number;
  readonly status: "present" | "missing" | "partial" | "not-applicable" | "not-provided";
}

export interface LabTestRow {
  readonly id: string;
  readonly lab: string;
  readonly accreditation: string | null;
  readonly method: string;
  readonly sample: string;
  readonly date: string;
  readonly result: string;
  readonly consistentWithClaim: boolean;
  readonly document: string | null;
}

export interface DocumentIndexRow {
  readonly id: string;
  readonly category: CbpCategory;
  readonly fileName: string;
  readonly sha256: string;
  readonly date: string | null;
  readonly language: string;
  readonly translationOf: string | null;
  /** What it supports, as readable labels ("lot …", "po PO-1 …"). */
  readonly supports: readonly string[];
}

export interface FigureProvenance {
  /** Stable id, e.g. `trace:<lot>:xinjiangShare`. */
  readonly figure: string;
  readonly label: string;
  readonly value: string;
  readonly sources: readonly Provenance[];
}

export interface FlagRow {
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly subject: string | null;
  readonly message: string;
}
