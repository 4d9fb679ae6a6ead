import { sendJson } from "../api-client.ts";
import type { Hit, HitPage } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { type Decision, ReviewQueue } from "../components/review-queue.tsx";
import { CursorPager, pageSizeOf, useCursorPages } from "../paging.tsx";
import { canWrite } from "../roles.ts";
import { useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";

export function ReviewPage() {
  const { me } = useSession();
  const { query } = useLocation();
  const list = useCursorPages<HitPage>(`/api/hits?status=open&limit=${pageSizeOf(query, 50)}`);
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
      {counts && (
        <p className="small" aria-live="polite">
          {counts.open} awaiting a decision · {counts.confirmed} confirmed · {counts.dismissed} dismissed
        </p>
      )}
      <ErrorPanel error={list.error} title="Could not load the hits" />
      <CursorPager label="Hits" pages={list} />
      {list.loading && !list.data ? (
        <p className="loading">Screening…</p>
      ) : (
        <ReviewQueue
          key={list.page}
          hits={hits}
          onDecide={decide}
          readOnly={!me || !canWrite(me.user.role)}
        />
      )}
    </section>
  );
}
