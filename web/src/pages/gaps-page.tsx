import type { Stats } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { HanName } from "../components/han-name.tsx";
import { Link } from "../router.tsx";
import { useResource } from "../use-resource.ts";

const FLAG_HELP: Readonly<Record<string, string>> = {
  "untraced-input": "inputs no record explains: ask for the supplier's purchase records",
  "mass-balance-exceeded": "more output claimed than inputs allow: ask for production records",
  "missing-tier": "a spinning or weaving tier is missing: ask who made the yarn or fabric",
  "location-without-region": "address does not resolve to a region: ask for the full address",
  "shipment-without-document": "shipments cite no PO, invoice or bill of lading",
  "origin-claim-contradicted": "claimed origin contradicts the traced one: ask for origin evidence",
};

/** Suppliers whose facilities leave shipments unproven, with what to ask them for. */
export function GapsPage() {
  const stats = useResource<Stats>("/api/stats");
  const rows = stats.data?.locationsWithGaps ?? [];
  return (
    <section aria-labelledby="gaps-title">
      <h1 id="gaps-title">Suppliers with gaps</h1>
      <p className="muted">Facilities named by the flags of at least one shipment, most shipments first.</p>
      <ErrorPanel error={stats.error} title="Could not load the gaps" />
      {stats.loading && !stats.data && <p className="loading">Tracing shipments…</p>}
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Facility</th>
              <th scope="col">Operator</th>
              <th scope="col">Gaps (shipments concerned) and what to ask for</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.location}>
                <th scope="row">
                  <Link to={`/locations?q=${encodeURIComponent(g.name ?? g.location)}`}>
                    <HanName text={g.name ?? g.location} />
                  </Link>
                </th>
                <td>{g.operator ? <HanName text={g.operator} /> : "–"}</td>
                <td>
                  <ul className="plain-list small">
                    {Object.entries(g.flags).map(([code, n]) => (
                      <li key={code}>
                        <span className="flag">{code}</span> ({n}) {FLAG_HELP[code] ?? ""}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
