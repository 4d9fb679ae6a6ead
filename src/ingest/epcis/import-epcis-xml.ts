import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from "saxes";
import type { ParsedChunk } from "../../model/index.ts";
import type { Importer, ImportInput } from "../importer.ts";
import { type EventContext, EventIssues } from "./event-context.ts";
import { eventFromJson } from "./event-from-json.ts";
import { locationsFromVocabularies, type Vocabulary } from "./master-data.ts";
import { createRecordCollector, documentIssue, type RecordCollector } from "./record-collector.ts";
import {
  extensionValue,
  flattenExtensions,
  type PrefixMap,
  type XmlNode,
  xmlEventToJson,
} from "./xml-event-to-json.ts";

/**
 * EPCIS 2.0 XML documents (capture, query results, or a bare event), streamed with saxes: each
 * event element is collected as a small tree, converted to the JSON-LD shape and mapped like JSON.
 * Memory holds one event (and the master-data vocabulary while it is read).
 */
const EVENT_NAMES = new Set([
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
  "QuantityEvent",
]);
const ROOTS = new Set(["EPCISDocument", "EPCISQueryDocument"]);
const MAX_XML_ERRORS = 50;
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

interface XmlState {
  readonly source: string;
  readonly collector: RecordCollector;
  /** Open elements (local names) from the root down. */
  readonly path: string[];
  /** The event or vocabulary subtree being collected, innermost open element last. */
  readonly open: XmlNode[];
  collecting: "event" | "vocabulary" | undefined;
  index: number;
  sawEventList: boolean;
  rootName: string | undefined;
  xmlErrors: number;
  /** Set at a DOCTYPE: the document is refused and the rest of it is not parsed. */
  refused: boolean;
}

/** Elements some writers qualify with the EPCIS schema namespace are EPCIS's own, like unqualified ones. */
function isEpcisNamespace(uri: string): boolean {
  return uri.startsWith("urn:epcglobal:epcis:xsd:") || uri.startsWith("urn:epcglobal:epcis-query:xsd:");
}

function nodeOf(tag: SaxesTagNS, line: number): XmlNode {
  const attributes = Object.values(tag.attributes as Record<string, SaxesAttributeNS>)
    // xsi:type / xsi:nil are XML typing, not data (the JSON twin has no such field).
    .filter((a) => a.prefix !== "xmlns" && a.name !== "xmlns" && a.uri !== XSI)
    .map((a) =>
      isEpcisNamespace(a.uri)
        ? { uri: "", prefix: "", local: a.local, value: a.value }
        : { uri: a.uri, prefix: a.prefix, local: a.local, value: a.value },
    );
  const epcis = isEpcisNamespace(tag.uri);
  return {
    uri: epcis ? "" : tag.uri,
    prefix: epcis ? "" : tag.prefix,
    local: tag.local,
    attributes,
    children: [],
    text: "",
    line,
  };
}

/** An element in an EventList that is no EPCIS event type: reported as an event with a bad type. */
function reportUnknownEvent(state: XmlState, tag: SaxesTagNS, line: number): void {
  state.index++;
  const ctx: EventContext = { source: state.source, index: state.index, line, namespaces: {}, format: "xml" };
  const issues = new EventIssues(ctx, undefined);
  issues.error(
    "epcis.event-type",
    "type",
    `<${tag.local}> is not an EPCIS 2.0 event type (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent)`,
  );
  state.collector.addEvent({ issues }, ctx);
}

/** An element is an event when it sits in an EventList (or its 1.x `extension`), or is the root. */
function isEventElement(state: XmlState, tag: SaxesTagNS): boolean {
  if (!EVENT_NAMES.has(tag.local)) return false;
  const parent = state.path.at(-1);
  const grand = state.path.at(-2);
  return (
    state.path.length === 0 || parent === "EventList" || (parent === "extension" && grand === "EventList")
  );
}

function onOpen(state: XmlState, tag: SaxesTagNS, line: number): void {
  if (state.path.length === 0) state.rootName = tag.local;
  if (tag.local === "EventList") state.sawEventList = true;
  if (state.collecting) {
    const node = nodeOf(tag, line);
    state.open.at(-1)?.children.push(node);
    state.open.push(node);
  } else if (isEventElement(state, tag)) {
    state.collecting = "event";
    state.open.push(nodeOf(tag, line));
  } else if (state.path.at(-1) === "EventList" && tag.local !== "extension") {
    reportUnknownEvent(state, tag, line);
  } else if (tag.local === "VocabularyList") {
    state.collecting = "vocabulary";
    state.open.push(nodeOf(tag, line));
  }
  state.path.push(tag.local);
}

function finishEvent(state: XmlState, node: XmlNode): void {
  state.index++;
  const map: PrefixMap = { namespaces: {} };
  const eventId = node.children.find((c) => !c.uri && c.local === "eventID")?.text.trim();
  const ctx: EventContext = {
    source: state.source,
    index: state.index,
    line: node.line,
    namespaces: map.namespaces,
    format: "xml",
  };
  const issues = new EventIssues(ctx, eventId || undefined);
  if (node.local === "QuantityEvent") {
    issues.error(
      "epcis.event-type",
      "type",
      "QuantityEvent was removed in EPCIS 2.0: use an ObjectEvent with a quantityList",
    );
    state.collector.addEvent({ issues }, ctx);
    return;
  }
  const json = xmlEventToJson(node, map, issues);
  state.collector.addEvent(eventFromJson(json, { ...ctx, namespaces: { ...map.namespaces } }, issues), ctx);
}

function vocabulariesOf(list: XmlNode): Vocabulary[] {
  const map: PrefixMap = { namespaces: {} };
  return list.children.map((vocabulary) => {
    const type = vocabulary.attributes.find((a) => a.local === "type")?.value ?? "";
    const elementList = vocabulary.children.find((c) => c.local === "VocabularyElementList");
    const elements = (elementList?.children ?? []).map((el) => ({
      id: el.attributes.find((a) => a.local === "id")?.value ?? "",
      attributes: el.children
        .filter((a) => a.local === "attribute")
        .map((a) => {
          const value = a.children.length > 0 ? JSON.stringify(extensionValue(a, map)) : a.text.trim();
          return [a.attributes.find((x) => x.local === "id")?.value ?? "", value] as const;
        }),
    }));
    return { type, elements };
  });
}

function onClose(state: XmlState): void {
  state.path.pop();
  if (!state.collecting) return;
  const node = state.open.pop();
  if (!node || state.open.length > 0) return;
  if (state.collecting === "event")
    finishEvent(state, { ...node, children: flattenExtensions(node.children) });
  else
    for (const l of locationsFromVocabularies(vocabulariesOf(node), state.source))
      state.collector.addLocation(l);
  state.collecting = undefined;
}

/**
 * EPCIS documents have no use for a DTD, and a DTD is how XML attacks come in: external entities
 * (XXE: reading local files or URLs) and nested entity expansion (billion laughs). saxes never
 * fetches or expands declared entities, but it would go on to report every `&name;` as a vague
 * "undefined entity"; refusing the document at its DOCTYPE says what is wrong, once.
 */
function refuseDoctype(state: XmlState, line: number): void {
  state.refused = true;
  state.collector.addIssue(
    documentIssue(
      state.source,
      "",
      `DOCTYPE at line ${line} refused: EPCIS XML may not declare a DTD or entities (external entities and entity expansion are not allowed); nothing in this document was read`,
      "epcis.xml-doctype",
    ),
  );
}

function createParser(state: XmlState): SaxesParser<{ xmlns: true; position: true }> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("doctype", () => refuseDoctype(state, parser.line));
  parser.on("opentag", (tag) => {
    if (!state.refused) onOpen(state, tag, parser.line);
  });
  parser.on("closetag", () => {
    if (!state.refused) onClose(state);
  });
  const onText = (t: string) => {
    const node = state.open.at(-1);
    if (node && !state.refused) node.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("error", (e) => {
    if (state.refused) return;
    state.xmlErrors++;
    if (state.xmlErrors <= MAX_XML_ERRORS) {
      state.collector.addIssue(
        documentIssue(state.source, "", `malformed XML at line ${parser.line}: ${e.message}`, "epcis.xml"),
      );
    }
  });
  return parser;
}

function finish(state: XmlState): void {
  const { rootName, collector, source } = state;
  if (rootName === undefined) {
    collector.addIssue(documentIssue(source, "", "no XML element found: not an EPCIS document", "epcis.xml"));
  } else if (!ROOTS.has(rootName) && !EVENT_NAMES.has(rootName)) {
    collector.addIssue(
      documentIssue(
        source,
        rootName,
        `not an EPCIS document: root element <${rootName}>, expected <EPCISDocument> or <EPCISQueryDocument>`,
      ),
    );
  } else if (ROOTS.has(rootName) && !state.sawEventList) {
    collector.addIssue(
      documentIssue(
        source,
        "EPCISBody",
        "no <EventList> in <EPCISBody>: nothing to import (a query, not query results?)",
      ),
    );
  }
}

async function* importXml(input: ImportInput): AsyncGenerator<ParsedChunk> {
  const state: XmlState = {
    source: input.source,
    collector: createRecordCollector(input.source),
    path: [],
    open: [],
    collecting: undefined,
    index: 0,
    sawEventList: false,
    rootName: undefined,
    xmlErrors: 0,
    refused: false,
  };
  const parser = createParser(state);
  const decoder = new TextDecoder("utf-8");
  for await (const bytes of input.bytes) {
    // After this many errors the rest is noise; stop parsing but keep reading is pointless too.
    if (state.xmlErrors > MAX_XML_ERRORS || state.refused) break;
    parser.write(decoder.decode(bytes, { stream: true }));
    yield* state.collector.take(false);
  }
  if (state.refused) {
    yield* state.collector.take(true);
    return;
  }
  if (state.xmlErrors <= MAX_XML_ERRORS) parser.write(decoder.decode()).close();
  finish(state);
  yield* state.collector.take(true);
}

/** Imports an EPCIS 2.0 XML document (capture or query results, or a bare event). */
export const importEpcisXml: Importer = (input) => importXml(input);
