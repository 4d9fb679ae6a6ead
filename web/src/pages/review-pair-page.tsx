import { useState } from "react";
import type { Decision } from "../api-types.ts";
import { DecisionHistoryPanel } from "../components/decision-history.tsx";
import { PairReviewForm } from "../components/pair-review-form.tsx";
import { formatDate } from "../format.ts";
import { Link } from "../router.tsx";

/** `/review/pair`: decide a party or facility against any list entry, then see the pair's history. */
export function ReviewPairPage() {
  const [saved, setSaved] = useState<{ decision: Decision; n: number } | undefined>();
  return (
    <section aria-labelledby="pair-title">
      <h1 id="pair-title">Review a pair</h1>
      <p className="muted">
        Confirm or dismiss any of our parties or facilities against any entry of the UFLPA Entity List or
        CBP's Withhold Release Orders, whether or not screening produced the pair as a hit: a name below the
        match threshold, or what a company registry shows. Every later screen reuses the decision; a change to
        the list entry re-opens it. <Link to="/review">Back to the review queue</Link>
      </p>
      <PairReviewForm onDecided={(decision) => setSaved((s) => ({ decision, n: (s?.n ?? 0) + 1 }))} />
      {saved && (
        <div className="pair-result">
          <p className="success" role="status">
            Saved: {saved.decision.status} by {saved.decision.user} on {formatDate(saved.decision.decidedAt)}{" "}
            <span className="mono small">({saved.decision.hitKey})</span>
          </p>
          <DecisionHistoryPanel key={`${saved.decision.hitKey}|${saved.n}`} hit={saved.decision.hitKey} />
        </div>
      )}
    </section>
  );
}
