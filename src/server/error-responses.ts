import { ErrorBodySchema } from "../api/index.ts";

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: "invalid input (`issues` name each bad field)",
  401: "not signed in",
  403: "the caller's role may not do this",
  404: "no such record, or not within the caller's scope",
  409: "conflict",
  413: "request too large",
  429: "too many requests",
  503: "the store does not answer (`store-unavailable`), or a trace came while the graph is being built (`not-ready`, with Retry-After)",
};

/** The error responses a route documents; every one has the body `{ error: { code, message, issues? } }`. */
export function errorResponses(...statuses: readonly number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: DESCRIPTIONS[s] ?? "error",
        content: { "application/json": { schema: ErrorBodySchema } },
      },
    ]),
  );
}

export function json<T>(schema: T) {
  return { "application/json": { schema } };
}
