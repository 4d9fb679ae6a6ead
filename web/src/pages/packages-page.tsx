import { useState } from "react";
import { getJson, itemsOf, sendJson } from "../api-client.ts";
import type { PackageJob, ShipmentRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { ProgressBar } from "../components/progress-bar.tsx";
import { VerdictBadge } from "../components/verdict-badge.tsx";
import { formatShare } from "../format.ts";
import { canWrite } from "../roles.ts";
import { useSession } from "../session.tsx";
import { useResource } from "../use-resource.ts";
import { rankShipments } from "./dashboard-page.tsx";

async function waitForPackage(job: PackageJob, onUpdate: (j: PackageJob) => void): Promise<PackageJob> {
  let current = job;
  while (current.state === "queued" || current.state === "running") {
    await new Promise((r) => setTimeout(r, 500));
    current = await getJson<PackageJob>(`/api/packages/${encodeURIComponent(current.id)}`);
    onUpdate(current);
  }
  return current;
}

function PackageRow({ row, writable }: { row: ShipmentRow; writable: boolean }) {
  const [job, setJob] = useState<PackageJob | undefined>();
  const [error, setError] = useState<unknown>();
  const build = () => {
    setError(undefined);
    sendJson<PackageJob>("/api/packages", { shipment: row.id })
      .then((started) => {
        setJob(started);
        return waitForPackage(started, setJob);
      })
      .then((done) => {
        if (done.state === "failed")
          setError(new Error(done.error?.message ?? "the package could not be built"));
      })
      .catch(setError);
  };
  const id = encodeURIComponent(job?.id ?? "");
  return (
    <tr>
      <th scope="row">{row.id}</th>
      <td>
        <VerdictBadge verdict={row.verdict} />
      </td>
      <td className="num">{formatShare(row.xinjiangShare)}</td>
      <td className="num">{formatShare(row.unknownShare)}</td>
      <td className="package-cell">
        {!job && writable && (
          <button type="button" onClick={build} aria-label={`Build the evidence package of ${row.id}`}>
            Build package
          </button>
        )}
        {job && (job.state === "queued" || job.state === "running") && (
          <ProgressBar label={job.state === "queued" ? "Waiting" : "Building"} fraction={job.progress} />
        )}
        {job?.state === "done" && (
          <span className="downloads">
            <a href={job.pdf ?? `/api/packages/${id}/package.pdf`} download>
              Download PDF
            </a>
            <a href={job.json ?? `/api/packages/${id}/package.json`} download>
              Download JSON
            </a>
          </span>
        )}
        <ErrorPanel error={error} title={`Package of ${row.id} failed`} />
      </td>
    </tr>
  );
}

export function PackagesPage() {
  const { me } = useSession();
  const shipments = useResource<unknown>("/api/shipments?limit=500");
  const [all, setAll] = useState(false);
  const rows = rankShipments(itemsOf<ShipmentRow>(shipments.data)).filter(
    (r) => all || r.verdict !== "admissible",
  );
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
              <PackageRow key={r.id} row={r} writable={!!me && canWrite(me.user.role)} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
