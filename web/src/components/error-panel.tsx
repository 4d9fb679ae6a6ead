import { ApiError, nextStep } from "../api-client.ts";

/** The server's message, the issues it listed, and what to do next. */
export function ErrorPanel({ error, title = "That did not work" }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error-panel" role="alert">
      <strong>{title}</strong>
      <p className="error-message">{message}</p>
      {issues.length > 0 && (
        <ul className="issue-list" aria-label="Problems found">
          {issues.slice(0, 200).map((issue, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no id and never reorder
            <li key={i}>
              {issue.provenance && <span className="issue-where">{issue.provenance.locator}</span>}
              {issue.line !== undefined && <span className="issue-where">line {issue.line}</span>}
              {issue.field && <span className="issue-where">{issue.field}</span>}
              {issue.path && !issue.field && (
                <span className="issue-where">
                  {Array.isArray(issue.path) ? issue.path.join(".") : String(issue.path)}
                </span>
              )}
              {issue.message}
            </li>
          ))}
          {issues.length > 200 && <li>… and {issues.length - 200} more</li>}
        </ul>
      )}
      <p className="next-step">
        <strong>What to do:</strong> {nextStep(error)}
      </p>
    </div>
  );
}
