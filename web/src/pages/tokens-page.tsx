import { type FormEvent, useState } from "react";
import { sendJson } from "../api-client.ts";
import type { ApiToken, CreatedApiToken } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { formatDate } from "../format.ts";
import { useSession } from "../session.tsx";
import { useResource } from "../use-resource.ts";

export function TokensPage() {
  const { me } = useSession();
  const tokens = useResource<{ tokens: ApiToken[] }>("/api/tokens");
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<CreatedApiToken | undefined>();
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    setError(undefined);
    sendJson<CreatedApiToken>("/api/tokens", {
      username: me?.user.username ?? "",
      name: String(data.get("name")),
      scopes: data.getAll("scope").map(String),
    }).then((t) => {
      setCreated(t);
      form.reset();
      tokens.reload();
    }, setError);
  };
  const revoke = (t: ApiToken) =>
    sendJson(`/api/tokens/${encodeURIComponent(t.id)}/revoke`, {}).then(tokens.reload, setError);
  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">API tokens</h1>
      <p className="muted">
        For scripts and integrations. A token is shown once; it is stored hashed and can be revoked at any
        time.
      </p>
      <form className="panel filter-bar" onSubmit={add} aria-label="Create a token">
        <div className="field grow">
          <label htmlFor="t-name">Token name</label>
          <input id="t-name" name="name" required placeholder="e.g. ERP nightly import" />
        </div>
        <fieldset className="field">
          <legend>Scopes</legend>
          <label className="check">
            <input type="checkbox" name="scope" value="read" defaultChecked /> read
          </label>
          <label className="check">
            <input type="checkbox" name="scope" value="write" /> write
          </label>
        </fieldset>
        <button type="submit">Create token</button>
      </form>
      {created?.token && (
        <div className="success" role="status">
          <strong>Copy this token now; it will not be shown again:</strong>
          <pre className="token">{created.token}</pre>
        </div>
      )}
      <ErrorPanel error={tokens.error ?? error} />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">User</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {(tokens.data?.tokens ?? []).map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>{t.username}</td>
                <td>{t.scopes.join(", ")}</td>
                <td>{formatDate(t.createdAt)}</td>
                <td>{formatDate(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${formatDate(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => revoke(t)}
                      aria-label={`Revoke ${t.name}`}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
