import { itemsOf, sendJson } from "../api-client.ts";
import type { Hit } from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { type Decision, ReviewQueue } from "../components/review-queue.tsx";
import { canWrite } from "../roles.ts";
import { useSession } from "../session.tsx";
import { useResource } from "../use-resource.ts";

export function ReviewPage() {
  const { me } = useSession();
  const list = useResource<unknown>("/api/hits?state=open&limit=500");
  const hits = itemsOf<Hit>(list.data);
  const decide = async (hit: Hit, status: Decision, reason: string) => {
    await sendJson(`/api/hits/${encodeURIComponent(hit.hit)}/decision`, { status, reason });
  };
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">Review queue</h1>
      <p className="muted">
        Screening hits against the UFLPA Entity List and CBP's Withhold Release Orders. Confirmed hits stay in
        every trace; dismissed ones leave the chain, with your reason on record.
      </p>
      <ErrorPanel error={list.error} title="Could not load the hits" />
      {list.loading && !list.data ? (
        <p className="loading">Screening…</p>
      ) : (
        <ReviewQueue hits={hits} onDecide={decide} readOnly={!me || !canWrite(me.user.role)} />
      )}
    </section>
  );
}
