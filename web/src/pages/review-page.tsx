import { sendJson } from "../api-client.ts";
import type { Hit, HitPage } from "../api-types.ts";
import { DecisionHistoryPanel } from "../components/decision-history.tsx";
import { ErrorPanel } from "../components/error-panel.tsx";
import { type Decision, ReviewQueue } from "../components/review-queue.tsx";
import { CursorPager, pageSizeOf, useCursorPages } from "../paging.tsx";
import { canWrite } from "../roles.ts";
import { Link, useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";

/** The queue's views: open hits (new and re-opened) to decide, or decided ones to look back at and re-decide. */
const VIEWS = [
  ["open", "Awaiting a decision", "No hits are waiting for a decision."],
  ["confirmed", "Confirmed", "No confirmed hits."],
  ["dismissed", "Dismissed", "No dismissed hits."],
  ["all", "All", "No screening hits."],
] as const;

export function ReviewPage() {
  const { me } = useSession();
  const { query } = useLocation();
  const view = VIEWS.find(([status]) => status === query.get("status")) ?? VIEWS[0];
  const [status, label, emptyText] = view;
  const list = useCursorPages<HitPage>(`/api/hits?status=${status}&limit=${pageSizeOf(query, 50)}`);
  const hits = list.data?.items ?? [];
  const counts = list.data?.counts;
  const decide = async (hit: Hit, status: Decision, reason: string) => {
    await sendJson(`/api/hits/${encodeURIComponent(hit.hitKey)}/decision`, { status, reason });
  };
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">Review queue</h1>
      <p className="muted">
        Screening hits against the UFLPA Entity List and CBP's Withhold Release Orders. Confirmed hits stay in
        every trace; dismissed ones leave the chain, with your reason on record.
      </p>
      {me && canWrite(me.user.role) && (
        <p>
          <Link to="/review/pair">Review a pair</Link>
          <span className="muted small"> · any party or facility against any list entry, hit or not</span>
        </p>
      )}
      {counts && (
        <p className="small" aria-live="polite">
          {counts.open} awaiting a decision · {counts.confirmed} confirmed · {counts.dismissed} dismissed
        </p>
      )}
      <nav className="view-tabs" aria-label="Hits by decision">
        {VIEWS.map(([s, label]) => (
          <Link
            key={s}
            to={s === "open" ? "/review" : `/review?status=${s}`}
            aria-current={s === status ? "page" : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      <ErrorPanel error={list.error} title="Could not load the hits" />
      <CursorPager label="Hits" pages={list} />
      {list.loading && !list.data ? (
        <p className="loading">Screening…</p>
      ) : (
        <ReviewQueue
          key={`${status}|${list.page}`}
          hits={hits}
          onDecide={decide}
          emptyText={emptyText}
          listLabel={status === "open" ? "Hits awaiting a decision" : `Hits: ${label.toLowerCase()}`}
          history={(h) => <DecisionHistoryPanel key={h.hit} hit={h.hit} />}
          readOnly={!me || !canWrite(me.user.role)}
        />
      )}
    </section>
  );
}
