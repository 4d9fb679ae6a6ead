import type { PartyRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { FilterBar, filtersFromQuery, queryOf } from "../components/filter-bar.tsx";
import { HanName } from "../components/han-name.tsx";
import { HitCountBadges } from "../components/hit-count-badges.tsx";
import { CursorPager, pageSizeOf, useCursorPages } from "../paging.tsx";
import { navigate, useLocation } from "../router.tsx";

export function PartiesPage() {
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const list = useCursorPages<{ items: PartyRow[]; nextCursor: string | null }>(
    `/api/parties?${queryOf(filters)}&limit=${pageSizeOf(query, 200)}`,
  );
  const rows = list.data?.items ?? [];
  return (
    <section aria-labelledby="parties-title">
      <h1 id="parties-title">Parties</h1>
      <p className="muted">
        Companies in the supply chains: suppliers, operators and owners, with their screening hits.
      </p>
      <FilterBar initial={filters} showRegion={false} onApply={(f) => navigate(`/parties?${queryOf(f)}`)} />
      <ErrorPanel error={list.error} title="Could not load parties" />
      <p className="muted small" aria-live="polite">
        {list.loading ? "Searching…" : `${rows.length}${list.data?.nextCursor ? "+" : ""} parties`}
      </p>
      <CursorPager label="Parties" pages={list} />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Country</th>
              <th scope="col">Address</th>
              <th scope="col">Screening</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ party, hits }) => (
              <tr key={party.id}>
                <th scope="row">
                  <HanName text={party.name} />
                  {party.aliases
                    .filter((n) => n !== party.name)
                    .slice(0, 2)
                    .map((n) => (
                      <div key={n} className="small">
                        <HanName text={n} />
                      </div>
                    ))}
                </th>
                <td>{party.country ?? "–"}</td>
                <td className="small">
                  {party.address ? <HanName text={party.address} pinyin={false} /> : "–"}
                </td>
                <td>
                  <HitCountBadges hits={hits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
