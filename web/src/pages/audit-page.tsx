import { useState } from "react";
import { getJson } from "../api-client.ts";
import type { AuditRecord, AuditVerification } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { formatDate } from "../format.ts";
import { Pager, pageSizeOf } from "../paging.tsx";
import { useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

/**
 * `/api/audit` gives the newest records, or the records after a seq oldest first; seqs run 1, 2, 3…
 * with no gaps (a hash chain), so the page of older records ending at seq `top` is the `size`
 * records after `top - size`.
 */
function pagePath(size: number, top: number | undefined): string {
  return top === undefined
    ? `/api/audit?limit=${size}`
    : `/api/audit?afterSeq=${Math.max(0, top - size)}&limit=${size}`;
}

export function AuditPage() {
  const { query } = useLocation();
  const size = pageSizeOf(query, 100);
  const [action, setAction] = useState("");
  // The highest seq of each older page visited; empty on the newest page.
  const [tops, setTops] = useState<readonly number[]>([]);
  const top = tops.at(-1);
  const log = useResource<{ records: AuditRecord[] }>(pagePath(size, top));
  const records = (log.data?.records ?? [])
    .filter((r) => top === undefined || r.seq <= top)
    .sort((a, b) => b.seq - a.seq);
  const lowest = records.at(-1)?.seq;
  const [verification, setVerification] = useState<AuditVerification | undefined>();
  const [error, setError] = useState<unknown>();
  const verify = () => {
    setError(undefined);
    getJson<AuditVerification>("/api/audit/verify").then(setVerification, setError);
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <p className="muted">
        Every write, newest first. Each record carries the hash of the one before it, so an edited or deleted
        record breaks the chain.
      </p>
      <div className="toolbar">
        <label htmlFor="a-action">Show actions containing</label>
        <input
          id="a-action"
          value={action}
          onChange={(e) => setAction(e.target.value)}
          placeholder="e.g. hit.decide"
        />
        <button type="button" className="secondary" onClick={verify}>
          Verify the chain
        </button>
      </div>
      {verification && (
        <p className={verification.ok ? "success" : "error-panel"} role="status">
          {verification.ok
            ? `The chain verifies: ${verification.records} records, none altered, deleted or reordered.`
            : `The chain is broken at record ${verification.seq ?? "?"} (${verification.problem ?? "altered"}): ${verification.message ?? ""}`}
        </p>
      )}
      <ErrorPanel error={log.error ?? error} title="Could not load the audit log" />
      <Pager
        label="Audit records"
        page={tops.length + 1}
        hasPrevious={tops.length > 0}
        hasNext={!log.loading && lowest !== undefined && lowest > 1}
        onPrevious={() => setTops((t) => t.slice(0, -1))}
        onNext={() => lowest !== undefined && setTops((t) => [...t, lowest - 1])}
      />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Target</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {records
              .filter((r) => !action || r.action.includes(action))
              .map((r) => (
                <tr key={r.seq}>
                  <td className="num">{r.seq}</td>
                  <td>{formatDate(r.at)}</td>
                  <td>
                    {r.actor.username} <span className="muted small">({r.actor.via})</span>
                  </td>
                  <td>{r.action}</td>
                  <td className="mono small">{r.subject}</td>
                  <td className="mono small" title={r.hash}>
                    {r.hash.slice(0, 12)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
