export type { BuildPackageOptions } from "./build-package.ts";
export { buildPackage } from "./build-package.ts";
export {
  CBP_CATEGORIES,
  CBP_CATEGORY_LABELS,
  type CbpCategory,
  ROLE_LABELS,
} from "./cbp-category.ts";
export type {
  Checklist,
  ChecklistCategoryRow,
  ChecklistItem,
  ChecklistScope,
  DocumentCitation,
  DocumentIndexRow,
  EvidencePackage,
  ExecutiveSummary,
  FigureProvenance,
  FlagRow,
  FlowChart,
  FlowEdge,
  FlowNode,
  LabTestRow,
  MassBalanceRow,
  PartyRow,
  Reconciliation,
  RecordRow,
  ScreeningHitRow,
  ScreeningRow,
  ScreeningStatus,
  ShipmentSection,
  SummaryFigures,
  TierSection,
  VerdictKind,
} from "./evidence-package.ts";
export { PACKAGE_SCHEMA_VERSION } from "./evidence-package.ts";
export { formatKg, formatShare } from "./format-figure.ts";
export type {
  FlowChartLayout,
  FlowChartMetrics,
  Point,
  PositionedNode,
  RoutedEdge,
} from "./layout-flow-chart.ts";
export { FLOW_CHART_METRICS, layoutFlowChart } from "./layout-flow-chart.ts";
export type {
  BizTransactionInput,
  BusinessRecordInput,
  DocumentInput,
  DocumentLinkKind,
  LabTestInput,
  ListedEntityInput,
  MassBalanceClaimInput,
  MassBalanceInput,
  NodeRiskInput,
  OriginInput,
  PackageInput,
  PartyInput,
  QuantityInput,
  ReviewDecisionInput,
  ScreeningHitInput,
  ScreeningInput,
  ShipmentDateKind,
  ShipmentInput,
  SupplyChainInput,
  SupplyEdgeInput,
  SupplyNodeInput,
  SupplyRole,
  TraceFlagInput,
  TraceResultInput,
} from "./package-input.ts";
export { renderPackageJson } from "./render-package-json.ts";
export type { PackageFonts } from "./render-package-pdf.ts";
export { PDF_SECTIONS, renderPackagePdf } from "./render-package-pdf.ts";
