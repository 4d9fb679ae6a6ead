/** An FtM entity as it travels: multi-valued string properties keyed by FtM property name. */
export interface FtmEntity {
  readonly id: string;
  readonly schema: string;
  readonly caption?: string;
  readonly properties: Readonly<Record<string, readonly string[]>>;
  readonly datasets: readonly string[];
}

/** One JSON line: a plain entity, or a delta (`{"op": "ADD" | "MOD" | "DEL", "entity": …}`). */
export type FtmLine =
  | { readonly kind: "entity"; readonly entity: FtmEntity }
  | { readonly kind: "delete"; readonly id: string }
  | { readonly kind: "blank" }
  | { readonly kind: "bad"; readonly path: string; readonly message: string };

/** Reads one line of FtM JSON lines; never throws (bad JSON is a `bad` line with the reason). */
export function parseFtmLine(text: string): FtmLine {
  if (!text.trim()) return { kind: "blank" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return {
      kind: "bad",
      path: "",
      message: `expected one JSON object per line, got invalid JSON (${error.message})`,
    };
  }
  if (!isRecord(value)) return { kind: "bad", path: "", message: "expected one JSON object per line" };
  if (typeof value.op === "string") return readDelta(value.op, value.entity);
  return readEntity(value);
}

function readDelta(op: string, entity: unknown): FtmLine {
  if (op === "DEL") {
    const id = isRecord(entity) && typeof entity.id === "string" ? entity.id : undefined;
    return id
      ? { kind: "delete", id }
      : { kind: "bad", path: "entity.id", message: "expected the id of the entity to delete" };
  }
  if (op !== "ADD" && op !== "MOD")
    return { kind: "bad", path: "op", message: `expected op ADD, MOD or DEL, got "${op}"` };
  return isRecord(entity)
    ? readEntity(entity)
    : { kind: "bad", path: "entity", message: "expected an entity object" };
}

function readEntity(o: Record<string, unknown>): FtmLine {
  if (typeof o.id !== "string" || !o.id)
    return { kind: "bad", path: "id", message: "expected a non-empty string id" };
  if (typeof o.schema !== "string" || !o.schema)
    return { kind: "bad", path: "schema", message: "expected an FtM schema name" };
  const properties: Record<string, string[]> = {};
  if (isRecord(o.properties)) {
    for (const [name, values] of Object.entries(o.properties)) properties[name] = stringValues(values);
  }
  const datasets = Array.isArray(o.datasets)
    ? o.datasets.filter((d): d is string => typeof d === "string")
    : [];
  const caption = typeof o.caption === "string" ? o.caption : undefined;
  return {
    kind: "entity",
    entity: { id: o.id, schema: o.schema, ...(caption ? { caption } : {}), properties, datasets },
  };
}

/** Property values are strings; nested-entity exports put entity objects there: keep their ids. */
function stringValues(values: unknown): string[] {
  const list = Array.isArray(values) ? values : [values];
  return list.flatMap((v) => {
    if (typeof v === "string") return v.trim() ? [v.trim()] : [];
    if (typeof v === "number") return [String(v)];
    return isRecord(v) && typeof v.id === "string" ? [v.id] : [];
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
