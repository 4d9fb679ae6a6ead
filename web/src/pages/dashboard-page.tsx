import type { ShipmentAssessment, ShipmentList, Stats, Verdict } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { VerdictBadge } from "../components/verdict-badge.tsx";
import { formatShare } from "../format.ts";
import { Link } from "../router.tsx";
import { useResource } from "../use-resource.ts";

const RISK_ORDER: Record<Verdict, number> = {
  inadmissible: 0,
  "insufficient-evidence": 1,
  admissible: 2,
};

/** Riskiest first: verdict, then Xinjiang share, then untraced share. */
export function rankShipments(rows: readonly ShipmentAssessment[]): ShipmentAssessment[] {
  return [...rows].sort(
    (a, b) =>
      RISK_ORDER[a.verdict] - RISK_ORDER[b.verdict] ||
      b.trace.xinjiangShare - a.trace.xinjiangShare ||
      b.trace.unknownShare - a.trace.unknownShare ||
      a.shipment.id.localeCompare(b.shipment.id),
  );
}

function Count({ label, value, to }: { label: string; value: number | undefined; to: string }) {
  return (
    <Link to={to} className="count-card">
      <span className="count-value">{value ?? "…"}</span>
      <span className="count-label">{label}</span>
    </Link>
  );
}

function flagCodes(row: ShipmentAssessment): string[] {
  return [...new Set(row.trace.flags.map((f) => f.code))].filter((c) => c !== "prior-applied");
}

export function ShipmentTable({ rows }: { rows: readonly ShipmentAssessment[] }) {
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">Shipments, riskiest first</caption>
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
            <th scope="col" className="num">
              Worst case
            </th>
            <th scope="col" className="num">
              Listed entities
            </th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.shipment.id}>
              <th scope="row" className="nowrap">
                <Link to={`/lots/${encodeURIComponent(r.shipment.id)}`}>{r.shipment.id}</Link>
                <div className="muted small">received {r.shipment.receivedAt.slice(0, 10)}</div>
              </th>
              <td>
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td className={`num ${r.trace.xinjiangShare > 0 ? "risk" : ""}`}>
                {formatShare(r.trace.xinjiangShare)}
              </td>
              <td className={`num ${r.trace.unknownShare > 0 ? "warn" : ""}`}>
                {formatShare(r.trace.unknownShare)}
              </td>
              <td className="num">{formatShare(r.trace.worstCaseXinjiangShare)}</td>
              <td className={`num ${r.trace.listedEntities.length > 0 ? "risk" : ""}`}>
                {r.trace.listedEntities.length}
              </td>
              <td>
                {flagCodes(r).length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <ul className="flag-list">
                    {flagCodes(r).map((code) => (
                      <li key={code} className="flag">
                        {code}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DashboardPage() {
  const shipments = useResource<ShipmentList>("/api/shipments?atRisk=true");
  const stats = useResource<Stats>("/api/stats");
  const rows = rankShipments(shipments.data?.items ?? []);
  const counts = shipments.data?.counts;
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">Dashboard</h1>
      <div className="counts">
        <Count
          label="shipments at risk of detention"
          value={counts ? counts.inadmissible + counts["insufficient-evidence"] : undefined}
          to="/packages"
        />
        <Count label="open screening hits" value={stats.data?.hits.open} to="/review" />
        <Count label="suppliers with gaps" value={stats.data?.locationsWithGaps.length} to="/gaps" />
      </div>
      <ErrorPanel error={shipments.error ?? stats.error} title="Could not load the dashboard" />
      <h2>Shipments at risk</h2>
      <p className="muted">
        {counts
          ? `${counts.inadmissible} inadmissible, ${counts["insufficient-evidence"]} with insufficient evidence, ${counts.admissible} admissible. `
          : ""}
        No de minimis: any Xinjiang share or listed entity makes the goods inadmissible.
      </p>
      {shipments.loading && !shipments.data && <p className="loading">Tracing shipments…</p>}
      <ShipmentTable rows={rows} />
    </section>
  );
}
