import type { LocationRow } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { FilterBar, filtersFromQuery, queryOf } from "../components/filter-bar.tsx";
import { HanName } from "../components/han-name.tsx";
import { HitCountBadges } from "../components/hit-count-badges.tsx";
import { CursorPager, pageSizeOf, useCursorPages } from "../paging.tsx";
import { navigate, useLocation } from "../router.tsx";

export function addressText(l: LocationRow["location"]): string {
  return [...l.address.lines, l.address.city, l.address.state, l.address.country].filter(Boolean).join(", ");
}

const RISK_LABEL = { high: "high", medium: "medium", low: "low" } as const;

export function LocationsPage() {
  const { query } = useLocation();
  const filters = filtersFromQuery(query);
  const risk = query.get("risk") ?? "";
  const list = useCursorPages<{ items: LocationRow[]; nextCursor: string | null }>(
    `/api/locations?${queryOf(filters, { risk })}&limit=${pageSizeOf(query, 200)}`,
  );
  const rows = list.data?.items ?? [];
  return (
    <section aria-labelledby="loc-title">
      <h1 id="loc-title">Facilities</h1>
      <p className="muted">Farms, gins, mills and factories, with the region their address resolves to.</p>
      <FilterBar initial={filters} onApply={(f) => navigate(`/locations?${queryOf(f, { risk })}`)} />
      <ErrorPanel error={list.error} title="Could not load facilities" />
      <p className="muted small" aria-live="polite">
        {list.loading ? "Searching…" : `${rows.length}${list.data?.nextCursor ? "+" : ""} facilities`}
      </p>
      <CursorPager label="Facilities" pages={list} />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Facility</th>
              <th scope="col">Operator</th>
              <th scope="col">Address</th>
              <th scope="col">Region</th>
              <th scope="col">Risk</th>
              <th scope="col">Screening</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ location: l, operator, risk: r }) => (
              <tr key={l.id}>
                <th scope="row">
                  <HanName text={l.name ?? l.id} />
                  {l.processingType && <div className="small muted">{l.processingType}</div>}
                </th>
                <td>{operator ? <HanName text={operator.name} /> : "–"}</td>
                <td className="small">
                  <HanName text={addressText(l)} pinyin={false} />
                </td>
                <td className={r.xinjiang ? "risk" : ""}>
                  {[r.region, r.country].filter(Boolean).join(", ") || (
                    <span className="warn">unresolved</span>
                  )}
                </td>
                <td>
                  <span className={`badge risk-${r.level}`}>{RISK_LABEL[r.level]}</span>
                </td>
                <td>
                  <HitCountBadges hits={r.hits} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
