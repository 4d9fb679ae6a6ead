import { type FormEvent, useState } from "react";
import { ErrorPanel } from "../components/error-panel.tsx";
import { CursorPager, pageSizeOf, useCursorPages } from "../paging.tsx";
import { Link, navigate, useLocation } from "../router.tsx";

interface LotRow {
  readonly id: string;
  readonly epcClass?: string;
  readonly product?: string;
  readonly quantity?: { readonly value: number; readonly unit: string };
}

export function LotsPage() {
  const { query } = useLocation();
  const q = query.get("q") ?? "";
  const [text, setText] = useState(q);
  const list = useCursorPages<{ items: LotRow[]; nextCursor: string | null }>(
    `/api/lots?${new URLSearchParams({ q, limit: String(pageSizeOf(query, 100)) })}`,
  );
  const rows = list.data?.items ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) navigate(`/lots?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <section aria-labelledby="lots-title">
      <h1 id="lots-title">Lots</h1>
      <form className="filter-bar" onSubmit={submit} aria-label="Find a lot">
        <div className="field grow">
          <label htmlFor="lot-q">Lot, EPC class, bill of lading or event id</label>
          <input
            id="lot-q"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="BOL-MAEU-5505"
          />
        </div>
        <button type="submit">Search</button>
        {text.trim() && (
          <button
            type="button"
            className="secondary"
            onClick={() => navigate(`/lots/${encodeURIComponent(text.trim())}`)}
          >
            Trace it
          </button>
        )}
      </form>
      <ErrorPanel error={list.error} title="Could not search lots" />
      <CursorPager label="Lots" pages={list} />
      <ul className="plain-list lot-list">
        {rows.map((l) => (
          <li key={l.id}>
            <Link to={`/lots/${encodeURIComponent(l.id)}`}>{l.id}</Link>
            {l.product && <span className="muted"> · {l.product}</span>}
            {l.quantity && (
              <span className="muted">
                {" "}
                · {l.quantity.value} {l.quantity.unit}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
