import type { ParsedChunk } from "../../model/index.ts";
import type { Importer, ImportInput } from "../importer.ts";
import { type EventContext, EventIssues } from "./event-context.ts";
import { eventFromJson, type MappedEvent } from "./event-from-json.ts";
import { createJsonSplitter } from "./json-event-splitter.ts";
import type { JsonValue } from "./json-hash-tree.ts";
import { locationsFromVocabularies, vocabulariesFromJson } from "./master-data.ts";
import { createRecordCollector, documentIssue, type RecordCollector } from "./record-collector.ts";

/**
 * EPCIS 2.0 JSON / JSON-LD documents (capture and query), streamed: events are mapped as they
 * arrive, in chunks of at most CHUNK_RECORDS records. Bad data becomes issues, never a throw.
 */
type Namespaces = Readonly<Record<string, string>>;

const DOCUMENT_TYPES = new Set(["EPCISDocument", "EPCISQueryDocument"]);

/** Inline prefix definitions of a JSON-LD @context; undefined when the document has no @context. */
function namespacesOf(doc: unknown): Namespaces | undefined {
  if (typeof doc !== "object" || doc === null || !("@context" in doc)) return undefined;
  const ctx = (doc as { "@context": unknown })["@context"];
  const out: Record<string, string> = {};
  for (const c of Array.isArray(ctx) ? ctx : [ctx]) {
    if (typeof c === "object" && c !== null) {
      for (const [k, v] of Object.entries(c)) if (typeof v === "string") out[k] = v;
    }
  }
  return out;
}

function tryParse(text: string): { ok: true; value: JsonValue } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

interface JsonImportState {
  readonly source: string;
  readonly collector: RecordCollector;
  namespaces: Namespaces | undefined;
  readonly pending: string[];
  index: number;
}

function mapEventText(state: JsonImportState, text: string, namespaces: Namespaces | undefined): void {
  state.index++;
  const ctx: EventContext = {
    source: state.source,
    index: state.index,
    namespaces: namespaces ?? {},
    format: "json",
  };
  const parsed = tryParse(text);
  if (!parsed.ok) {
    state.collector.addEvent(
      failed(ctx, "epcis.json", "", `malformed JSON in this event: ${parsed.message}`),
      ctx,
    );
    return;
  }
  if (namespaces === undefined) {
    state.collector.addEvent(
      failed(
        ctx,
        "epcis.context",
        "@context",
        "the document has no @context: a JSON-LD EPCIS document must name the EPCIS context",
      ),
      ctx,
    );
    return;
  }
  state.collector.addEvent(eventFromJson(parsed.value, ctx), ctx);
}

function failed(ctx: EventContext, code: string, path: string, message: string): MappedEvent {
  const issues = new EventIssues(ctx, undefined);
  issues.error(code, path, message);
  return { issues };
}

function acceptEvents(state: JsonImportState, texts: readonly string[], preview: () => string): void {
  if (texts.length === 0) return;
  if (state.namespaces === undefined) {
    const p = tryParse(preview());
    state.namespaces = p.ok ? namespacesOf(p.value) : undefined;
  }
  // Without @context yet (it may follow the body), events wait for the end of the document.
  if (state.namespaces === undefined) state.pending.push(...texts);
  else for (const t of texts) mapEventText(state, t, state.namespaces);
}

function finishDocument(state: JsonImportState, skeleton: string, truncated: boolean): void {
  const { collector, source } = state;
  if (truncated)
    collector.addIssue(
      documentIssue(source, "", "the JSON document ends before it is complete (truncated?)", "epcis.json"),
    );
  const parsed = tryParse(skeleton);
  if (!parsed.ok) {
    collector.addIssue(documentIssue(source, "", `malformed JSON: ${parsed.message}`, "epcis.json"));
    for (const t of state.pending.splice(0)) mapEventText(state, t, undefined);
    return;
  }
  const doc = parsed.value as { [k: string]: JsonValue };
  state.namespaces ??= namespacesOf(doc);
  for (const t of state.pending.splice(0)) mapEventText(state, t, state.namespaces);
  finishSkeleton(state, doc);
}

function finishSkeleton(state: JsonImportState, doc: { [k: string]: JsonValue }): void {
  const { collector, source } = state;
  const type = typeof doc === "object" && doc !== null ? doc.type : undefined;
  const body = (doc?.epcisBody ?? undefined) as { event?: JsonValue } | undefined;
  if (typeof type === "string" && type.endsWith("Event") && !DOCUMENT_TYPES.has(type)) {
    mapEventText(state, JSON.stringify(doc), state.namespaces ?? {});
    return;
  }
  if (typeof type !== "string" || !DOCUMENT_TYPES.has(type)) {
    collector.addIssue(
      documentIssue(
        source,
        "type",
        `not an EPCIS document: expected type EPCISDocument or EPCISQueryDocument, got ${JSON.stringify(type)}`,
      ),
    );
    return;
  }
  if (state.namespaces === undefined && state.index === 0) {
    collector.addIssue(documentIssue(source, "@context", "the document has no @context", "epcis.context"));
  }
  if (body?.event !== undefined) mapEventText(state, JSON.stringify(body.event), state.namespaces);
  for (const location of locationsFromVocabularies(vocabulariesFromJson(doc.epcisHeader), source)) {
    collector.addLocation(location);
  }
}

async function* importJson(input: ImportInput): AsyncGenerator<ParsedChunk> {
  const splitter = createJsonSplitter();
  const decoder = new TextDecoder("utf-8");
  const state: JsonImportState = {
    source: input.source,
    collector: createRecordCollector(input.source),
    namespaces: undefined,
    pending: [],
    index: 0,
  };
  for await (const bytes of input.bytes) {
    acceptEvents(state, splitter.push(decoder.decode(bytes, { stream: true })), splitter.preview);
    yield* state.collector.take(false);
  }
  acceptEvents(state, splitter.push(decoder.decode()), splitter.preview);
  const { skeleton, truncated, strayValue } = splitter.end();
  if (strayValue) {
    state.collector.addIssue(
      documentIssue(
        state.source,
        "epcisBody.eventList",
        "the event list holds a value that is not an event object",
        "epcis.type",
      ),
    );
  }
  finishDocument(state, skeleton, truncated);
  yield* state.collector.take(true);
}

/** Imports an EPCIS 2.0 JSON-LD document (capture or query results, or a bare event). */
export const importEpcisJson: Importer = (input) => importJson(input);
