import type { Context, TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
/**
 * The model's records are deeply `readonly` and carry branded ids; the API's zod types are plain
 * mutable JSON. `wire` states that a value goes out unchanged as JSON of the same shape, so the
 * route's response type is still checked against the schema field by field.
 */
export type Wire<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : { -readonly [K in keyof T]: Wire<T[K]> };

export function wire<T>(value: T): Wire<T> {
  return value as Wire<T>;
}

/**
 * JSON text computed elsewhere (the trace worker) as the route's 200 answer, typed as `c.json` of a
 * `T` would be: the text is `JSON.stringify` of a `T`, so the schema check of the route still holds.
 */
export function jsonText<T>(c: Context, text: string): JsonAnswer<T> {
  return c.body(text, 200, { "Content-Type": "application/json" }) as unknown as JsonAnswer<T>;
}

/** What `c.json(wire(value), 200)` returns for a value of type `T`. */
type JsonAnswer<T> = Response & TypedResponse<JSONParsed<Wire<T>>, 200, "json">;

/** Query objects from zod carry `key: undefined` for absent options; the app wants them absent. */
export type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

export function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}
