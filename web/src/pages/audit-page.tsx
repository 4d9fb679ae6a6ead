import { useState } from "react";
import { getJson } from "../api-client.ts";
import type { AuditRecord, AuditVerification } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { formatDate } from "../format.ts";
import { useResource } from "../use-resource.ts";

export function AuditPage() {
  const [action, setAction] = useState("");
  const log = useResource<{ records: AuditRecord[] }>("/api/audit?limit=500");
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
            {(log.data?.records ?? [])
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
