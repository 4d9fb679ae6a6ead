import { type FormEvent, useState } from "react";
import { ErrorPanel } from "../components/error-panel.tsx";
import { navigate } from "../router.tsx";
import { useSession } from "../session.tsx";

export function LoginPage() {
  const { signIn } = useSession();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    signIn(String(form.get("username") ?? ""), String(form.get("password") ?? "")).then(
      () => {
        const next = new URLSearchParams(window.location.search).get("next");
        navigate(next?.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true });
      },
      (err: unknown) => {
        setError(err);
        setBusy(false);
      },
    );
  };
  return (
    <main className="login" id="main">
      <form onSubmit={submit} className="login-card" aria-labelledby="login-title">
        <h1 id="login-title">threadproof</h1>
        <p className="muted">Sign in to review supply chains, screening hits and evidence packages.</p>
        <label htmlFor="username">User name</label>
        <input id="username" name="username" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <ErrorPanel error={error} title="Could not sign in" />
        <p className="muted small">
          No account yet? An administrator creates one with <code>threadproof users add</code>.
        </p>
      </form>
    </main>
  );
}
