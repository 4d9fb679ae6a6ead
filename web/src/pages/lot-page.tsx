import { useMemo, useState } from "react";
import { itemsOf } from "../api-client.ts";
import type { DocumentRow, EventRow, TraceResult } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { formatDate, formatKg, formatShare } from "../format.ts";
import { toCytoscapeElements, traceGraph } from "../graph/trace-elements.ts";
import { TraceGraphView } from "../graph/trace-graph-view.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

function LotDetail({ lot }: { lot: string }) {
  const q = encodeURIComponent(lot);
  const events = useResource<unknown>(`/api/events?lot=${q}&limit=50`);
  const documents = useResource<unknown>(`/api/documents?ref=${q}&limit=50`);
  return (
    <aside className="panel lot-detail" aria-labelledby="detail-title">
      <h2 id="detail-title">
        <Link to={`/lots/${q}`}>{lot}</Link>
      </h2>
      <h3>Events</h3>
      <ErrorPanel error={events.error} title="Could not load events" />
      <ul className="plain-list small">
        {itemsOf<EventRow>(events.data).map((e) => (
          <li key={e.id}>
            <strong>{e.kind ?? e.type}</strong> {formatDate(e.time ?? e.eventTime)}{" "}
            {e.location && <span className="muted">at {e.location}</span>}
            <div className="mono muted">{e.id}</div>
            {e.source && <div className="muted">source: {e.source}</div>}
          </li>
        ))}
        {events.data !== undefined && itemsOf(events.data).length === 0 && <li className="muted">none</li>}
      </ul>
      <h3>Documents</h3>
      <ErrorPanel error={documents.error} title="Could not load documents" />
      <ul className="plain-list small">
        {itemsOf<DocumentRow>(documents.data).map((d) => (
          <li key={d.sha256}>
            <a href={`/api/documents/${d.sha256}/content`}>{d.fileName ?? d.file ?? d.sha256.slice(0, 12)}</a>{" "}
            <span className="muted">
              {d.type} {d.date ?? ""}
            </span>
          </li>
        ))}
        {documents.data !== undefined && itemsOf(documents.data).length === 0 && (
          <li className="warn">No documents registered for this lot.</li>
        )}
      </ul>
    </aside>
  );
}

function Summary({ trace }: { trace: TraceResult }) {
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
  const graph = useMemo(() => (trace.data ? traceGraph(trace.data) : undefined), [trace.data]);
  const elements = useMemo(() => (graph ? toCytoscapeElements(graph) : []), [graph]);
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
          {!down && <Summary trace={trace.data} />}
          <div className="legend">
            <span className="key key-xinjiang">◆ Xinjiang origin</span>
            <span className="key key-listed">⯃ listed entity</span>
            <span className="key key-unknown">▲ untraced</span>
            <span className="key key-root">■ this lot</span>
            <span className="muted small">
              Node size: mass; edge labels: share of this lot. Click a node for its events and documents.
            </span>
          </div>
          <div className="graph-layout">
            <TraceGraphView elements={elements} onSelect={setSelected} />
            {selected ? <LotDetail lot={selected} /> : <LotDetail lot={id} />}
          </div>
          <h2>{down ? "Where it went" : "Origins"}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Lot</th>
                  <th scope="col">Facility</th>
                  <th scope="col">Column</th>
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
                          {n.id}
                        </button>
                      </th>
                      <td>{n.location ?? "–"}</td>
                      <td>{n.tier}</td>
                      <td className="num">{formatShare(n.share)}</td>
                      <td className="num">{n.massKg === undefined ? "–" : formatKg(n.massKg)}</td>
                      <td className={n.risk === "none" ? "" : "risk"}>{n.risk === "none" ? "" : n.risk}</td>
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
