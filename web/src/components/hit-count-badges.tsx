import type { HitCounts } from "../api-types.ts";
import { Link } from "../router.tsx";

/** Hits by review state; open ones link to the review queue. */
export function HitCountBadges({ hits }: { hits: HitCounts }) {
  if (hits.open + hits.confirmed + hits.dismissed === 0) return <span className="muted">no hit</span>;
  return (
    <span className="badges">
      {hits.open > 0 && (
        <Link to="/review" className="badge hit-open">
          {hits.open} open
        </Link>
      )}
      {hits.confirmed > 0 && <span className="badge hit-confirmed">{hits.confirmed} confirmed</span>}
      {hits.dismissed > 0 && <span className="badge hit-dismissed">{hits.dismissed} dismissed</span>}
    </span>
  );
}
