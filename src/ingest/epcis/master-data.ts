import type { Location } from "../../model/index.ts";
import { locationId, provenance } from "../../model/index.ts";
import { canonicalIdentifier } from "./read-fields.ts";

/**
 * EPCIS master data (`epcisHeader.epcisMasterData.vocabularyList`): BusinessLocation and ReadPoint
 * vocabulary elements become Location records. Both serialisations are first brought to one shape.
 */
export interface VocabularyElement {
  readonly id: string;
  /** Attribute id as given (`urn:epcglobal:cbv:mda#city`, `cbvmda:city`…) → value. */
  readonly attributes: readonly (readonly [string, string])[];
}

export interface Vocabulary {
  readonly type: string;
  readonly elements: readonly VocabularyElement[];
}

const LOCATION_TYPES = new Set([
  "urn:epcglobal:epcis:vtype:BusinessLocation",
  "urn:epcglobal:epcis:vtype:ReadPoint",
]);
const ADDRESS_LINES = ["streetAddressOne", "streetAddressTwo", "streetAddressThree"];

/** `urn:epcglobal:cbv:mda#city`, `cbvmda:city`, `https://ref.gs1.org/cbv/…city` → `city`. */
export function attributeName(id: string): string {
  const m = /[#:/]([A-Za-z][A-Za-z0-9_]*)$/.exec(id);
  return m?.[1] ?? id;
}

function numberOrUndefined(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

export function locationFromVocabularyElement(el: VocabularyElement, source: string): Location {
  const known = new Map<string, string>();
  const attributes: Record<string, string> = {};
  for (const [id, value] of el.attributes) {
    const name = attributeName(id);
    if (
      [
        "name",
        "city",
        "state",
        "postalCode",
        "countryCode",
        "latitude",
        "longitude",
        ...ADDRESS_LINES,
      ].includes(name)
    ) {
      known.set(name, value);
    } else attributes[id] = value;
  }
  const lines = ADDRESS_LINES.flatMap((k) => known.get(k) ?? []);
  const [city, state, postalCode, country, name] = ["city", "state", "postalCode", "countryCode", "name"].map(
    (k) => known.get(k),
  );
  const latitude = numberOrUndefined(known.get("latitude"));
  const longitude = numberOrUndefined(known.get("longitude"));
  return {
    typeName: "location",
    id: locationId(canonicalIdentifier(el.id)),
    ...(name !== undefined ? { name } : {}),
    address: {
      lines,
      ...(city !== undefined ? { city } : {}),
      ...(state !== undefined ? { state } : {}),
      ...(postalCode !== undefined ? { postalCode } : {}),
      ...(country !== undefined ? { country } : {}),
    },
    ...(latitude !== undefined ? { latitude } : {}),
    ...(longitude !== undefined ? { longitude } : {}),
    identifiers: [],
    attributes,
    provenance: provenance(source, `master data, vocabulary element ${el.id}`),
  };
}

export function locationsFromVocabularies(vocabularies: readonly Vocabulary[], source: string): Location[] {
  return vocabularies
    .filter((v) => LOCATION_TYPES.has(v.type))
    .flatMap((v) => v.elements.map((el) => locationFromVocabularyElement(el, source)));
}

type Json = unknown;

function text(v: Json): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return v === undefined || v === null ? undefined : JSON.stringify(v);
}

/** The JSON-LD form: `{type, vocabularyElementList: [{id, attributes: [{id, attribute}]}]}`. */
export function vocabulariesFromJson(header: Json): Vocabulary[] {
  const list = (header as { epcisMasterData?: { vocabularyList?: Json } } | undefined)?.epcisMasterData
    ?.vocabularyList;
  if (!Array.isArray(list)) return [];
  return list.flatMap((v: { type?: Json; vocabularyElementList?: Json }) => {
    if (typeof v?.type !== "string" || !Array.isArray(v.vocabularyElementList)) return [];
    const elements = v.vocabularyElementList.flatMap((el: { id?: Json; attributes?: Json }) => {
      if (typeof el?.id !== "string") return [];
      const attrs = Array.isArray(el.attributes) ? el.attributes : [];
      const attributes = attrs.flatMap((a: { id?: Json; attribute?: Json }) => {
        const value = text(a?.attribute);
        return typeof a?.id === "string" && value !== undefined ? [[a.id, value] as const] : [];
      });
      return [{ id: el.id, attributes }];
    });
    return [{ type: v.type, elements }];
  });
}
