import { itemsOf, totalOf } from "../api-client.ts";
import type { Hit, PartyRow, ShipmentRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { VerdictBadge } from "../components/verdict-badge.tsx";
import { formatShare } from "../format.ts";
import { Link } from "../router.tsx";
import { useResource } from "../use-resource.ts";

const RISK_ORDER: Record<ShipmentRow["verdict"], number> = {
  inadmissible: 0,
  "insufficient-evidence": 1,
  admissible: 2,
};

function listedCount(row: ShipmentRow): number {
  return typeof row.listedEntities === "number" ? row.listedEntities : (row.listedEntities?.length ?? 0);
}

/** Riskiest first: verdict, then Xinjiang share, then untraced share. */
export function rankShipments(rows: readonly ShipmentRow[]): ShipmentRow[] {
  return [...rows].sort(
    (a, b) =>
      RISK_ORDER[a.verdict] - RISK_ORDER[b.verdict] ||
      b.xinjiangShare - a.xinjiangShare ||
      b.unknownShare - a.unknownShare ||
      a.id.localeCompare(b.id),
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

export function DashboardPage() {
  const shipments = useResource<unknown>("/api/shipments?limit=500");
  const hits = useResource<unknown>("/api/hits?state=open&limit=1");
  const gaps = useResource<unknown>("/api/parties?gaps=true&limit=1");
  const rows = rankShipments(itemsOf<ShipmentRow>(shipments.data));
  const atRisk = rows.filter((r) => r.verdict !== "admissible");
  const hitCount = totalOf(hits.data) ?? itemsOf<Hit>(hits.data).length;
  const gapCount = totalOf(gaps.data) ?? itemsOf<PartyRow>(gaps.data).length;
  return (
    <section aria-labelledby="dash-title">
      <h1 id="dash-title">Dashboard</h1>
      <div className="counts">
        <Count
          label="shipments at risk of detention"
          value={shipments.data ? atRisk.length : undefined}
          to="/packages"
        />
        <Count label="open screening hits" value={hits.data ? hitCount : undefined} to="/review" />
        <Count label="suppliers with gaps" value={gaps.data ? gapCount : undefined} to="/parties?gaps=true" />
      </div>
      <ErrorPanel error={shipments.error ?? hits.error ?? gaps.error} title="Could not load the dashboard" />
      <h2>Shipments at risk</h2>
      <p className="muted">
        Every import shipment traced to its origins. No de minimis: any Xinjiang share or listed entity makes
        the goods inadmissible.
      </p>
      {shipments.loading && !shipments.data && <p className="loading">Tracing shipments…</p>}
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
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/lots/${encodeURIComponent(r.lot ?? r.id)}`}>{r.id}</Link>
                  {r.importer && <div className="muted small">{r.importer}</div>}
                </th>
                <td>
                  <VerdictBadge verdict={r.verdict} />
                </td>
                <td className={`num ${r.xinjiangShare > 0 ? "risk" : ""}`}>{formatShare(r.xinjiangShare)}</td>
                <td className={`num ${r.unknownShare > 0 ? "warn" : ""}`}>{formatShare(r.unknownShare)}</td>
                <td className="num">{formatShare(r.worstCaseXinjiangShare)}</td>
                <td className={`num ${listedCount(r) > 0 ? "risk" : ""}`}>{listedCount(r)}</td>
                <td>
                  {(r.flags ?? []).length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="flag-list">
                      {[...new Set((r.flags ?? []).map((f) => f.code))].map((code) => (
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
    </section>
  );
}
