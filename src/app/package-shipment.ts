import {
  buildPackage,
  type EvidencePackage,
  type PackageFonts,
  renderPackageJson,
  renderPackagePdf,
} from "../report/index.ts";
import { assessShipments, type ShipmentAssessment } from "./assess-shipments.ts";
import { AppError } from "./errors.ts";
import { buildPackageInput } from "./package-input.ts";
import type { Store } from "./store.ts";
import { loadTraceContext } from "./trace-context.ts";

export interface PackagedShipment {
  readonly pkg: EvidencePackage;
  readonly verdict: ShipmentAssessment["verdict"];
  readonly json: string;
  readonly pdf: Uint8Array;
}

export interface PackageOptions {
  /** ISO timestamp recorded as the package's `generatedAt` (default: now). */
  readonly generatedAt?: string;
}

/**
 * The evidence package of one import shipment (bill of lading number as printed, or its full
 * business-transaction id), as data, JSON and PDF. Writing the files is the caller's job; the
 * fonts are bytes for the same reason.
 */
export async function packageShipment(
  store: Store,
  id: string,
  fonts: PackageFonts,
  options: PackageOptions = {},
): Promise<PackagedShipment> {
  const ctx = await loadTraceContext(store);
  const assessment = assessShipments(ctx).find(
    (a) => a.shipment.id === id || a.shipment.bizTransaction === id,
  );
  if (!assessment) throw new AppError("not-found", `no import shipment ${id} in ${store.location}`);
  const input = await buildPackageInput(ctx, store, assessment);
  const pkg = buildPackage(
    input,
    options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt },
  );
  return {
    pkg,
    verdict: assessment.verdict,
    json: renderPackageJson(pkg),
    pdf: await renderPackagePdf(pkg, fonts),
  };
}
