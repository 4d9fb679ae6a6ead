import { type FormEvent, useRef, useState } from "react";
import { upload } from "../api-client.ts";
import type {
  DocumentAdded,
  DocumentList,
  DocumentRow,
  Event,
  ImportJob,
  LocationRow,
  Lot,
} from "../api-types.ts";
import { ErrorPanel } from "../components/error-panel.tsx";
import { HanName } from "../components/han-name.tsx";
import { ImportProgress, ProgressBar } from "../components/progress-bar.tsx";
import { shortId } from "../graph/trace-elements.ts";
import { importJobError, waitForJob } from "../import-jobs.ts";
import { Pager, pageSizeOf, useAllPages } from "../paging.tsx";
import { useLocation } from "../router.tsx";
import { useSession } from "../session.tsx";
import { useResource } from "../use-resource.ts";
import { addressText } from "./locations-page.tsx";

const DOCUMENT_TYPES = [
  ["purchase-order", "Purchase order"],
  ["commercial-invoice", "Commercial invoice"],
  ["packing-list", "Packing list"],
  ["bill-of-lading", "Bill of lading"],
  ["production-record", "Production record"],
  ["bale-lint-purchase-record", "Bale / lint purchase record"],
  ["spinning-record", "Spinning record"],
  ["proof-of-payment", "Proof of payment"],
  ["certificate-of-origin", "Certificate of origin"],
  ["supplier-declaration", "Supplier declaration"],
] as const;

/** The lots the supplier's own events make (origin, transformation) or receive. */
function sourcedLots(events: readonly Event[]): Set<string> {
  const sourced = new Set<string>();
  const lines = (e: Event) => {
    if (e.kind === "origin") return [...e.quantities, ...e.outputs];
    if (e.kind === "transform") return e.outputs;
    return e.kind === "receive" ? e.quantities : [];
  };
  for (const e of events) for (const q of lines(e)) sourced.add(q.lot);
  return sourced;
}

/**
 * What CBP would ask this supplier for, from its own (scoped) data: origins without a country of
 * origin, facilities whose region does not resolve, lots its events neither create (origin,
 * transformation) nor receive, and lots with no registered document.
 */
export function missingItems(
  lots: readonly Lot[],
  documents: readonly DocumentRow[],
  facilities: readonly LocationRow[],
  events: readonly Event[] = [],
): string[] {
  const covered = new Set(documents.flatMap((d) => d.links.map((l) => l.ref)));
  const sourced = sourcedLots(events);
  const out = events
    .filter((e) => e.kind === "origin" && !e.ilmd["cbvmda:countryOfOrigin"])
    .map((e) => `Origin event ${e.declaredId ?? shortId(e.id)}: no country of origin; add country_of_origin`);
  for (const { location: f, risk } of facilities)
    if (!risk.country || (risk.country === "CN" && !risk.region))
      out.push(
        `Facility ${f.name ?? f.id}: the address does not resolve to a province; add the full address`,
      );
  for (const l of lots) {
    if (events.length > 0 && !sourced.has(l.id))
      out.push(
        `Lot ${shortId(l.id)}: no origin, inputs or receipt recorded; upload the event that made or brought it`,
      );
    if (!covered.has(l.id))
      out.push(`Lot ${shortId(l.id)}: no document yet (purchase order, invoice or production record)`);
  }
  return out;
}

/**
 * A supplier's tier records: whole files only (no skipping), checked against its own party's
 * locations by the server before anything is written.
 */
function RecordUpload({ onDone }: { onDone: () => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number | undefined>();
  const [job, setJob] = useState<ImportJob | undefined>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    setSent(0);
    upload<ImportJob>(`/api/imports?${new URLSearchParams({ name: file.name })}`, file, setSent)
      .then((started) => waitForJob(started.id, setJob))
      .then((finished) => {
        setError(importJobError(finished));
        onDone();
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };
  const added = job?.result?.added;
  return (
    <form className="panel upload-form" onSubmit={submit} aria-labelledby="records-upload">
      <h2 id="records-upload">Upload records</h2>
      <p className="muted small">
        The facilities and movements CSV templates, an XLSX workbook or EPCIS 2.0. Every record must concern
        your own facilities: events at them, new facilities you operate, your own company. A file with any
        other record is refused whole and nothing is saved; the list below names each line and field.
      </p>
      <div className="field">
        <label htmlFor="records-file">Records file</label>
        <input id="records-file" type="file" ref={fileRef} required />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Importing…" : "Upload records"}
      </button>
      <div aria-live="polite">
        <ImportProgress busy={busy} sent={sent} job={job} verb="Checking and importing" />
        {job?.status === "succeeded" && added && (
          <p className="success" role="status">
            Imported {job.result?.source}: {added.events} events, {added.locations} facilities, {added.lots}{" "}
            lots, {added.documents} document references new.
          </p>
        )}
      </div>
      <ErrorPanel error={error} title="The records were not imported" />
    </form>
  );
}

function DocumentUpload({ lots, onDone }: { lots: readonly Lot[]; onDone: () => void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    const params = new URLSearchParams({
      name: file.name,
      type: String(form.get("type")),
      ref: String(form.get("ref")),
    });
    setError(undefined);
    setDone(undefined);
    upload<DocumentAdded>(`/api/documents?${params}`, file, setSent)
      .then((r) => {
        const warnings = r.issues.map((i) => i.message).join("; ");
        setDone(
          `${r.document.fileName} ${r.added ? "registered" : "was already registered; links merged"}.${warnings ? ` Note: ${warnings}` : ""}`,
        );
        onDone();
      })
      .catch(setError)
      .finally(() => setSent(undefined));
  };
  return (
    <form className="panel upload-form" onSubmit={submit} aria-labelledby="doc-upload">
      <h2 id="doc-upload">Upload a document</h2>
      <div className="field">
        <label htmlFor="doc-file">File (PDF or image)</label>
        <input id="doc-file" type="file" ref={fileRef} required />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor="doc-type">Type</label>
          <select id="doc-type" name="type">
            {DOCUMENT_TYPES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="doc-ref">For lot</label>
          <select id="doc-ref" name="ref">
            {lots.map((l) => (
              <option key={l.id} value={l.id}>
                {shortId(l.id)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit">Upload document</button>
      {sent !== undefined && <ProgressBar label="Uploading" fraction={sent} />}
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <ErrorPanel error={error} title="The document was not stored" />
    </form>
  );
}

const MISSING_PAGE = 25;
const LOTS_PAGE = 200;

export function PortalPage() {
  const { me } = useSession();
  // What is missing is worked out over all of the supplier's records, page after page.
  const size = pageSizeOf(useLocation().query, 500);
  const facilities = useAllPages<LocationRow>("/api/locations", size);
  const lots = useAllPages<Lot>("/api/lots", size);
  const documents = useResource<DocumentList>("/api/documents");
  const events = useAllPages<Event>("/api/events", size);
  const lotRows = lots.data ?? [];
  const docRows = documents.data?.documents ?? [];
  const facilityRows = facilities.data ?? [];
  const missing = missingItems(lotRows, docRows, facilityRows, events.data ?? []);
  const [missingPage, setMissingPage] = useState(0);
  const page = Math.min(missingPage, Math.max(0, Math.ceil(missing.length / MISSING_PAGE) - 1));
  const [lotsPageWanted, setLotsPage] = useState(0);
  // The page address's ?limit= also sets how many lots are listed at a time.
  const lotsPerPage = Math.min(size, LOTS_PAGE);
  const lotsPage = Math.min(lotsPageWanted, Math.max(0, Math.ceil(lotRows.length / lotsPerPage) - 1));
  const reloadRecords = () => {
    lots.reload();
    facilities.reload();
    events.reload();
  };
  return (
    <section aria-labelledby="portal-title">
      <h1 id="portal-title">Supplier portal</h1>
      <p className="muted">
        Signed in as {me?.user.username}. You see only your own facilities, lots and documents. Upload your
        tier records and the documents behind them; your customer's analysts see them once stored.
      </p>
      <ErrorPanel
        error={facilities.error ?? lots.error ?? documents.error ?? events.error}
        title="Could not load your data"
      />
      <h2>Still missing</h2>
      {missing.length === 0 ? (
        <p className="success">Nothing is missing for your lots and facilities.</p>
      ) : (
        <>
          <p className="small missing-count">
            {missing.length} item{missing.length === 1 ? "" : "s"} to supply
          </p>
          <ul className="missing-list">
            {missing.slice(page * MISSING_PAGE, (page + 1) * MISSING_PAGE).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <Pager
            label="Still missing"
            page={page + 1}
            hasPrevious={page > 0}
            hasNext={(page + 1) * MISSING_PAGE < missing.length}
            onPrevious={() => setMissingPage(page - 1)}
            onNext={() => setMissingPage(page + 1)}
          />
        </>
      )}
      <div className="two-col">
        <RecordUpload onDone={reloadRecords} />
        <DocumentUpload lots={lotRows} onDone={documents.reload} />
      </div>
      <h2>Your facilities</h2>
      <ul className="plain-list">
        {facilityRows.map(({ location: f, risk }) => (
          <li key={f.id}>
            <HanName text={f.name ?? f.id} />{" "}
            <span className="muted small">
              {addressText(f)} ·{" "}
              {[risk.region, risk.country].filter(Boolean).join(", ") || "region unresolved"}
            </span>
          </li>
        ))}
      </ul>
      <h2>Your lots ({lotRows.length})</h2>
      <ul className="plain-list columns">
        {lotRows.slice(lotsPage * lotsPerPage, (lotsPage + 1) * lotsPerPage).map((l) => (
          <li key={l.id} className="mono small" title={l.id}>
            {shortId(l.id)}
          </li>
        ))}
      </ul>
      <Pager
        label="Your lots"
        page={lotsPage + 1}
        hasPrevious={lotsPage > 0}
        hasNext={(lotsPage + 1) * lotsPerPage < lotRows.length}
        onPrevious={() => setLotsPage(lotsPage - 1)}
        onNext={() => setLotsPage(lotsPage + 1)}
      />
      <h2>Your documents ({docRows.length})</h2>
      <ul className="plain-list">
        {docRows.map((d) => (
          <li key={d.sha256}>
            {d.fileName} <span className="muted small">{d.category}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
