import { lazy, type ReactNode, Suspense, useEffect, useRef } from "react";
import { AuditPage } from "./pages/audit-page.tsx";
import { DashboardPage } from "./pages/dashboard-page.tsx";
import { GapsPage } from "./pages/gaps-page.tsx";
import { ImportsPage } from "./pages/imports-page.tsx";
import { LocationsPage } from "./pages/locations-page.tsx";
import { LoginPage } from "./pages/login-page.tsx";
import { LotPage } from "./pages/lot-page.tsx";
import { LotsPage } from "./pages/lots-page.tsx";
import { PackagesPage } from "./pages/packages-page.tsx";
import { PartiesPage } from "./pages/parties-page.tsx";
import { PortalPage } from "./pages/portal-page.tsx";
import { ReviewPage } from "./pages/review-page.tsx";
import { ReviewPairPage } from "./pages/review-pair-page.tsx";
import { TokensPage } from "./pages/tokens-page.tsx";
import { UsersPage } from "./pages/users-page.tsx";
import type { Role } from "./roles.ts";
import { Link, matchPath, navigate, useLocation } from "./router.tsx";
import { useSession } from "./session.tsx";

interface Route {
  readonly path: string;
  readonly title: string;
  readonly roles: readonly Role[];
  readonly nav?: boolean;
  readonly render: (params: Record<string, string>) => ReactNode;
}

// The map brings the world and province boundaries (~130 kB): loaded when first opened.
const MapPage = lazy(() => import("./pages/map-page.tsx").then((m) => ({ default: m.MapPage })));

const STAFF: readonly Role[] = ["admin", "analyst", "viewer"];

export const ROUTES: readonly Route[] = [
  { path: "/", title: "Dashboard", roles: STAFF, nav: true, render: () => <DashboardPage /> },
  { path: "/gaps", title: "Suppliers with gaps", roles: STAFF, render: () => <GapsPage /> },
  { path: "/review", title: "Review queue", roles: STAFF, nav: true, render: () => <ReviewPage /> },
  {
    path: "/review/pair",
    title: "Review a pair",
    roles: ["admin", "analyst"],
    render: () => <ReviewPairPage />,
  },
  { path: "/parties", title: "Parties", roles: STAFF, nav: true, render: () => <PartiesPage /> },
  { path: "/locations", title: "Facilities", roles: STAFF, nav: true, render: () => <LocationsPage /> },
  { path: "/lots", title: "Lots", roles: STAFF, nav: true, render: () => <LotsPage /> },
  { path: "/lots/:id", title: "Lot", roles: STAFF, render: (p) => <LotPage id={p.id ?? ""} /> },
  {
    path: "/map",
    title: "Map",
    roles: STAFF,
    nav: true,
    render: () => (
      <Suspense fallback={<p className="loading">Loading the map…</p>}>
        <MapPage />
      </Suspense>
    ),
  },
  { path: "/packages", title: "Packages", roles: STAFF, nav: true, render: () => <PackagesPage /> },
  {
    path: "/imports",
    title: "Imports",
    roles: ["admin", "analyst"],
    nav: true,
    render: () => <ImportsPage />,
  },
  { path: "/portal", title: "Supplier portal", roles: ["supplier"], nav: true, render: () => <PortalPage /> },
  { path: "/admin/users", title: "Users", roles: ["admin"], nav: true, render: () => <UsersPage /> },
  {
    path: "/admin/tokens",
    title: "API tokens",
    roles: ["admin", "analyst"],
    nav: true,
    render: () => <TokensPage />,
  },
  { path: "/audit", title: "Audit log", roles: ["admin"], nav: true, render: () => <AuditPage /> },
];

function NotAllowed() {
  return (
    <section aria-labelledby="denied">
      <h1 id="denied">Not available to your account</h1>
      <p>This page is not part of your role. Use the menu to reach the pages you can open.</p>
    </section>
  );
}

function Shell(props: { role: Role; username: string; title: string | undefined; children: ReactNode }) {
  const { role, username, title, children } = props;
  const { signOut } = useSession();
  useTitle(title);
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  // Move focus to the page on navigation so screen readers and keyboards start at its heading.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    main.current?.focus();
  }, [path]);
  const links = ROUTES.filter((r) => r.nav && r.roles.includes(role));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">threadproof</span>
        <span className="who">
          {username} <span className="role-badge">{role}</span>
        </span>
        <button type="button" className="secondary" onClick={() => signOut().then(() => navigate("/login"))}>
          Sign out
        </button>
      </header>
      <nav className="sidenav" aria-label="Main">
        <ul>
          {links.map((r) => {
            const current = r.path === "/" ? path === "/" : path.startsWith(r.path);
            return (
              <li key={r.path}>
                <Link to={r.path} aria-current={current ? "page" : undefined}>
                  {r.title}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

export function App() {
  const { me, checking } = useSession();
  const { path } = useLocation();
  useEffect(() => {
    if (checking) return;
    if (!me && path !== "/login") navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true });
    if (me && path === "/login") navigate(me.user.role === "supplier" ? "/portal" : "/", { replace: true });
    if (me?.user.role === "supplier" && path === "/") navigate("/portal", { replace: true });
  }, [me, checking, path]);

  if (checking) return <p className="loading">Loading…</p>;
  if (!me) return <LoginPage />;
  const route = ROUTES.map((r) => ({ r, params: matchPath(r.path, path) })).find((m) => m.params);
  const allowed = route?.r.roles.includes(me.user.role);
  return (
    <Shell role={me.user.role} username={me.user.username} title={route?.r.title}>
      {!route ? <NotFound /> : allowed ? route.r.render(route.params ?? {}) : <NotAllowed />}
    </Shell>
  );
}

function useTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · threadproof` : "threadproof";
  }, [title]);
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        Nothing is at this address. <Link to="/">Go to the dashboard</Link>.
      </p>
    </section>
  );
}
