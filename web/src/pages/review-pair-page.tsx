import { useState } from "react";
import type { Decision, LocationRow, PartyDetail } from "../api-types.ts";
import { DecisionHistoryPanel } from "../components/decision-history.tsx";
import { ErrorPanel } from "../components/error-panel.tsx";
import { PairReviewForm, type PairSubject } from "../components/pair-review-form.tsx";
import { formatDate } from "../format.ts";
import { Link, useLocation } from "../router.tsx";
import { useResource } from "../use-resource.ts";

/** `?party=ID` or `?location=ID`: that record, by its stored name. */
function usePresetSubject(): { subject?: PairSubject; error: unknown; waiting: boolean } {
  const { query } = useLocation();
  const party = query.get("party");
  const location = query.get("location");
  const path = party
    ? `/api/parties/${encodeURIComponent(party)}`
    : location
      ? `/api/locations/${encodeURIComponent(location)}`
      : undefined;
  const detail = useResource<PartyDetail | LocationRow>(path);
  if (!path) return { error: undefined, waiting: false };
  const data = detail.data;
  if (!data) return { error: detail.error, waiting: !detail.error };
  const subject: PairSubject =
    "party" in data
      ? { kind: "party", id: data.party.id, name: data.party.name }
      : { kind: "location", id: data.location.id, name: data.location.name ?? data.location.id };
  return { subject, error: undefined, waiting: false };
}

/** `/review/pair`: decide a party or facility against any list entry, then see the pair's history. */
export function ReviewPairPage() {
  const [saved, setSaved] = useState<{ decision: Decision; n: number } | undefined>();
  const preset = usePresetSubject();
  return (
    <section aria-labelledby="pair-title">
      <h1 id="pair-title">Review a pair</h1>
      <p className="muted">
        Confirm or dismiss any of our parties or facilities against any entry of the UFLPA Entity List or
        CBP's Withhold Release Orders, whether or not screening produced the pair as a hit: a name below the
        match threshold, or what a company registry shows. Every later screen reuses the decision; a change to
        the list entry re-opens it. <Link to="/review">Back to the review queue</Link>
      </p>
      <ErrorPanel error={preset.error} title="Could not load the party or facility" />
      {preset.waiting ? (
        <p className="loading">Loading…</p>
      ) : (
        <PairReviewForm
          key={preset.subject?.id ?? ""}
          {...(preset.subject ? { initialSubject: preset.subject } : {})}
          onDecided={(decision) => setSaved((s) => ({ decision, n: (s?.n ?? 0) + 1 }))}
        />
      )}
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
