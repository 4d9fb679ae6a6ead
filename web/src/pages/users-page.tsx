import { type FormEvent, useState } from "react";
import { sendJson } from "../api-client.ts";
import type { Account } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { useResource } from "../use-resource.ts";

export function UsersPage() {
  const users = useResource<{ users: Account[] }>("/api/users");
  const [error, setError] = useState<unknown>();
  const [role, setRole] = useState("analyst");
  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const body: Record<string, string> = {
      username: String(data.get("username")),
      password: String(data.get("password")),
      role,
    };
    if (role === "supplier") body.partyId = String(data.get("partyId"));
    setError(undefined);
    sendJson("/api/users", body).then(() => {
      form.reset();
      users.reload();
    }, setError);
  };
  const disable = (u: Account) => {
    setError(undefined);
    sendJson(`/api/users/${encodeURIComponent(u.username)}/disable`, {}).then(users.reload, setError);
  };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <form className="panel filter-bar" onSubmit={add} aria-label="Add a user">
        <div className="field">
          <label htmlFor="u-name">User name</label>
          <input id="u-name" name="username" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="u-pass">Initial password</label>
          <input
            id="u-pass"
            name="password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
          />
        </div>
        <div className="field">
          <label htmlFor="u-role">Role</label>
          <select id="u-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="admin">admin</option>
            <option value="analyst">analyst</option>
            <option value="viewer">viewer</option>
            <option value="supplier">supplier</option>
          </select>
        </div>
        {role === "supplier" && (
          <div className="field">
            <label htmlFor="u-party">Supplier's party id</label>
            <input id="u-party" name="partyId" required />
          </div>
        )}
        <button type="submit">Add user</button>
      </form>
      <ErrorPanel error={users.error ?? error} />
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Party</th>
              <th scope="col">Status</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {(users.data?.users ?? []).map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.username}</th>
                <td>{u.role}</td>
                <td className="mono small">{u.partyId ?? "–"}</td>
                <td>{u.disabledAt ? `disabled ${u.disabledAt.slice(0, 10)}` : "active"}</td>
                <td>
                  {!u.disabledAt && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => disable(u)}
                      aria-label={`Disable ${u.username}`}
                    >
                      Disable
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
