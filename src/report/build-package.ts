import { buildChecklist } from "./build-checklist.ts";
import { collectFlags } from "./collect-flags.ts";
import { collectProvenance } from "./collect-provenance.ts";
import { type EvidencePackage, PACKAGE_SCHEMA_VERSION, type ShipmentSection } from "./evidence-package.ts";
import type { PackageInput } from "./package-input.ts";
import {
  buildDocumentIndex,
  buildFlowChart,
  buildLabTests,
  buildParties,
  buildReconciliation,
  buildScreening,
  buildTiers,
} from "./package-sections.ts";
import { summariseShipment } from "./summarise-shipment.ts";
import { tierDepths } from "./tier-depth.ts";

export interface BuildPackageOptions {
  /** ISO timestamp recorded as `generatedAt`; the only field that differs between two runs. */
  readonly generatedAt?: string;
}

/** The evidence package as data, deterministic for the same input apart from `generatedAt`. */
export function buildPackage(input: PackageInput, options: BuildPackageOptions = {}): EvidencePackage {
  const depths = tierDepths(input.chain);
  const screening = buildScreening(input);
  const flags = collectFlags(input, screening);
  const checklist = buildChecklist(input, depths);
  return {
    kind: "threadproof.evidence-package",
    version: PACKAGE_SCHEMA_VERSION,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    shipment: buildShipment(input),
    summary: summariseShipment({
      traces: input.traces,
      flags,
      screening,
      missingDocuments: checklist.missing.length,
    }),
    flowChart: buildFlowChart(input),
    parties: buildParties(input),
    screening,
    tiers: buildTiers(input, depths),
    reconciliation: buildReconciliation(input),
    checklist,
    labTests: buildLabTests(input),
    documents: buildDocumentIndex(input),
    provenance: collectProvenance(input),
    flags,
  };
}

function buildShipment(input: PackageInput): ShipmentSection {
  const { shipment } = input;
  const party = (id: string): { id: string; name: string } => ({
    id,
    name: input.parties.find((p) => p.id === id)?.name ?? id,
  });
  return {
    id: shipment.id,
    bizTransactions: shipment.bizTransactions.map((b) => ({ ...b })),
    lots: [...shipment.lots],
    goods: shipment.goods,
    hsCode: shipment.hsCode ?? null,
    quantity: { ...shipment.quantity },
    importer: party(shipment.importer),
    exporter: shipment.exporter ? party(shipment.exporter) : null,
    entryNumber: shipment.entryNumber ?? null,
    dates: { ...shipment.dates },
  };
}
