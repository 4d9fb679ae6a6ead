import type { Issue } from "../model/index.ts";
import {
  buildPackage,
  type EvidencePackage,
  type PackageFonts,
  renderPackageJson,
  renderPackagePdf,
} from "../report/index.ts";
import { assessShipments, type ShipmentAssessment } from "./assess-shipments.ts";
import { AppError } from "./errors.ts";
import { type PackageAttachment, readAttachments } from "./package-documents.ts";
import { buildPackageInput } from "./package-input.ts";
import type { Store } from "./store.ts";
import { loadTraceContext, type TraceContext } from "./trace-context.ts";

export interface PackagedShipment {
  readonly pkg: EvidencePackage;
  readonly verdict: ShipmentAssessment["verdict"];
  readonly json: string;
  readonly pdf: Uint8Array;
  /** The registered documents it indexes, for `documents/` beside package.json. */
  readonly attachments: readonly PackageAttachment[];
  /** Indexed documents whose stored bytes are gone or changed, so not attached. */
  readonly issues: readonly Issue[];
}

export interface PackageOptions {
  /** ISO timestamp recorded as the package's `generatedAt` (default: now). */
  readonly generatedAt?: string;
}

/** The store's graph, screening and assessed shipments, loaded once for any number of packages. */
export interface PackageContext {
  readonly store: Store;
  readonly trace: TraceContext;
  readonly assessments: readonly ShipmentAssessment[];
}

export async function loadPackageContext(store: Store): Promise<PackageContext> {
  const trace = await loadTraceContext(store);
  return { store, trace, assessments: assessShipments(trace) };
}

/** The assessed import shipment with this bill of lading number or business-transaction id. */
export function findAssessment(context: PackageContext, id: string): ShipmentAssessment {
  const found = context.assessments.find((a) => a.shipment.id === id || a.shipment.bizTransaction === id);
  if (!found) throw new AppError("not-found", `no import shipment ${id} in ${context.store.location}`);
  return found;
}

/** Rendering an at-risk shipment's package is what the main job does for each row it flags. */
export async function packageAssessment(
  context: PackageContext,
  assessment: ShipmentAssessment,
  fonts: PackageFonts,
  options: PackageOptions = {},
): Promise<PackagedShipment> {
  const input = await buildPackageInput(context.trace, context.store, assessment);
  const pkg = buildPackage(
    input,
    options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt },
  );
  return {
    pkg,
    verdict: assessment.verdict,
    json: renderPackageJson(pkg),
    pdf: await renderPackagePdf(pkg, fonts),
    ...(await readAttachments(context.store, pkg)),
  };
}

/**
 * The evidence package of one import shipment (bill of lading number as printed, or its full
 * business-transaction id), as data, JSON and PDF. Writing the files is the caller's job; the
 * fonts are bytes for the same reason. Packaging many shipments: `loadPackageContext` once, then
 * `packageAssessment` for each.
 */
export async function packageShipment(
  store: Store,
  id: string,
  fonts: PackageFonts,
  options: PackageOptions = {},
): Promise<PackagedShipment> {
  const context = await loadPackageContext(store);
  return packageAssessment(context, findAssessment(context, id), fonts, options);
}
