import { type FormEvent, type ReactNode, useState } from "react";
import { getJson, sendJson } from "../api-client.ts";
import type { Decision, ListEntryPage, ListEntryRow, LocationRow, PartyRow } from "../api-types.ts";
import { HanName } from "./han-name.tsx";

type SubjectKind = "party" | "location";

export interface PairSubject {
  readonly kind: SubjectKind;
  readonly id: string;
  readonly name: string;
}

/** How many candidates a search shows: the reviewer narrows the query rather than pages. */
const SHOWN = 10;

async function findSubjects(kind: SubjectKind, q: string): Promise<PairSubject[]> {
  const query = `q=${encodeURIComponent(q)}&limit=${SHOWN}`;
  if (kind === "party") {
    const page = await getJson<{ items: PartyRow[] }>(`/api/parties?${query}`);
    return page.items.map((r) => ({ kind, id: r.party.id, name: r.party.name }));
  }
  const page = await getJson<{ items: LocationRow[] }>(`/api/locations?${query}`);
  return page.items.map((r) => ({ kind, id: r.location.id, name: r.location.name ?? r.location.id }));
}

async function findEntries(q: string): Promise<ListEntryRow[]> {
  const page = await getJson<ListEntryPage>(`/api/lists/entries?q=${encodeURIComponent(q)}&limit=${SHOWN}`);
  return page.items;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A search box and the candidates it found as radio buttons (arrow keys move between them): one
 * step of picking the pair. Enter in the box searches; nothing is picked until the reviewer picks.
 */
function SearchStep<T>(props: {
  id: string;
  legend: string;
  label: string;
  placeholder: string;
  search: (q: string) => Promise<T[]>;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  picked: T | undefined;
  onPick: (item: T | undefined) => void;
  children?: ReactNode;
}) {
  const { id, legend, label, placeholder, search, keyOf, render, picked, onPick, children } = props;
  const [q, setQ] = useState("");
  const [found, setFound] = useState<T[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    setBusy(true);
    setError(undefined);
    search(q.trim()).then(
      (items) => {
        setFound(items);
        onPick(undefined);
        setBusy(false);
      },
      (err: unknown) => {
        setError(messageOf(err));
        setBusy(false);
      },
    );
  };
  return (
    <section className="panel pair-step" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{legend}</h2>
      {children}
      <form className="filter-bar" onSubmit={submit} aria-labelledby={`${id}-title`}>
        <div className="field grow">
          <label htmlFor={`${id}-q`}>{label}</label>
          <input id={`${id}-q`} value={q} onChange={(e) => setQ(e.target.value)} placeholder={placeholder} />
        </div>
        <button type="submit" className="secondary" disabled={busy}>
          {busy ? "Searching…" : "Search"}
        </button>
      </form>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {found && (
        <fieldset className="pair-choices">
          <legend>
            {found.length === 0
              ? "Nothing found: try another spelling"
              : `${found.length === SHOWN ? `First ${SHOWN}` : found.length} found: pick one`}
          </legend>
          {found.map((item) => (
            <label key={keyOf(item)} className="check pair-choice">
              <input
                type="radio"
                name={`${id}-pick`}
                value={keyOf(item)}
                checked={picked !== undefined && keyOf(picked) === keyOf(item)}
                onChange={() => onPick(item)}
              />
              <span>{render(item)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}

function EntryChoice({ entry }: { entry: ListEntryRow }) {
  const other = entry.matchedName && entry.matchedName !== entry.name ? entry.matchedName : undefined;
  return (
    <>
      <HanName text={entry.name} pinyin={false} />
      <span className="muted small">
        {" "}
        · {entry.list.toUpperCase()}
        {entry.section && ` ${entry.section}`}
        {entry.effectiveDate && ` · listed ${entry.effectiveDate}`}
        {other && " · as "}
      </span>
      {other && <HanName text={other} pinyin={false} />}
    </>
  );
}

/**
 * Confirm or dismiss any party or facility against any list entry, hit or not (POST /api/reviews):
 * for a pair the screening did not produce (a below-threshold candidate, what a registry shows).
 * `onDecided` receives the stored decision (its `hitKey` names the pair's history).
 */
export function PairReviewForm({
  onDecided,
  initialSubject,
}: {
  onDecided: (decision: Decision) => void;
  /** Already picked (`/review/pair?party=ID` from a hit of that party): the reviewer picks the entry. */
  initialSubject?: PairSubject;
}) {
  const [kind, setKind] = useState<SubjectKind>(initialSubject?.kind ?? "party");
  const [subject, setSubject] = useState<PairSubject | undefined>(initialSubject);
  const [entry, setEntry] = useState<ListEntryRow | undefined>();
  const [status, setStatus] = useState<"confirmed" | "dismissed">("dismissed");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!subject || !entry) {
      setError("Pick a party or facility and a list entry first.");
      return;
    }
    if (!reason.trim()) {
      setError("Give a reason: it is kept with the decision and shown in the evidence package.");
      return;
    }
    setSaving(true);
    setError(undefined);
    sendJson<Decision>("/api/reviews", {
      [subject.kind]: subject.id,
      entry: entry.id,
      status,
      reason: reason.trim(),
    }).then(
      (decision) => {
        setSaving(false);
        setReason("");
        onDecided(decision);
      },
      (err: unknown) => {
        setError(messageOf(err));
        setSaving(false);
      },
    );
  };

  return (
    <div className="pair-review">
      <SearchStep<PairSubject>
        key={kind}
        id="pair-subject"
        legend="1. Our party or facility"
        label={kind === "party" ? "Find a party by name" : "Find a facility by name"}
        placeholder="e.g. Aksu or 阿克苏"
        search={(q) => findSubjects(kind, q)}
        keyOf={(s) => s.id}
        render={(s) => (
          <>
            <HanName text={s.name} pinyin={false} /> <span className="mono small muted">{s.id}</span>
          </>
        )}
        picked={subject}
        onPick={setSubject}
      >
        <fieldset className="row">
          <legend>Kind of record</legend>
          {(["party", "location"] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="pair-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setSubject(undefined);
                }}
              />
              {k === "party" ? "Party (company)" : "Facility (location)"}
            </label>
          ))}
        </fieldset>
      </SearchStep>
      <SearchStep<ListEntryRow>
        id="pair-entry"
        legend="2. List entry"
        label="Find a list entry (name, alias or Chinese name)"
        placeholder="e.g. Huafu, 华孚 or Hoshine"
        search={findEntries}
        keyOf={(e) => e.id}
        render={(e) => <EntryChoice entry={e} />}
        picked={entry}
        onPick={setEntry}
      />
      <section className="panel pair-step" aria-labelledby="pair-decide-title">
        <h2 id="pair-decide-title">3. Decision</h2>
        <p className="small" aria-live="polite">
          {subject ? (
            <>
              <HanName text={subject.name} pinyin={false} />
              <span className="muted"> ({subject.kind === "party" ? "party" : "facility"})</span>
            </>
          ) : (
            <span className="muted">No party or facility picked</span>
          )}
          <span className="muted"> vs </span>
          {entry ? (
            <HanName text={entry.name} pinyin={false} />
          ) : (
            <span className="muted">no list entry picked</span>
          )}
        </p>
        <form className="reason-form" onSubmit={save} aria-label="Decide the pair">
          <fieldset className="row">
            <legend>Decision</legend>
            {(["confirmed", "dismissed"] as const).map((s) => (
              <label key={s} className="check">
                <input
                  type="radio"
                  name="pair-status"
                  value={s}
                  checked={status === s}
                  onChange={() => setStatus(s)}
                />
                {s === "confirmed" ? "Confirm: this is the listed entity" : "Dismiss: a different entity"}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="pair-reason">Reason (kept with the decision and in the audit log)</label>
            <textarea id="pair-reason" value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save decision"}
            </button>
          </div>
          {error && (
            <p className="error-message" role="alert">
              {error}
            </p>
          )}
        </form>
      </section>
    </div>
  );
}
