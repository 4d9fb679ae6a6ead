import type { DecisionHistory } from "../api-types.ts";
import { formatDate } from "../format.ts";
import { useResource } from "../use-resource.ts";
import { ErrorPanel } from "./error-panel.tsx";
import { HanName } from "./han-name.tsx";

type DecisionItem = DecisionHistory["items"][number];

function standing(d: DecisionItem): string {
  if (!d.current) return `superseded ${formatDate(d.supersededAt)}`;
  return d.reopened ? "current, re-opened: the list entry changed since" : "current";
}

/** A hit's decisions, oldest first: who decided what on which names, when and why, and which one holds. */
export function DecisionHistoryList({ items }: { items: readonly DecisionItem[] }) {
  if (items.length === 0) return <p className="muted small">No decision on this hit yet.</p>;
  return (
    <ol className="decision-history" aria-label="Decisions on this hit">
      {items.map((d) => (
        <li key={`${d.decidedAt}|${d.user}|${d.status}`} className={d.current ? "current" : "superseded"}>
          <p>
            <strong>{d.status === "confirmed" ? "Confirmed" : "Dismissed"}</strong> by {d.user} ·{" "}
            {formatDate(d.decidedAt)} · {standing(d)}
            {d.decidedOn === "pair" && " · decided as a pair"}
          </p>
          <p className="small">
            <HanName text={d.subjectName ?? d.subject.id} pinyin={false} />
            <span className="muted"> ({d.subject.kind}) vs </span>
            <HanName text={d.entryName ?? d.entryId} pinyin={false} />
          </p>
          <p className="decision-reason">{d.reason}</p>
        </li>
      ))}
    </ol>
  );
}

/** `GET /api/hits/{hit}/decisions` for the hit shown: a re-opened hit carries its earlier verdicts. */
export function DecisionHistoryPanel({ hit }: { hit: string }) {
  const history = useResource<DecisionHistory>(`/api/hits/${encodeURIComponent(hit)}/decisions`);
  return (
    <section className="panel decision-history-panel" aria-labelledby="decision-history">
      <h2 id="decision-history">Decision history</h2>
      <ErrorPanel error={history.error} title="Could not load the decisions" />
      {history.data ? (
        <DecisionHistoryList items={history.data.items} />
      ) : (
        !history.error && <p className="loading">Loading…</p>
      )}
    </section>
  );
}
