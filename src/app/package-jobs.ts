import { createHash } from "node:crypto";
import type { Issue } from "../model/index.ts";
import type { PackageFonts } from "../report/index.ts";
import { appendAudit } from "./audit-trail-append.ts";
import { createJobRegistry, type Job, type JobRegistry } from "./job-registry.ts";
import { findAssessment, loadPackageContext, packageAssessment } from "./package-shipment.ts";
import type { Principal } from "./principal.ts";
import type { Store } from "./store.ts";

export interface PackageProgress {
  readonly shipment: string;
  /** queued → loading the store's graph and screening → rendering the PDF → done. */
  readonly stage: "queued" | "loading" | "rendering" | "done";
}

/** A built package, kept in memory for download until the server restarts. */
export interface PackageOutcome {
  readonly shipment: string;
  readonly verdict: string;
  readonly title: string;
  readonly pdf: Uint8Array;
  readonly json: string;
  /** SHA-256 of package.json, as recorded in the audit trail. */
  readonly jsonSha256: string;
  readonly issues: readonly Issue[];
}

export type PackageJob = Job<PackageProgress, PackageOutcome>;
export type PackageJobs = JobRegistry<PackageProgress, PackageOutcome>;

/** Built packages are held in memory (a few MB each), so only the last few are kept. */
const KEEP_PACKAGES = 20;

export function createPackageJobs(onUnexpected?: (error: unknown) => void): PackageJobs {
  return createJobRegistry<PackageProgress, PackageOutcome>({
    keepFinished: KEEP_PACKAGES,
    ...(onUnexpected ? { onUnexpected } : {}),
  });
}

/**
 * Queues the evidence package of one import shipment: the same use case as `threadproof package`
 * (load the graph and screening once, assess, render PDF and JSON), a few seconds on a medium
 * store, so a job; then one audit record with the package's hash.
 */
export function submitPackage(
  jobs: PackageJobs,
  store: Store,
  principal: Principal,
  shipment: string,
  fonts: () => Promise<PackageFonts>,
): PackageJob {
  return jobs.submit(principal.userId, { shipment, stage: "queued" }, async (report) => {
    report({ shipment, stage: "loading" });
    const context = await loadPackageContext(store);
    const assessment = findAssessment(context, shipment);
    report({ shipment, stage: "rendering" });
    const built = await packageAssessment(context, assessment, await fonts());
    const jsonSha256 = createHash("sha256").update(built.json).digest("hex");
    // Atomic as it stands: the audit record is the build's only write to the store (the PDF and JSON
    // live in this job's memory and are rebuilt on demand), so there is no second write to pair it with.
    await appendAudit(store, principal, "package.build", `package:${assessment.shipment.id}`, {
      after: { jsonSha256 },
      detail: { shipment: assessment.shipment.id, verdict: built.verdict, jsonSha256 },
    });
    report({ shipment, stage: "done" });
    return {
      shipment: assessment.shipment.id,
      verdict: built.verdict,
      title: built.pkg.summary.verdict.title,
      pdf: built.pdf,
      json: built.json,
      jsonSha256,
      issues: built.issues,
    };
  });
}
