import { useState } from "react";
import { ApiError, getJson, sendJson } from "../api-client.ts";
import type { PackageJob, ShipmentAssessment, ShipmentList } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { ProgressBar } from "../components/progress-bar.tsx";
import { VerdictBadge } from "../components/verdict-badge.tsx";
import { formatShare } from "../format.ts";
import { canWrite } from "../roles.ts";
import { Link } from "../router.tsx";
import { useSession } from "../session.tsx";
import { useResource } from "../use-resource.ts";
import { rankShipments } from "./dashboard-page.tsx";

const STAGE: Readonly<Record<PackageJob["progress"]["stage"], [string, number]>> = {
  queued: ["Waiting for another package to finish", 0.05],
  loading: ["Tracing the chain and loading its records", 0.35],
  rendering: ["Rendering the PDF", 0.75],
  done: ["Done", 1],
};

async function waitForPackage(job: PackageJob, onUpdate: (j: PackageJob) => void): Promise<PackageJob> {
  let current = job;
  while (current.status === "queued" || current.status === "running") {
    await new Promise((r) => setTimeout(r, 500));
    current = await getJson<PackageJob>(`/api/packages/${encodeURIComponent(current.id)}`);
    onUpdate(current);
  }
  return current;
}

function jobError(job: PackageJob): ApiError {
  const e = job.error;
  return new ApiError(
    500,
    e?.code ?? "internal",
    e?.message ?? "the package could not be built",
    (e?.issues ?? []).map((i) => ({ message: i.message, field: i.path, provenance: i.provenance })),
  );
}

function PackageRow({ row, writable }: { row: ShipmentAssessment; writable: boolean }) {
  const [job, setJob] = useState<PackageJob | undefined>();
  const [error, setError] = useState<unknown>();
  const id = row.shipment.id;
  const build = () => {
    setError(undefined);
    sendJson<PackageJob>("/api/packages", { shipment: id })
      .then((started) => {
        setJob(started);
        return waitForPackage(started, setJob);
      })
      .then((done) => {
        if (done.status === "failed") setError(jobError(done));
      })
      .catch(setError);
  };
  const running = job && (job.status === "queued" || job.status === "running");
  const [stageLabel, fraction] = job ? STAGE[job.progress.stage] : ["", 0];
  return (
    <tr data-shipment={id}>
      <th scope="row">
        <Link to={`/lots/${encodeURIComponent(id)}`}>{id}</Link>
      </th>
      <td>
        <VerdictBadge verdict={row.verdict} />
      </td>
      <td className="num">{formatShare(row.trace.xinjiangShare)}</td>
      <td className="num">{formatShare(row.trace.unknownShare)}</td>
      <td className="package-cell">
        {(!job || job.status === "failed") && writable && (
          // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
          <button
            type="button"
            onClick={build}
            aria-label={`${job ? "Try again" : "Build package"}: the evidence package of ${id}`}
          >
            {job ? "Try again" : "Build package"}
          </button>
        )}
        {running && <ProgressBar label={stageLabel} fraction={fraction} />}
        {job?.status === "succeeded" && job.result && (
          <span className="downloads">
            <a href={job.result.pdf} download={`${id}.pdf`}>
              Download PDF
            </a>
            <a href={job.result.json} download={`${id}.json`}>
              Download JSON
            </a>
          </span>
        )}
        <ErrorPanel error={error} title={`The package of ${id} was not built`} />
      </td>
    </tr>
  );
}

export function PackagesPage() {
  const { me } = useSession();
  const shipments = useResource<ShipmentList>("/api/shipments");
  const [all, setAll] = useState(false);
  const rows = rankShipments(shipments.data?.items ?? []).filter((r) => all || r.verdict !== "admissible");
  return (
    <section aria-labelledby="pk-title">
      <h1 id="pk-title">Evidence packages</h1>
      <p className="muted">
        The package CBP asks for after a detention: summary and verdict, supply-chain chart, parties,
        screening, per-tier records, quantity reconciliation, checklist and document index, as PDF and as
        JSON.
      </p>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show admissible
        shipments too
      </label>
      <ErrorPanel error={shipments.error} title="Could not load shipments" />
      {shipments.loading && !shipments.data && <p className="loading">Tracing shipments…</p>}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Shipment</th>
              <th scope="col">Verdict</th>
              <th scope="col" className="num">
                Xinjiang
              </th>
              <th scope="col" className="num">
                Untraced
              </th>
              <th scope="col">Package</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <PackageRow key={r.shipment.id} row={r} writable={!!me && canWrite(me.user.role)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
