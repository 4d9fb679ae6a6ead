import { itemsOf, totalOf } from "../api-client.ts";
import type { PartyRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { FilterBar, filtersFromQuery, queryOf } from "../components/filter-bar.tsx";
import { HanName } from "../components/han-name.tsx";
import { navigate, useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

export function PartiesPage() {
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const gaps = query.get("gaps") ?? "";
  const qs = queryOf(filters, { gaps });
  const list = useResource<unknown>(`/api/parties?${qs}&limit=200`);
  const rows = itemsOf<PartyRow>(list.data);
  return (
    <section aria-labelledby="parties-title">
      <h1 id="parties-title">Parties</h1>
      <p className="muted">
        Companies in the supply chains: suppliers, operators and owners.
        {gaps && " Showing suppliers with gaps."}
      </p>
      <FilterBar initial={filters} onApply={(f) => navigate(`/parties?${queryOf(f, { gaps })}`)} />
      <ErrorPanel error={list.error} title="Could not load parties" />
      <p className="muted small" aria-live="polite">
        {list.loading ? "Searching…" : `${totalOf(list.data) ?? rows.length} parties`}
      </p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Country</th>
              <th scope="col">Region</th>
              <th scope="col">Screening</th>
              <th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <HanName text={p.name} />
                  {(p.names ?? [])
                    .filter((n) => n !== p.name)
                    .slice(0, 2)
                    .map((n) => (
                      <div key={n} className="small">
                        <HanName text={n} />
                      </div>
                    ))}
                </th>
                <td>{p.country ?? "–"}</td>
                <td>{p.region ?? "–"}</td>
                <td>{p.hitState ? <span className={`badge hit-${p.hitState}`}>{p.hitState}</span> : "–"}</td>
                <td className="mono small">{p.id}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
