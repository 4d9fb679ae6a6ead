import { itemsOf, totalOf } from "../api-client.ts";
import type { LocationRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { FilterBar, filtersFromQuery, queryOf } from "../components/filter-bar.tsx";
import { HanName } from "../components/han-name.tsx";
import { navigate, useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

export function addressText(l: LocationRow): string {
  if (typeof l.address === "string") return l.address;
  return l.address?.text ?? "";
}

export function LocationsPage() {
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const list = useResource<unknown>(`/api/locations?${queryOf(filters)}&limit=200`);
  const rows = itemsOf<LocationRow>(list.data);
  return (
    <section aria-labelledby="loc-title">
      <h1 id="loc-title">Facilities</h1>
      <p className="muted">Farms, gins, mills and factories, with the region their address resolves to.</p>
      <FilterBar initial={filters} onApply={(f) => navigate(`/locations?${queryOf(f)}`)} />
      <ErrorPanel error={list.error} title="Could not load facilities" />
      <p className="muted small" aria-live="polite">
        {list.loading ? "Searching…" : `${totalOf(list.data) ?? rows.length} facilities`}
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Facility</th>
              <th scope="col">Address</th>
              <th scope="col">Country</th>
              <th scope="col">Region</th>
              <th scope="col">Screening</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  <HanName text={l.name} />
                  <div className="mono small muted">{l.id}</div>
                </th>
                <td className="small">{addressText(l) ? <HanName text={addressText(l)} /> : "–"}</td>
                <td>{l.country ?? "–"}</td>
                <td className={l.xinjiang || l.region === "CN-XJ" ? "risk" : ""}>{l.region ?? "–"}</td>
                <td>{l.hitState ? <span className={`badge hit-${l.hitState}`}>{l.hitState}</span> : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
