import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { Hit } from "../api-types.ts";
import { Link } from "../router.tsx";
import { HanName } from "./han-name.tsx";

export type Decision = "confirmed" | "dismissed";

export interface ReviewQueueProps {
  readonly hits: readonly Hit[];
  /** Saves a decision; the queue drops the hit when it resolves and shows the error when it rejects. */
  readonly onDecide: (hit: Hit, status: Decision, reason: string) => Promise<void>;
  readonly readOnly?: boolean;
  /** Shown under the hit being reviewed: its earlier decisions (the page fetches them). */
  readonly history?: (hit: Hit) => ReactNode;
  /** What an empty queue says (the default is for open hits). */
  readonly emptyText?: string;
  /** The hit list's accessible name (the default is for open hits). */
  readonly listLabel?: string;
}

const CONFIRM_REASON = "Names and details match the list entry.";

/** The UFLPA Entity List's sections (UFLPA § 2(d)(2)(B)), as the strategy describes them. */
const UFLPA_SECTIONS: Readonly<Record<string, string>> = {
  "2(d)(2)(B)(i)": "entities in Xinjiang that mine, produce or manufacture goods with forced labor",
  "2(d)(2)(B)(ii)":
    "entities working with the Xinjiang government to recruit, transport or receive forced labor",
  "2(d)(2)(B)(iv)": "entities that exported such goods from China to the United States",
  "2(d)(2)(B)(v)":
    "entities sourcing material from Xinjiang or from persons working with its government or the XPCC",
};

function sectionText(section: string): string {
  const key = section.replace(/^section\s*/i, "").trim();
  const text = UFLPA_SECTIONS[key];
  return text ? `${key}: ${text}` : section;
}

/** A labelled list of names, each Chinese one with its pinyin. */
function Names({ title, names }: { title: string; names: readonly string[] }) {
  if (names.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="aliases" aria-label={title}>
        {names.map((a) => (
          <li key={a}>
            <HanName text={a} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** The list entry as the list gives it: names in Latin script and in Chinese (with pinyin), and where it is. */
function ListEntryPanel({ hit }: { hit: Hit }) {
  // Older servers sent the entity without its names and address.
  const { aliases = [], formerNames = [], chineseNames = [], address } = hit.entity;
  return (
    <section className="panel list-entry" aria-labelledby="entry">
      <h2 id="entry">List entry · {hit.entity.list.toUpperCase()}</h2>
      <p className="big-name">
        <HanName text={hit.entity.name} />
      </p>
      {hit.entity.section && <p className="small">Section {sectionText(hit.entity.section)}</p>}
      {address && (
        <p className="entry-address">
          <span className="muted">Listed at </span>
          <HanName text={address} />
        </p>
      )}
      <Names title="In Chinese" names={chineseNames} />
      <Names title="Also known as" names={aliases} />
      <Names title="Formerly" names={formerNames} />
      <p className="mono small muted">{hit.entity.id}</p>
    </section>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable)
  );
}

/** j / k move, c / d ask for a reason; ignored while typing or while the reason form is open. */
function useQueueKeys(o: {
  active: boolean;
  canDecide: boolean;
  count: number;
  ask: (status: Decision) => void;
  setIndex: (f: (i: number) => number) => void;
}) {
  const { active, canDecide, count, ask, setIndex } = o;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!active || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const move: Record<string, (i: number) => number> = {
        j: (i) => Math.min(i + 1, Math.max(0, count - 1)),
        k: (i) => Math.max(i - 1, 0),
      };
      const decide: Record<string, Decision> = { c: "confirmed", d: "dismissed" };
      const step = move[e.key];
      const status = decide[e.key];
      if (step) setIndex(step);
      else if (status && canDecide) ask(status);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, canDecide, count, ask, setIndex]);
}

/**
 * The screening review queue. Keys: j / k next and previous hit, c confirm, d dismiss; both ask for
 * a reason (confirm offers a default), Enter saves, Escape cancels.
 */
export function ReviewQueue({
  hits,
  onDecide,
  readOnly = false,
  history,
  emptyText = "No hits are waiting for a decision.",
  listLabel = "Hits awaiting a decision",
}: ReviewQueueProps) {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const [index, setIndex] = useState(0);
  const [asking, setAsking] = useState<Decision | undefined>();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const pending = hits.filter((h) => !done.has(h.hit));
  const current = pending[Math.min(index, pending.length - 1)];

  const ask = useCallback((status: Decision) => {
    setAsking(status);
    setReason(status === "confirmed" ? CONFIRM_REASON : "");
    setError(undefined);
  }, []);

  useEffect(() => {
    if (asking) reasonRef.current?.focus();
  }, [asking]);

  useQueueKeys({ active: !asking, canDecide: !!current && !readOnly, count: pending.length, ask, setIndex });

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!current || !asking) return;
    if (!reason.trim()) {
      setError("Give a reason: it is kept with the decision and shown in the evidence package.");
      return;
    }
    setSaving(true);
    onDecide(current, asking, reason.trim()).then(
      () => {
        setDone((d) => new Set(d).add(current.hit));
        setAsking(undefined);
        setSaving(false);
      },
      (err: unknown) => {
        setError(err instanceof Error ? err.message : String(err));
        setSaving(false);
      },
    );
  };

  if (pending.length === 0)
    return (
      <p className="empty" role="status">
        {emptyText}
      </p>
    );

  return (
    <div className="review">
      <ol className="hit-list" aria-label={listLabel}>
        {pending.map((h, i) => (
          <li key={h.hit}>
            <button
              type="button"
              className={h === current ? "hit-item selected" : "hit-item"}
              aria-current={h === current ? "true" : undefined}
              onClick={() => setIndex(i)}
            >
              <span className="hit-subject">
                <HanName text={h.subject.name} />
              </span>
              <span className="hit-meta">
                {Math.round(h.score * 100)} % · {h.entity.list.toUpperCase()}
                {h.review.state === "reopened" && " · re-opened"}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {current && (
        <article className="hit-detail" aria-label={`Hit ${current.hit}`} data-hit={current.hit}>
          <div className="side-by-side">
            <section className="panel" aria-labelledby="ours">
              <h2 id="ours">In our data ({current.subject.kind})</h2>
              <p className="big-name">
                <HanName text={current.subject.name} />
              </p>
              <p className="mono small muted">{current.subject.id}</p>
              {!readOnly && (
                <p className="small">
                  <Link to={`/review/pair?${current.subject.kind}=${encodeURIComponent(current.subject.id)}`}>
                    Decide against another list entry
                  </Link>
                </p>
              )}
              <h3>Why it matched</h3>
              <p>
                Score <strong>{Math.round(current.score * 100)} %</strong>
                {current.via && current.via !== "name" && <> · via {current.via}</>}
              </p>
              <ul className="explanations">
                {current.explanations.map((x) => (
                  <li key={x}>
                    <HanName text={x} pinyin={false} />
                  </li>
                ))}
              </ul>
            </section>
            <ListEntryPanel hit={current} />
          </div>
          {history?.(current)}
          {!readOnly && !asking && (
            <div className="actions">
              <button type="button" onClick={() => ask("confirmed")}>
                Confirm <kbd>c</kbd>
              </button>
              <button type="button" className="secondary" onClick={() => ask("dismissed")}>
                Dismiss <kbd>d</kbd>
              </button>
              <span className="muted small">
                <kbd>j</kbd> / <kbd>k</kbd> next / previous
              </span>
            </div>
          )}
          {asking && (
            <form
              className="reason-form"
              onSubmit={save}
              aria-label={`Reason to ${asking === "confirmed" ? "confirm" : "dismiss"}`}
            >
              <label htmlFor="reason">
                Reason to {asking === "confirmed" ? "confirm" : "dismiss"} this hit (kept in the audit log)
              </label>
              <textarea
                id="reason"
                ref={reasonRef}
                value={reason}
                rows={2}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && !e.shiftKey) save(e);
                  if (e.key === "Escape") setAsking(undefined);
                }}
              />
              <div className="actions">
                <button type="submit" disabled={saving}>
                  {saving ? "Saving…" : asking === "confirmed" ? "Confirm hit" : "Dismiss hit"}
                </button>
                <button type="button" className="secondary" onClick={() => setAsking(undefined)}>
                  Cancel <kbd>Esc</kbd>
                </button>
              </div>
              {error && (
                <p className="error-message" role="alert">
                  {error}
                </p>
              )}
            </form>
          )}
        </article>
      )}
    </div>
  );
}
