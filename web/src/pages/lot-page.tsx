import { useMemo, useState } from "react";
import type { LocationRow, LotDetail, LotTrace, TraceResult } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { formatDate, formatKg, formatShare } from "../format.ts";
import {
  type NodeRisk,
  shortId,
  tierTitle,
  toCytoscapeElements,
  traceGraph,
} from "../graph/trace-elements.ts";
import { TraceGraphView } from "../graph/trace-graph-view.tsx";
import { useRowsById } from "../paging.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

const MARK: Record<NodeRisk, string> = {
  xinjiang: "Xinjiang origin",
  listed: "listed entity",
  unknown: "untraced",
  none: "",
};

function placeName(r: LocationRow): string {
  const where = [r.risk.region, r.risk.country].filter(Boolean).join(", ");
  return `${r.location.name ?? shortId(r.location.id)}${where ? ` (${where})` : ""}`;
}

function LotDetailPanel({ lot }: { lot: string }) {
  const q = encodeURIComponent(lot);
  const detail = useResource<LotDetail>(`/api/lots/${q}`);
  const events = detail.data?.events ?? [];
  const documents = detail.data?.documents ?? [];
  const refs = detail.data?.documentRefs ?? [];
  return (
    <aside className="panel lot-detail" aria-labelledby="detail-title">
      <h2 id="detail-title">
        <Link to={`/lots/${q}`}>{shortId(lot)}</Link>
      </h2>
      <p className="mono small muted">{lot}</p>
      {detail.data?.lot.product && <p className="small">{detail.data.lot.product}</p>}
      <ErrorPanel error={detail.error} title="Could not load the lot" />
      <h3>Events ({events.length})</h3>
      <ul className="plain-list small">
        {events.slice(0, 30).map((e) => (
          <li key={e.id}>
            <strong>{e.kind}</strong> {formatDate(e.eventTime)}
            {e.bizLocation && <div className="muted">at {shortId(e.bizLocation)}</div>}
            <div className="muted">
              source: {e.provenance.source} {e.provenance.locator}
            </div>
          </li>
        ))}
      </ul>
      <h3>Documents ({documents.length})</h3>
      <ul className="plain-list small">
        {documents.map((d) => (
          <li key={d.sha256}>
            <a href={`/api/documents/${d.sha256}/content`}>{d.fileName}</a>{" "}
            <span className="muted">{d.category}</span>
          </li>
        ))}
        {detail.data && documents.length === 0 && (
          <li className="warn">No document registered for this lot.</li>
        )}
      </ul>
      {refs.length > 0 && (
        <>
          <h3>Cited by its events</h3>
          <ul className="plain-list small">
            {refs.map((r) => (
              <li key={r.id}>
                {r.type.toUpperCase()} {shortId(r.ref)}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}

function Summary({ trace }: { trace: LotTrace }) {
  return (
    <dl className="summary">
      <div>
        <dt>Xinjiang share</dt>
        <dd className={trace.xinjiangShare > 0 ? "risk" : ""}>{formatShare(trace.xinjiangShare)}</dd>
      </div>
      <div>
        <dt>Untraced</dt>
        <dd className={trace.unknownShare > 0 ? "warn" : ""}>{formatShare(trace.unknownShare)}</dd>
      </div>
      <div>
        <dt>Worst case</dt>
        <dd>{formatShare(trace.worstCaseXinjiangShare)}</dd>
      </div>
      <div>
        <dt>Listed entities</dt>
        <dd className={trace.listedEntityInChain ? "risk" : ""}>{trace.listedEntities.length}</dd>
      </div>
      <div>
        <dt>Flags</dt>
        <dd>{trace.flags.length === 0 ? "none" : [...new Set(trace.flags.map((f) => f.code))].join(", ")}</dd>
      </div>
    </dl>
  );
}

export function LotPage({ id }: { id: string }) {
  const { query } = useLocation();
  const down = query.get("direction") === "down";
  const trace = useResource<TraceResult>(
    `/api/lots/${encodeURIComponent(id)}/trace${down ? "?direction=down" : ""}`,
  );
  const [selected, setSelected] = useState<string | undefined>();
  // Facility names for the graph's labels: the trace names locations by id, so the graph's own
  // locations are fetched by id (however many facilities the store holds).
  const locationIds = useMemo(
    () =>
      trace.data
        ? traceGraph(trace.data, new Map()).nodes.flatMap((n) => (n.location ? [n.location] : []))
        : [],
    [trace.data],
  );
  const locations = useRowsById<LocationRow>("/api/locations", locationIds);
  const names = useMemo(
    () => new Map([...locations.values()].map((r) => [r.location.id, placeName(r)])),
    [locations],
  );
  const graph = useMemo(() => (trace.data ? traceGraph(trace.data, names) : undefined), [trace.data, names]);
  const elements = useMemo(() => (graph ? toCytoscapeElements(graph, down) : []), [graph, down]);
  const base = `/lots/${encodeURIComponent(id)}`;
  return (
    <section aria-labelledby="lot-title">
      <h1 id="lot-title">
        Lot <span className="mono">{id}</span>
      </h1>
      <fieldset className="toolbar">
        <legend className="visually-hidden">Direction</legend>
        <button
          type="button"
          className={down ? "secondary" : ""}
          aria-pressed={!down}
          onClick={() => navigate(base)}
        >
          Backward: where it came from
        </button>
        <button
          type="button"
          className={down ? "" : "secondary"}
          aria-pressed={down}
          onClick={() => navigate(`${base}?direction=down`)}
        >
          Forward: where it went
        </button>
      </fieldset>
      <ErrorPanel error={trace.error} title="Could not trace this lot" />
      {trace.loading && !trace.data && <p className="loading">Tracing…</p>}
      {trace.data && graph && (
        <>
          {trace.data.direction === "up" && <Summary trace={trace.data} />}
          <div className="legend">
            <span className="key">
              <span className="shape shape-xinjiang" /> Xinjiang origin
            </span>
            <span className="key">
              <span className="shape shape-listed" /> listed entity
            </span>
            <span className="key">
              <span className="shape shape-unknown" /> untraced
            </span>
            <span className="key">
              <span className="shape shape-root" /> this lot
            </span>
            <span className="key">
              <span className="shape shape-edge" /> carries Xinjiang cotton
            </span>
            <span className="muted small">
              Node size: mass; edge labels: share of this lot. Click a node for its events and documents.
            </span>
          </div>
          <div className="graph-layout">
            <TraceGraphView elements={elements} onSelect={setSelected} />
            <LotDetailPanel lot={selected ?? trace.data.lot} />
          </div>
          <h2>{down ? "Where it went" : "Origins"}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Lot</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Tier</th>
                  <th scope="col" className="num">
                    Share
                  </th>
                  <th scope="col" className="num">
                    Mass
                  </th>
                  <th scope="col">Mark</th>
                </tr>
              </thead>
              <tbody>
                {[...graph.nodes]
                  .sort((a, b) => a.tier - b.tier || b.share - a.share)
                  .map((n) => (
                    <tr key={n.id}>
                      <th scope="row">
                        <button type="button" className="link" onClick={() => setSelected(n.id)}>
                          {shortId(n.id)}
                        </button>
                      </th>
                      <td className="small">
                        {n.location ? (names.get(n.location) ?? shortId(n.location)) : "–"}
                      </td>
                      <td>{tierTitle(n.tier, graph.tiers, down)}</td>
                      <td className="num">{formatShare(n.share)}</td>
                      <td className="num">{n.massKg === undefined ? "–" : formatKg(n.massKg)}</td>
                      <td className={n.risk === "none" ? "" : "risk"}>{MARK[n.risk]}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
